import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { plan } from '../../src/commands/plan.js';
import { pointerForMessage } from '../../src/simulate/problems/unschedulable.js';
import { sameTemplate } from '../../src/simulate/objects/template-equality.js';
import { briefAt } from '../helpers/findings.js';

const DIR = 'fixtures/pod-templates';
const INSUFFICIENT_CPU = '0/3 nodes are available: 3 Insufficient cpu.';
const UNTOLERATED =
  '0/3 nodes are available: 3 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';

describe('a refused object names the pods it would have run', () => {
  it('for a Pod or a workload, Argo Rollouts included; not for a PodTemplate or a custom resource with spec.template', async () => {
    const result = await plan([`${DIR}/refused.yaml`]);
    expect(result.findings.map(briefAt)).toEqual([
      '55:5 service-no-endpoints Service shop/web has no endpoints: no pod matches its selector app=web (Deployment shop/web, Rollout shop/web-canary would run them, but the API server refuses them)',
      '65:13 object-rejected the API server refuses this object, so the plan leaves it out: spec.replicas: expected integer, got string "2"',
      '84:13 object-rejected the API server refuses this object, so the plan leaves it out: spec.replicas: expected integer, got string "two"',
      '103:12 object-rejected the API server refuses this object, so the plan leaves it out: spec.traffic: expected array, got string "all"',
      '125:20 object-rejected the API server refuses this object, so the plan leaves it out: template.spec.containers[0].resources: expected object, got string "none"',
    ]);
  });
});

describe('cluster-scoped kinds in the plan', () => {
  it('leaves cluster-scoped objects without a namespace, built-in or declared by a CustomResourceDefinition', async () => {
    const result = await plan([`${DIR}/cluster-scoped.yaml`]);
    expect(result.findings).toEqual([]);
    const namespaces = result.state.objects
      .filter((o) => ['Widget', 'Gadget', 'CertificateSigningRequest', 'ServiceCIDR'].includes(String(o.kind)))
      .map((o) => `${String(o.kind)} ${String((o.metadata as Record<string, unknown>).namespace)}`)
      .sort();
    expect(namespaces).toEqual([
      'CertificateSigningRequest undefined',
      'Gadget default',
      'ServiceCIDR undefined',
      'Widget undefined',
    ]);
  });

  it('clears the namespace a cluster-scoped object sets, reads --crd for custom kinds, and puts the rest in -n', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeplan-scope-'));
    const [crd, ...rest] = readFileSync(`${DIR}/cluster-scoped.yaml`, 'utf8').split('\n---\n');
    writeFileSync(join(dir, 'crd.yaml'), crd!);
    writeFileSync(
      join(dir, 'objects.yaml'),
      [
        ...rest,
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: { name: reader, namespace: team }\n',
      ].join('\n---\n'),
    );
    const result = await plan([join(dir, 'objects.yaml')], { crds: [join(dir, 'crd.yaml')], namespace: 'team' });
    expect(result.findings).toEqual([]);
    const namespaces = result.state.objects
      .filter((o) => ['Widget', 'Gadget', 'ClusterRole'].includes(String(o.kind)))
      .map((o) => `${String(o.kind)} ${String((o.metadata as Record<string, unknown>).namespace)}`)
      .sort();
    expect(namespaces).toEqual(['ClusterRole undefined', 'Gadget team', 'Widget undefined']);
  });
});

describe('the pointer of a FailedScheduling finding', () => {
  it('goes into the pod spec where the kind keeps it', () => {
    expect(pointerForMessage(INSUFFICIENT_CPU, 'PodTemplate', {})).toBe('/template/spec/containers/0/resources');
    expect(pointerForMessage(INSUFFICIENT_CPU, 'CronJob.batch', {})).toBe(
      '/spec/jobTemplate/spec/template/spec/containers/0/resources',
    );
    expect(pointerForMessage(INSUFFICIENT_CPU, 'Pod', {})).toBe('/spec/containers/0/resources');
    expect(pointerForMessage(UNTOLERATED, 'Deployment.extensions', {})).toBe('/spec/template/spec/tolerations');
    expect(pointerForMessage(UNTOLERATED, 'Rollout.argoproj.io', {})).toBe('/spec/template/spec/tolerations');
  });

  it('points at the object itself for an owner that keeps no pod template', () => {
    expect(pointerForMessage(UNTOLERATED, 'Revision.serving.knative.dev', {})).toBe('/tolerations');
  });
});

describe('whether two pod templates are the same', () => {
  const template = (sizeLimit: string, cpu: unknown) => ({
    metadata: { labels: { app: 'cache' } },
    spec: {
      containers: [{ name: 'cache', image: 'redis', resources: { requests: { cpu } } }],
      volumes: [{ name: 'scratch', emptyDir: { sizeLimit } }],
    },
  });

  it('compares quantities by value wherever the diff does: 1Gi and 1024Mi are one size limit', () => {
    expect(sameTemplate(template('1Gi', '500m'), template('1024Mi', 0.5))).toBe(true);
    expect(sameTemplate(template('1Gi', '500m'), template('1000Mi', '500m'))).toBe(false);
  });

  it('reads null as unset, as the API server does (`creationTimestamp: null` of a dump)', () => {
    const dumped = { ...template('1Gi', '1'), metadata: { labels: { app: 'cache' }, creationTimestamp: null } };
    expect(sameTemplate(dumped, template('1Gi', '1'))).toBe(true);
  });

  it('rolls nothing out in the plan when only the spelling of a size limit changes', async () => {
    const result = await plan([`${DIR}/size-limit-desired.yaml`], { current: [`${DIR}/size-limit-current.yaml`] });
    expect(result.findings).toEqual([]);
    expect(result.state.events.filter((e) => e.reason === 'ScalingReplicaSet')).toEqual([]);
    const names = (kind: string) =>
      result.state.objects.filter((o) => o.kind === kind).map((o) => (o.metadata as { name: string }).name);
    expect(names('ReplicaSet')).toEqual(['cache-5d8c7b9f4']);
    expect(names('Pod')).toEqual(['cache-5d8c7b9f4-pod1', 'cache-5d8c7b9f4-pod2']);
  });
});
