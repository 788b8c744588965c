import { describe, expect, it } from '@jest/globals';
import { deploymentConditions } from '../../src/simulate/deployment-conditions.js';

const deployment = (spec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    ...spec,
  },
});
const counts = (available: number, updated = 4, replicas = 4) => ({
  desired: 4,
  replicas,
  updated,
  available,
  newReplicaSet: 'web-5b684bc5db',
});
const brief = (conditions: Record<string, unknown>[]) =>
  conditions.map((c) => `${c.type} ${c.status} ${c.reason}: ${c.message}`);

describe('Deployment conditions, as the controller sets them', () => {
  it('are Available and Progressing once every pod is new and available', () => {
    expect(brief(deploymentConditions(deployment(), counts(4)))).toEqual([
      'Available True MinimumReplicasAvailable: Deployment has minimum availability.',
      'Progressing True NewReplicaSetAvailable: ReplicaSet "web-5b684bc5db" has successfully progressed.',
    ]);
  });

  it('stay Available with replicas - maxUnavailable pods available while a stalled rollout exceeds its deadline', () => {
    expect(brief(deploymentConditions(deployment(), counts(3, 1, 4)))).toEqual([
      'Available True MinimumReplicasAvailable: Deployment has minimum availability.',
      'Progressing False ProgressDeadlineExceeded: ReplicaSet "web-5b684bc5db" has timed out progressing.',
    ]);
    expect(brief(deploymentConditions(deployment(), counts(2, 1, 4)))[0]).toBe(
      'Available False MinimumReplicasUnavailable: Deployment does not have minimum availability.',
    );
  });

  it('need every pod available under Recreate, and say Unknown for a paused Deployment', () => {
    expect(deploymentConditions(deployment({ strategy: { type: 'Recreate' } }), counts(3))[0]).toMatchObject({
      status: 'False',
    });
    expect(deploymentConditions(deployment({ paused: true }), counts(4))[1]).toMatchObject({
      status: 'Unknown',
      reason: 'DeploymentPaused',
    });
  });
});
