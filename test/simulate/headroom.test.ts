import { describe, expect, it } from '@jest/globals';
import { plan } from '../../src/commands/plan.js';
import { formatPlanJson } from '../../src/report/plan-json.js';
import { formatPlanText } from '../../src/report/plan-text.js';
import { runCli } from '../helpers/run-cli.js';

/** Three workers of 4 CPU. */
const clusterConfig = {
  nodeGroups: [{ name: 'worker', count: 3, cpu: '4', memory: '16Gi', zones: ['z1'] }],
  file: '.kubeplan.yaml',
};

describe('headroom', () => {
  it('counts the extra pods kube-scheduler would place for each workload, and says what stops the next one', async () => {
    const result = await plan(['fixtures/plan/headroom'], { clusterConfig, headroom: 100 });
    expect(result.headroom).toEqual([
      // 9.5 CPU free in 500m pods: 5 + 6 + 8.
      {
        workload: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'apps', name: 'batch' },
        more: 19,
        limit: 100,
        message: '0/3 nodes are available: 3 Insufficient cpu.',
      },
      // One pod per node: only the third node is left.
      {
        workload: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'apps', name: 'web' },
        more: 1,
        limit: 100,
        message: "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules.",
      },
    ]);
    // Measuring leaves the plan itself alone.
    expect(result.state.objects.filter((o) => o.kind === 'Pod')).toHaveLength(3);
    const text = formatPlanText(result);
    expect(text).toContain(
      'Headroom (more pods each workload could run; up to 100 tried)\n  Deployment apps/batch: 19 more pods; the next: 0/3 nodes are available: 3 Insufficient cpu.\n',
    );
    expect(JSON.parse(formatPlanJson(result)).headroom[1]).toEqual({
      workload: { kind: 'Deployment', namespace: 'apps', name: 'web' },
      more: 1,
      limit: 100,
      message: "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules.",
    });
  });

  it('stops at the limit it was given, and is absent unless asked for', async () => {
    const limited = await plan(['fixtures/plan/headroom'], { clusterConfig, headroom: 10 });
    expect(limited.headroom!.map((h) => [h.workload.name, h.more, h.message])).toEqual([
      ['batch', 10, undefined],
      ['web', 1, "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules."],
    ]);
    expect(formatPlanText(limited)).toContain('  Deployment apps/batch: at least 10 more pods\n');
    const plain = await plan(['fixtures/plan/headroom'], { clusterConfig });
    expect(plain.headroom).toBeUndefined();
    expect(formatPlanText(plain)).not.toContain('Headroom');
    expect(JSON.parse(formatPlanJson(plain))).not.toHaveProperty('headroom');
  });

  it('is bounded by the namespace quota', async () => {
    const result = await plan(['fixtures/plan/admission'], { headroom: 50 });
    expect(result.headroom!.map((h) => `${h.workload.name} ${h.more}: ${h.message}`)).toEqual([
      'api 0: the API server refuses it: exceeded quota: compute, requested: requests.cpu=250m, used: requests.cpu=2, limited: requests.cpu=2',
      'worker 0: the API server refuses it: exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=2, limited: requests.cpu=2',
    ]);
  });

  it('takes its limit from the command line, 100 unless --headroom-limit says otherwise', async () => {
    const { code, stdout } = await runCli([
      'plan',
      '--headroom',
      'fixtures/plan/headroom/apps.yaml',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout).headroom as Array<{ limit: number }>).map((h) => h.limit)).toEqual([100, 100]);
    const limited = await runCli([
      'plan',
      '--headroom',
      '--headroom-limit',
      '5',
      'fixtures/plan/headroom/apps.yaml',
      '--format',
      'json',
    ]);
    // On the embedded cluster: six workers, so four are left for web's one-per-node pods.
    expect((JSON.parse(limited.stdout).headroom as Array<{ more: number }>).map((h) => h.more)).toEqual([5, 4]);
    const bad = await runCli(['plan', 'fixtures/plan/headroom/apps.yaml', '--headroom', '--headroom-limit', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('invalid headroom "0" (a number of pods from 1 to 10000)');
  });
});
