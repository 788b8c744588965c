import { describe, expect, it } from '@jest/globals';
import { containersOf, describeContainer, longRunningContainers, specContainers } from '../../src/model/containers.js';
import { groupKind } from '../../src/model/group-kind.js';
import {
  isPodBearing,
  POD_BEARING_KINDS,
  podSpecPointer,
  podTemplateOf,
  templatePath,
  templatePointer,
} from '../../src/model/pod-template.js';
import {
  hasTrait,
  isWorkload,
  kindsWith,
  REPLICATED_WORKLOADS,
  SERVING_WORKLOADS,
  WORKLOAD_KIND_ORDER,
} from '../../src/model/workload-kinds.js';

const TEMPLATE = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };

/** An object of the kind with `TEMPLATE` at `path`. */
function objectWith(apiVersion: string, kind: string, path: readonly string[]): Record<string, unknown> {
  if (path.length === 0)
    return { apiVersion, kind, metadata: { name: 'x', ...TEMPLATE.metadata }, spec: TEMPLATE.spec };
  const root: Record<string, unknown> = { apiVersion, kind, metadata: { name: 'x' } };
  let at = root;
  for (const key of path.slice(0, -1)) at = at[key] = {} as Record<string, unknown>;
  at[path.at(-1)!] = TEMPLATE;
  return root;
}

describe('where each kind keeps its pod template', () => {
  const table: Array<[string, string, string]> = [
    ['v1', 'Pod', ''],
    ['v1', 'PodTemplate', '/template'],
    ['v1', 'ReplicationController', '/spec/template'],
    ['apps/v1', 'Deployment', '/spec/template'],
    ['apps/v1', 'ReplicaSet', '/spec/template'],
    ['apps/v1', 'StatefulSet', '/spec/template'],
    ['apps/v1', 'DaemonSet', '/spec/template'],
    ['apps/v1beta2', 'Deployment', '/spec/template'],
    ['extensions/v1beta1', 'Deployment', '/spec/template'],
    ['extensions/v1beta1', 'ReplicaSet', '/spec/template'],
    ['extensions/v1beta1', 'DaemonSet', '/spec/template'],
    ['batch/v1', 'Job', '/spec/template'],
    ['batch/v1', 'CronJob', '/spec/jobTemplate/spec/template'],
    ['batch/v1beta1', 'CronJob', '/spec/jobTemplate/spec/template'],
    ['argoproj.io/v1alpha1', 'Rollout', '/spec/template'],
  ];

  it.each(table)('%s %s: template at "%s"', (apiVersion, kind, pointer) => {
    const object = objectWith(apiVersion, kind, pointer.split('/').slice(1));
    const template = podTemplateOf(object)!;
    expect(template.pointer).toBe(pointer);
    expect(template.specPointer).toBe(`${pointer}/spec`);
    expect(podSpecPointer(groupKind(apiVersion, kind))).toBe(`${pointer}/spec`);
    expect(templatePath(groupKind(apiVersion, kind))).toEqual(pointer.split('/').slice(1));
    expect(template.labels).toEqual({ app: 'web' });
    expect(template.spec).toEqual(TEMPLATE.spec);
    // The template is the object itself for a Pod, the embedded one for every other kind.
    expect(template.template).toBe(pointer === '' ? object : (TEMPLATE as unknown));
  });

  it('lists exactly these kinds, once each', () => {
    expect(new Set(table.map(([apiVersion, kind]) => groupKind(apiVersion, kind)))).toEqual(new Set(POD_BEARING_KINDS));
  });

  it('finds no pod template in kinds that have none, even at spec.template', () => {
    const template = TEMPLATE as unknown;
    expect(
      podTemplateOf({ apiVersion: 'serving.knative.dev/v1', kind: 'Service', spec: { template } }),
    ).toBeUndefined();
    expect(podTemplateOf({ apiVersion: 'example.com/v1', kind: 'Deployment', spec: { template } })).toBeUndefined();
    expect(podTemplateOf({ apiVersion: 'v1', kind: 'Service', spec: { template } })).toBeUndefined();
    expect(podTemplateOf({ apiVersion: 'v1', kind: 'constructor', spec: { template } })).toBeUndefined();
    expect(podTemplateOf({ kind: 'Deployment', spec: { template } })).toBeUndefined();
    expect(templatePointer('toString')).toBeUndefined();
    expect(podSpecPointer('Service')).toBeUndefined();
    expect(podSpecPointer('Deployment.example.com')).toBeUndefined();
    expect(templatePath('Service.serving.knative.dev')).toBeUndefined();
    expect(isPodBearing('Service')).toBe(false);
    expect(isPodBearing('hasOwnProperty')).toBe(false);
  });

  it('guesses nothing from a template or pod spec that is not an object', () => {
    const deployment = (template: unknown): Record<string, unknown> => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      spec: { template },
    });
    expect(podTemplateOf(deployment('web'))).toBeUndefined();
    expect(podTemplateOf(deployment([TEMPLATE]))).toBeUndefined();
    expect(podTemplateOf(deployment({ metadata: { labels: { app: 'web' } } }))).toBeUndefined();
    expect(podTemplateOf(deployment({ spec: 'none' }))).toBeUndefined();
    expect(podTemplateOf({ apiVersion: 'v1', kind: 'Pod', spec: null })).toBeUndefined();
    expect(podTemplateOf({ apiVersion: 'batch/v1', kind: 'CronJob', spec: { jobTemplate: 'x' } })).toBeUndefined();
  });

  it('reads only string labels', () => {
    const template = podTemplateOf({
      apiVersion: 'v1',
      kind: 'PodTemplate',
      template: { metadata: { labels: { app: 'web', tier: 3, on: true } }, spec: {} },
    })!;
    expect(template.labels).toEqual({ app: 'web' });
  });
});

describe('the containers of a pod spec', () => {
  const spec = {
    initContainers: [
      { name: 'setup', image: 'busybox' },
      'not a container',
      { name: 'proxy', image: 'envoy', restartPolicy: 'Always' },
    ],
    containers: [{ name: 'web', image: 'nginx' }, { image: 'nameless' }],
    ephemeralContainers: [{ name: 'debug', image: 'busybox' }],
  };

  it('walks the lists asked for, in that order, with pointers from the spec, skipping items that are not objects', () => {
    const at = { spec, specPointer: '/spec/template/spec' };
    expect(
      containersOf(at, ['containers', 'initContainers']).map((c) => `${c.pointer} ${c.type} ${c.index} ${c.name}`),
    ).toEqual([
      '/spec/template/spec/containers/0 containers 0 web',
      '/spec/template/spec/containers/1 containers 1 ',
      '/spec/template/spec/initContainers/0 initContainers 0 setup',
      '/spec/template/spec/initContainers/2 initContainers 2 proxy',
    ]);
    expect(containersOf(at).map((c) => c.name)).toEqual(['setup', 'proxy', 'web', '']);
    expect(containersOf(at, ['ephemeralContainers']).map((c) => c.pointer)).toEqual([
      '/spec/template/spec/ephemeralContainers/0',
    ]);
  });

  it('marks init containers that restart Always as sidecars, and only them', () => {
    const all = specContainers(spec, ['initContainers', 'containers', 'ephemeralContainers']);
    expect(all.filter((c) => c.sidecar).map((c) => c.name)).toEqual(['proxy']);
    expect(all.map((c) => c.pointer)).toEqual([
      '/initContainers/0',
      '/initContainers/2',
      '/containers/0',
      '/containers/1',
      '/ephemeralContainers/0',
    ]);
    expect(specContainers({ containers: [{ name: 'x', restartPolicy: 'Always' }] })[0]!.sidecar).toBe(false);
  });

  it('lists the long-running containers as FindPort tries them: app containers, then sidecars', () => {
    expect(longRunningContainers({ spec, specPointer: '' }).map((c) => c.name)).toEqual(['web', '', 'proxy']);
  });

  it('names containers the way messages do', () => {
    expect(
      specContainers(spec, ['initContainers', 'containers', 'ephemeralContainers']).map(describeContainer),
    ).toEqual([
      'init container "setup"',
      'sidecar container "proxy"',
      'container "web"',
      'container',
      'ephemeral container "debug"',
    ]);
  });

  it('finds none in lists that are not lists', () => {
    expect(specContainers({ containers: { name: 'web' }, initContainers: 'setup' })).toEqual([]);
  });
});

describe('workload kinds', () => {
  it('gives each list of workloads from one table', () => {
    expect([...SERVING_WORKLOADS]).toEqual([
      'Deployment.apps',
      'ReplicaSet.apps',
      'StatefulSet.apps',
      'DaemonSet.apps',
      'ReplicationController',
      'Deployment.extensions',
      'ReplicaSet.extensions',
      'DaemonSet.extensions',
      'Rollout.argoproj.io',
    ]);
    expect([...REPLICATED_WORKLOADS]).toEqual([
      'Deployment.apps',
      'ReplicaSet.apps',
      'StatefulSet.apps',
      'ReplicationController',
      'Deployment.extensions',
      'ReplicaSet.extensions',
      'Rollout.argoproj.io',
    ]);
    expect([...kindsWith('selectsTemplate')]).toEqual([
      'Deployment.apps',
      'ReplicaSet.apps',
      'StatefulSet.apps',
      'DaemonSet.apps',
      'Job.batch',
      'ReplicationController',
      'Deployment.extensions',
      'ReplicaSet.extensions',
      'DaemonSet.extensions',
      'Rollout.argoproj.io',
    ]);
    // A ReplicaSet keeps its pods when its template changes.
    expect([...kindsWith('rollsOut')]).toEqual([
      'Deployment.apps',
      'StatefulSet.apps',
      'DaemonSet.apps',
      'Deployment.extensions',
      'DaemonSet.extensions',
      'Rollout.argoproj.io',
    ]);
    // The plan runs the controllers of apps/v1 and Jobs only.
    expect([...kindsWith('runsInPlan')]).toEqual([
      'Deployment.apps',
      'ReplicaSet.apps',
      'StatefulSet.apps',
      'DaemonSet.apps',
      'Job.batch',
    ]);
  });

  it('keeps every workload kind where the pod template table says, and a PodTemplate is no workload', () => {
    for (const kind of WORKLOAD_KIND_ORDER) expect(isPodBearing(kind)).toBe(true);
    expect(POD_BEARING_KINDS.filter((kind) => !isWorkload(kind))).toEqual(['Pod', 'PodTemplate']);
  });

  it('compares kinds with their group', () => {
    expect(hasTrait('Deployment', 'serving')).toBe(false);
    expect(hasTrait('Deployment.example.com', 'serving')).toBe(false);
    expect(hasTrait('constructor', 'serving')).toBe(false);
    expect(isWorkload('toString')).toBe(false);
  });
});
