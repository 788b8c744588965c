import { describe, expect, it } from '@jest/globals';
import { parseKubeVersion } from '../../src/lint/kube-version.js';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { acceptManifests } from '../../src/simulate/accept-manifests.js';

const cronJob = parseManifests(
  'cronjob.yaml',
  `apiVersion: batch/v1beta1
kind: CronJob
metadata: {name: nightly, namespace: shop}
spec:
  schedule: "0 3 * * *"
  jobTemplate: {spec: {template: {spec: {restartPolicy: OnFailure, containers: [{name: job, image: "job:1.0"}]}}}}
`,
).manifests;

describe('an object of an API version the cluster no longer serves', () => {
  it('is refused on a release that removed it, with the api-removed reason', async () => {
    const { refused } = await acceptManifests(cronJob, []);
    expect(refused.map((r) => `${r.cause.line}:${r.cause.column} ${r.cause.ruleId} ${r.cause.message}`)).toEqual([
      '1:13 api-removed batch/v1beta1 CronJob was removed in Kubernetes 1.25 (target 1.36): use batch/v1 (available since 1.21)',
    ]);
  });

  it('is accepted on a release that still serves it (the run’s --kube-version)', async () => {
    const { refused, accepted } = await acceptManifests(cronJob, [], undefined, parseKubeVersion('1.20'));
    expect([refused.length, accepted.length]).toEqual([0, 1]);
  });
});
