import { describe, expect, it } from '@jest/globals';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { ObjectIndex } from '../../src/lint/object-index.js';
import { autoscalerOf, expectedReplicas } from '../../src/lint/workload-replicas.js';

const deployment = (name: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: "web:1.0"}]}
`;

const hpa = (name: string, scaleTargetRef: string, minReplicas: number) => `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: ${name}, namespace: shop}
spec:
  scaleTargetRef: ${scaleTargetRef}
  minReplicas: ${minReplicas}
  maxReplicas: 10
`;

const replicasOf = (workload: string, ...docs: string[]) => {
  const { manifests } = parseManifests('test.yaml', [...docs].join('---'));
  const index = new ObjectIndex(manifests);
  const target = manifests.find((m) => m.ref.kind === 'Deployment' && m.ref.name === workload)!;
  return { replicas: expectedReplicas(index, target), hpa: autoscalerOf(index, target)?.ref.name };
};

describe('autoscalerOf and expectedReplicas', () => {
  it('takes the minimum of the autoscaler that scales the workload', () => {
    expect(
      replicasOf('web', deployment('web'), hpa('web', '{apiVersion: apps/v1, kind: Deployment, name: web}', 3)),
    ).toStrictEqual({ replicas: 3, hpa: 'web' });
  });

  it('takes the first of two autoscalers of the same workload, in input order', () => {
    const docs = [
      deployment('web'),
      hpa('first', '{apiVersion: apps/v1, kind: Deployment, name: web}', 3),
      hpa('second', '{apiVersion: apps/v1, kind: Deployment, name: web}', 5),
    ];
    expect(replicasOf('web', ...docs)).toStrictEqual({ replicas: 3, hpa: 'first' });
  });

  it('ignores an autoscaler whose target has no name, even for a workload named "undefined"', () => {
    expect(
      replicasOf('undefined', deployment('undefined'), hpa('web', '{apiVersion: apps/v1, kind: Deployment}', 3)),
    ).toStrictEqual({ replicas: 2, hpa: undefined });
  });

  it('ignores an autoscaler without a scaleTargetRef', () => {
    expect(replicasOf('web', deployment('web'), hpa('web', 'null', 3))).toStrictEqual({ replicas: 2, hpa: undefined });
  });
});
