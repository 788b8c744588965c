import { describe, expect, it } from '@jest/globals';
import { diff } from '../../src/commands/diff.js';
import { diffObjects } from '../../src/diff/diff-objects.js';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { actions } from './fixtures.js';

const DIR = 'fixtures/pod-templates';

/** A workload of `apiVersion`/`kind` with two containers, in the given order, and a quantity spelled `cpu`. */
function workload(apiVersion: string, kind: string, order: readonly string[], cpu: string): string {
  const containers = order
    .map(
      (name) => `        - name: ${name}\n          image: ${name}:1\n          resources: {requests: {cpu: "${cpu}"}}`,
    )
    .join('\n');
  return `apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
${containers}
`;
}

function diffText(current: string, desired: string) {
  return diffObjects(
    parseManifests('current.yaml', current).manifests,
    parseManifests('desired.yaml', desired).manifests,
  );
}

describe('pod templates in the diff', () => {
  it.each([
    ['argoproj.io/v1alpha1', 'Rollout'],
    ['extensions/v1beta1', 'Deployment'],
    ['extensions/v1beta1', 'DaemonSet'],
  ])('aligns the containers of %s %s by name and compares their quantities by value', (apiVersion, kind) => {
    const result = diffText(
      workload(apiVersion, kind, ['web', 'proxy'], '500m'),
      workload(apiVersion, kind, ['proxy', 'web'], '0.5'),
    );
    expect(actions(result)).toEqual([`unchanged ${kind} shop/web`]);
    expect(result.changes[0]!.text).toBe('');
    // The spec.template of a custom resource is not a pod template: compared as it is.
    const custom = diffText(
      workload('serving.knative.dev/v1', 'Service', ['web', 'proxy'], '500m'),
      workload('serving.knative.dev/v1', 'Service', ['web', 'proxy'], '0.5'),
    );
    expect(actions(custom)).toEqual(['update Service shop/web']);
  });

  it("drops the server's metadata from a PodTemplate's template", () => {
    const podTemplate = (metadata: string) => `apiVersion: v1
kind: PodTemplate
metadata:
  name: job-pod
  namespace: shop
template:${metadata}
  spec:
    containers:
      - name: job
        image: job:1
`;
    const result = diffText(podTemplate('\n  metadata:\n    creationTimestamp: null'), podTemplate(''));
    expect(actions(result)).toEqual(['unchanged PodTemplate shop/job-pod']);
  });

  it('leaves the restartedAt stamp of a Rollout alone when the manifest does not set it', () => {
    const stamped = workload('argoproj.io/v1alpha1', 'Rollout', ['web'], '1').replace(
      '      labels: {app: web}',
      "      labels: {app: web}\n      annotations: {kubectl.kubernetes.io/restartedAt: '2025-11-02T09:00:00Z'}",
    );
    const result = diffText(stamped, workload('argoproj.io/v1alpha1', 'Rollout', ['web'], '1'));
    expect(actions(result)).toEqual(['unchanged Rollout shop/web']);
  });

  it('sees no rollout, and no pod that cannot be scheduled, when only the spelling of a size limit changes', async () => {
    // Two nodes of 2 CPUs, each running one 1500m pod: a surge pod would fit nowhere.
    const clusterConfig = {
      nodeGroups: [{ name: 'worker', count: 2, cpu: '2', memory: '8Gi', zones: ['z1'] }],
      file: '.kubeplan.yaml',
    };
    const result = await diff([`${DIR}/size-limit-desired.yaml`], {
      current: [`${DIR}/size-limit-current.yaml`],
      clusterConfig,
    });
    expect(result.changes.map((c) => `${c.action} ${c.ref.kind} ${c.ref.name}`)).toEqual([
      'unchanged Deployment cache',
    ]);
    expect(result.planFindings).toEqual([]);
    // The dump has no last-applied annotation, which the diff says once.
    expect(result.findings.map((f) => f.ruleId)).toEqual(['diff-no-last-applied']);
    expect(result.consequences!.workloads).toEqual([]);
  });
});
