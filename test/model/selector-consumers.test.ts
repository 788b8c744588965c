import { describe, expect, it } from '@jest/globals';
import {
  disruptionBudgetSelector,
  networkPolicyPodSelector,
  serviceSelector,
  workloadSelector,
} from '../../src/model/selectors/consumers.js';
import { formatSelector, selectorMatches } from '../../src/model/selectors/label-selector.js';
import { resolveTargetPort } from '../../src/model/target-port.js';

const WEB = { app: 'web' };

/** `state`, and for a selector whether it selects the `app=web` pod: the per-consumer table of consumers.ts. */
function read(r: ReturnType<typeof serviceSelector>): string {
  return r.state === 'set' ? `set ${selectorMatches(r.selector, WEB) ? 'selects' : 'skips'} web` : r.state;
}

describe('what each consumer reads an absent, empty or invalid selector as', () => {
  it('Service: absent, null, {} and ExternalName have no managed endpoints; a bad value is invalid', () => {
    const cases = [undefined, null, {}, { app: 'web' }, { app: 'api' }, { app: 1 }, 'app=web'].map((selector) =>
      read(serviceSelector({ spec: { selector } })),
    );
    expect(cases).toEqual(['none', 'none', 'none', 'set selects web', 'set skips web', 'invalid', 'invalid']);
    expect(read(serviceSelector({ spec: { type: 'ExternalName', selector: { app: 'web' } } }))).toBe('none');
  });

  it('PodDisruptionBudget (policy/v1): absent selects no pod, {} every pod', () => {
    const cases = [
      undefined,
      null,
      {},
      { matchLabels: { app: 'web' } },
      { matchExpressions: [{ key: 'app', operator: 'NotIn' }] },
    ].map((selector) => read(disruptionBudgetSelector({ spec: { selector } })));
    expect(cases).toEqual(['none', 'none', 'set selects web', 'set selects web', 'invalid']);
  });

  it('NetworkPolicy: absent and {} podSelector both select every pod', () => {
    const cases = [undefined, {}, { matchLabels: { app: 'api' } }, { matchLabels: { app: 'web_' } }].map(
      (podSelector) => read(networkPolicyPodSelector({ spec: { podSelector } })),
    );
    expect(cases).toEqual(['set selects web', 'set selects web', 'set skips web', 'invalid']);
  });

  it('apps/v1 workloads: a selector is required and must not be empty', () => {
    const cases = [undefined, {}, { matchLabels: {} }, { matchLabels: { app: 'web' } }].map((selector) =>
      read(workloadSelector('Deployment.apps', { spec: { selector } })),
    );
    expect(cases).toEqual(['invalid', 'invalid', 'invalid', 'set selects web']);
    // A selector that does not compile is invalid, like an empty one.
    expect(read(workloadSelector('StatefulSet.apps', { spec: { selector: { matchLabels: 'app=web' } } }))).toBe(
      'invalid',
    );
    expect(read(workloadSelector('Job.batch', { spec: {} }))).toBe('none');
    expect(read(workloadSelector('Job.batch', { spec: { selector: {} } }))).toBe('set selects web');
  });

  it('an object or spec that is not an object has no selector', () => {
    for (const object of [null, 'web', { spec: null }, { spec: ['selector'] }]) {
      expect(read(serviceSelector(object))).toBe('none');
      expect(read(disruptionBudgetSelector(object))).toBe('none');
      expect(read(networkPolicyPodSelector(object))).toBe('set selects web');
      expect(read(workloadSelector('Deployment.apps', object))).toBe('invalid');
    }
  });

  it("ReplicationController: an absent or empty selector is its template's labels", () => {
    const template = { metadata: { labels: { app: 'web', tier: 'front' } } };
    for (const selector of [undefined, {}]) {
      const r = workloadSelector('ReplicationController', { spec: { selector, template } });
      expect(formatSelector(r.selector)).toBe('app=web,tier=front');
    }
    expect(read(workloadSelector('ReplicationController', { spec: { selector: { app: 'web' }, template } }))).toBe(
      'set selects web',
    );
  });
});

describe('resolveTargetPort (FindPort)', () => {
  const spec = {
    containers: [
      {
        name: 'app',
        ports: [
          { name: 'dns', containerPort: 5353 },
          { name: 'http', containerPort: 8080 },
        ],
      },
    ],
    initContainers: [
      { name: 'setup', ports: [{ name: 'metrics', containerPort: 1 }] },
      { name: 'proxy', restartPolicy: 'Always', ports: [{ name: 'metrics', containerPort: 9090 }] },
    ],
  };

  it('resolves a name with the Service port protocol, in app containers and then sidecars', () => {
    expect(resolveTargetPort({ port: 80, targetPort: 'http' }, spec)).toBe(8080);
    expect(resolveTargetPort({ port: 53, targetPort: 'dns', protocol: 'TCP' }, spec)).toBe(5353);
    expect(resolveTargetPort({ port: 53, targetPort: 'dns', protocol: 'UDP' }, spec)).toBeUndefined();
    expect(resolveTargetPort({ port: 9090, targetPort: 'metrics' }, spec)).toBe(9090);
  });

  it('takes a number as it is, and the port when targetPort is unset', () => {
    expect(resolveTargetPort({ port: 80, targetPort: 8081 }, spec)).toBe(8081);
    expect(resolveTargetPort({ port: 80 }, spec)).toBe(80);
    expect(resolveTargetPort({ port: 80, targetPort: 'none' }, spec)).toBeUndefined();
  });
});
