import { describe, expect, it } from '@jest/globals';
import { lint } from '../../src/index.js';

describe('lint on the demo', () => {
  it('finds the planted mistakes, and only those, with every rule on', async () => {
    const result = await lint(['fixtures/demo']);
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      'fixtures/demo/api.yaml:10:13 hpa-replicas-conflict',
      'fixtures/demo/api.yaml:10:13 schema-invalid',
      'fixtures/demo/frontend.yaml:28:11 schema-unknown-field',
      'fixtures/demo/ingress.yaml:21:25 ingress-backend-missing',
      'fixtures/demo/ingress.yaml:22:13 schema-invalid',
      'fixtures/demo/redis.yaml:51:7 schema-unknown-field',
      'fixtures/demo/report.yaml:24:22 image-tag-latest',
      'fixtures/demo/report.yaml:33:28 configmap-key-missing',
    ]);
  });

  it('counts the finding that the redis StatefulSet suppresses, with its reason', async () => {
    // single-replica-without-pdb is a rule of the `all` profile.
    expect((await lint(['fixtures/demo'])).summary.suppressed).toBe(0);
    const result = await lint(['fixtures/demo'], { profile: 'all' });
    expect(result.summary.suppressed).toBe(1);
    expect(
      result.suppressed.map((s) => `${s.finding.file}:${s.finding.line} ${s.finding.ruleId} (${s.reason})`),
    ).toEqual([
      'fixtures/demo/redis.yaml:11 single-replica-without-pdb (a cache; the API rebuilds it after a restart, so a drain may take it down)',
    ]);
    const unsuppressed = await lint(['fixtures/demo'], { inlineIgnores: false, profile: 'all' });
    expect(unsuppressed.summary.suppressed).toBe(0);
    expect(unsuppressed.findings.filter((f) => f.ruleId === 'single-replica-without-pdb')).toHaveLength(1);
  });
});
