import { describe, expect, it } from '@jest/globals';
import { plan } from '../../src/commands/plan.js';
import { canonicalQuantity } from '../../src/model/quantity.js';
import { applyLimitRangeDefaults, checkLimitRanges } from '../../src/simulate/admission/limit-ranger.js';
import { checkQuotas, podUsage, sumUsage } from '../../src/simulate/admission/resource-quota.js';
import { brief } from '../helpers/findings.js';

type Pod = {
  metadata: { name: string; annotations?: Record<string, string> };
  spec: { containers: Array<{ resources: unknown }> };
};

const limitRange = (...limits: unknown[]) => ({
  apiVersion: 'v1',
  kind: 'LimitRange',
  metadata: { name: 'limits' },
  spec: { limits },
});
const quota = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name },
  spec,
});
const container = (name: string, resources: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  name,
  image: 'app:1',
  resources,
  ...extra,
});

describe('LimitRange and ResourceQuota admission in the plan', () => {
  it('fills in defaults, refuses pods outside the limits, and stops a workload at its quota', async () => {
    const result = await plan(['fixtures/plan/admission']);
    expect(result.findings.map(brief)).toEqual([
      'fixtures/plan/admission/team.yaml:56:13 error pod-forbidden the API server refuses the pods of Deployment team/worker: exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=2, limited: requests.cpu=2',
      'fixtures/plan/admission/team.yaml:73:13 error pod-forbidden the API server refuses the pods of Deployment team/big: maximum cpu usage per Container is 2, but limit is 4',
      'fixtures/plan/admission/team.yaml:89:13 error pod-forbidden the API server refuses the pods of Deployment team/tiny: minimum cpu usage per Container is 50m, but request is 10m',
      'fixtures/plan/admission/team.yaml:99:18 error pod-forbidden the API server refuses Pod team/debug: maximum memory usage per Pod is 3Gi, but limit is 4Gi',
      'fixtures/plan/admission/team.yaml:123:22 error pod-forbidden the API server refuses the pods of Deployment strict/loose: failed quota: memory: must specify limits.memory for: app',
    ]);
    const pods = result.state.objects.filter((o) => o.kind === 'Pod') as unknown as Pod[];
    // 4 api pods take 1 CPU of the quota's 2; worker gets two of its three.
    expect(pods.map((p) => p.metadata.name.replace(/-[a-z0-9]+-[a-z0-9]{5}$/, ''))).toEqual([
      'api',
      'api',
      'api',
      'api',
      'worker',
      'worker',
    ]);
    const api = pods[0]!;
    expect(api.spec.containers[0]!.resources).toEqual({
      requests: { cpu: '250m', memory: '256Mi' },
      limits: { cpu: '500m', memory: '512Mi' },
    });
    expect(api.metadata.annotations).toEqual({
      'kubernetes.io/limit-ranger':
        'LimitRanger plugin set: cpu, memory request for container api; cpu, memory limit for container api',
    });
    // worker sets its requests and memory limit: only the cpu limit is filled in.
    expect(pods[4]!.spec.containers[0]!.resources).toEqual({
      requests: { cpu: '500m', memory: '512Mi' },
      limits: { memory: '1Gi', cpu: '500m' },
    });
    const refusals = result.state.events
      .filter((e) => e.reason === 'FailedCreate')
      .map((e) => `${e.involvedObject.name}: ${e.message}`);
    expect(refusals[0]).toMatch(
      /^worker-[a-z0-9]+: Error creating: pods "worker-[a-z0-9]+-" is forbidden: exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=2, limited: requests.cpu=2$/,
    );
  });
});

describe('a bare Pod of the input', () => {
  it('counts against the quota with what admission gave it', async () => {
    const manifests = [
      'apiVersion: v1\nkind: LimitRange\nmetadata: {name: defaults, namespace: lab}\nspec:\n  limits: [{type: Container, defaultRequest: {cpu: 500m}}]',
      'apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: cpu, namespace: lab}\nspec:\n  hard: {requests.cpu: "1"}',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: debug, namespace: lab}\nspec:\n  containers: [{name: shell, image: busybox:1.36}]',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app, namespace: lab}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: app}}\n  template:\n    metadata: {labels: {app: app}}\n    spec:\n      containers: [{name: app, image: app:1.0}]',
    ].join('\n---\n');
    const result = await plan(['-'], { readStdin: async () => Buffer.from(manifests) });
    // The Pod's 500m from the LimitRange leaves room for one of the Deployment's two pods.
    expect(
      result.state.objects
        .filter((o) => o.kind === 'Pod')
        .map((p) => (p.metadata as { name: string }).name.split('-')[0]),
    ).toEqual(['app', 'debug']);
    expect(result.findings.map((f) => f.message)).toEqual([
      'the API server refuses the pods of Deployment lab/app: exceeded quota: cpu, requested: requests.cpu=500m, used: requests.cpu=1, limited: requests.cpu=1',
    ]);
  });
});

describe('LimitRanger', () => {
  it('sets only what a container leaves out, init containers included, and says so', () => {
    const pod = {
      metadata: {},
      spec: {
        initContainers: [container('init', { requests: { cpu: '1' } })],
        containers: [container('app', { limits: { memory: '1Gi' } })],
      },
    };
    applyLimitRangeDefaults(pod, [
      limitRange({
        type: 'Container',
        default: { cpu: '1', memory: '512Mi' },
        defaultRequest: { cpu: '100m', memory: '128Mi' },
      }),
    ]);
    expect(pod.spec.containers[0]!.resources).toEqual({
      limits: { memory: '1Gi', cpu: '1' },
      requests: { cpu: '100m', memory: '128Mi' },
    });
    expect(pod.spec.initContainers[0]!.resources).toEqual({
      requests: { cpu: '1', memory: '128Mi' },
      limits: { cpu: '1', memory: '512Mi' },
    });
    expect(pod.metadata).toEqual({
      annotations: {
        'kubernetes.io/limit-ranger':
          'LimitRanger plugin set: cpu, memory request for container app; cpu limit for container app; memory request for init container init; cpu, memory limit for init container init',
      },
    });
  });

  it('words each violation as the API server does and joins several in brackets', () => {
    const spec = {
      containers: [
        container('app', { requests: { cpu: '100m' }, limits: { cpu: '1' } }),
        container('side', { requests: { memory: '64Mi' } }),
      ],
    };
    const ranges = [limitRange({ type: 'Container', max: { memory: '1Gi' }, maxLimitRequestRatio: { cpu: '4' } })];
    expect(checkLimitRanges(spec, ranges)).toEqual({
      // The same text for both containers appears once, as in the API server's aggregated error.
      message:
        '[maximum memory usage per Container is 1Gi.  No limit is specified, cpu max limit to request ratio per Container is 4, but provided ratio is 10.000000, cpu max limit to request ratio per Container is 4, but no request is specified or request is 0]',
      pointer: 'containers/0/resources',
    });
    expect(
      checkLimitRanges(spec, [limitRange({ type: 'Container', min: { cpu: '100m' }, max: { cpu: '1' } })]),
    ).toEqual({
      message:
        '[minimum cpu usage per Container is 100m.  No request is specified, maximum cpu usage per Container is 1.  No limit is specified]',
      pointer: 'containers/1/resources',
    });
    // Values too large for thousandths compare in whole units, all three together, as in Kubernetes.
    expect(
      checkLimitRanges(
        {
          containers: [
            container('app', { requests: { 'ephemeral-storage': '8Ti' }, limits: { 'ephemeral-storage': '10Ti' } }),
          ],
        },
        [limitRange({ type: 'Container', min: { 'ephemeral-storage': '9Ti' } })],
      )?.message,
    ).toBe('minimum ephemeral-storage usage per Container is 9Ti, but request is 8Ti');
    // A ratio of exactly 4 is allowed; quantities compare by value.
    expect(
      checkLimitRanges({ containers: [container('app', { requests: { cpu: '0.1' }, limits: { cpu: '400m' } })] }, [
        limitRange({ type: 'Container', maxLimitRequestRatio: { cpu: '4' } }),
      ]),
    ).toBeUndefined();
  });
});

describe('ResourceQuota', () => {
  it('counts a pod as the quota evaluator does: sidecars, init steps, pod overhead, extended resources', () => {
    const usage = podUsage({
      initContainers: [
        container('migrate', { requests: { cpu: '2' } }),
        container('proxy', { requests: { cpu: '100m', memory: '64Mi' } }, { restartPolicy: 'Always' }),
      ],
      containers: [
        container('app', {
          requests: { cpu: '500m', memory: '1Gi', 'example.com/gpu': '1' },
          limits: { memory: '2Gi' },
        }),
      ],
      overhead: { cpu: '50m' },
    });
    expect(Object.fromEntries([...usage].map(([name, q]) => [name, canonicalQuantity(q)]))).toEqual({
      pods: '1',
      'count/pods': '1',
      cpu: '2050m',
      'requests.cpu': '2050m',
      memory: '1088Mi',
      'requests.memory': '1088Mi',
      'requests.example.com/gpu': '1',
      'limits.memory': '2Gi',
    });
  });

  it('Terminating scopes select pods with an active deadline, not pods being deleted', () => {
    const deadline = (seconds: unknown) => ({ activeDeadlineSeconds: seconds, containers: [container('app')] });
    const terminating = quota('jobs', { hard: { pods: '1' }, scopes: ['Terminating'] });
    const notTerminating = quota('services', { hard: { pods: '1' }, scopes: ['NotTerminating'] });
    const used = (q: Record<string, unknown>, specs: Array<Record<string, unknown>>) => sumUsage(q, specs);
    expect(used(terminating, [deadline(0), deadline(600), deadline(-1), deadline('600'), { containers: [] }])).toEqual(
      new Map([['pods', { num: 2n, den: 1n, format: 'DecimalSI' }]]),
    );
    expect(used(notTerminating, [deadline(0), deadline(-1), { containers: [] }])).toEqual(
      new Map([['pods', { num: 2n, den: 1n, format: 'DecimalSI' }]]),
    );
  });

  it('applies a quota only to the pods its scopes select', () => {
    const bestEffort = { containers: [container('app')] };
    const guaranteed = {
      priorityClassName: 'batch',
      containers: [container('app', { requests: { cpu: '1' }, limits: { cpu: '1' } })],
    };
    const onlyBestEffort = quota('best-effort', { hard: { pods: '1' }, scopes: ['BestEffort'] });
    expect(checkQuotas(bestEffort, [onlyBestEffort], (q) => sumUsage(q, [bestEffort]))?.message).toBe(
      'exceeded quota: best-effort, requested: pods=1, used: pods=1, limited: pods=1',
    );
    expect(checkQuotas(guaranteed, [onlyBestEffort], (q) => sumUsage(q, [bestEffort]))).toBeUndefined();
    const batch = quota('batch', {
      hard: { 'requests.cpu': '1' },
      scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['batch'] }] },
    });
    expect(checkQuotas(guaranteed, [batch], (q) => sumUsage(q, [guaranteed]))?.message).toBe(
      'exceeded quota: batch, requested: requests.cpu=1, used: requests.cpu=1, limited: requests.cpu=1',
    );
    expect(checkQuotas(guaranteed, [batch], (q) => sumUsage(q, [bestEffort]))).toBeUndefined();
  });

  it('names every container that must state a tracked cpu or memory figure', () => {
    const spec = { containers: [container('app', { requests: { cpu: '1' } }), container('log')] };
    expect(
      checkQuotas(spec, [quota('q', { hard: { 'requests.cpu': '4', 'limits.memory': '1Gi' } })], () => new Map()),
    ).toEqual({
      message: 'failed quota: q: must specify limits.memory for: app,log; requests.cpu for: log',
      pointer: 'containers/0/resources',
    });
  });
});
