import { describe, expect, it } from '@jest/globals';
import { diff } from '../../src/commands/diff.js';
import { formatDiffJson } from '../../src/report/diff-json.js';
import { formatDiffMarkdown } from '../../src/report/diff-markdown.js';
import { formatDiffText } from '../../src/report/diff-text.js';

const base64 = (s: string): string => Buffer.from(s).toString('base64');

/** Every Secret value of the fixtures, as written and as stored. */
const SECRET_VALUES = [
  'postgres://app:s3cr3t-old@db:5432/app',
  'postgres://app:s3cr3t-new@db:5432/app',
  'sk_live_old_4242',
  'ghp_tokenvalue_0001',
  'unchanged-value',
  'whsec_added_9999',
  '-----BEGIN PRIVATE KEY-----new-----END PRIVATE KEY-----',
  'Tr0ub4dor&3',
  'correct-horse-battery-staple',
  '-----BEGIN CERTIFICATE-----\n',
  '-----BEGIN PRIVATE KEY-----\n',
];
const FORBIDDEN = [...SECRET_VALUES.flatMap((v) => [v, base64(v)]), 's3cr3t', 'Tr0ub4dor', 'correct-horse'];

async function everyOutput(inputs: string[], current: string[]): Promise<string> {
  const result = await diff(inputs, { current, prune: true });
  for (const change of result.changes) {
    if (change.ref.kind !== 'Secret') continue;
    for (const side of [change.before, change.after]) {
      for (const value of Object.values((side?.data ?? {}) as Record<string, unknown>))
        expect(['***', '*** (before)', '*** (after)']).toContain(value);
    }
  }
  return [
    formatDiffText(result),
    formatDiffText(result, { color: true }),
    formatDiffJson(result),
    formatDiffMarkdown(result),
    JSON.stringify(result.consequences),
  ].join('\n');
}

describe('Secret values', () => {
  it('never appear in any output, not even base64, whether changed, added, removed, unchanged or deleted', async () => {
    const outputs = [
      await everyOutput(['fixtures/diff/secrets/desired.yaml'], ['fixtures/diff/secrets/current.yaml']),
      // Deleting: the billing Secret is no longer in the repository.
      await everyOutput(['fixtures/diff/secrets/only-token.yaml'], ['fixtures/diff/secrets/current.yaml']),
      await everyOutput(['fixtures/demo'], ['fixtures/diff/current']),
    ].join('\n');
    for (const value of FORBIDDEN) expect(outputs.includes(value) ? value : '').toBe('');
    expect(outputs).toContain('database-password: "*** (before)"');
    expect(outputs).toContain('database-password: "*** (after)"');
    expect(outputs).toContain('-  payment-key: "*** (before)"');
  });
});
