import { describe, expect, it } from '@jest/globals';
import { lint } from '../../src/index.js';

describe('lint on the demo', () => {
  it('finds the planted mistakes', async () => {
    const result = await lint(['fixtures/demo']);
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      'fixtures/demo/api.yaml:10:13 schema-invalid',
      'fixtures/demo/frontend.yaml:23:11 schema-unknown-field',
      'fixtures/demo/ingress.yaml:22:13 schema-invalid',
      'fixtures/demo/redis.yaml:33:7 schema-unknown-field',
    ]);
  });
});
