import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diff } from '../../src/commands/diff.js';
import { formatDiffJson } from '../../src/report/diff-json.js';
import { formatDiffMarkdown } from '../../src/report/diff-markdown.js';
import { formatDiffText } from '../../src/report/diff-text.js';
import { tempDir } from '../helpers/temp-dir.js';

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

/**
 * Every output of a diff, and each Secret value as the changes carry it
 * (`<name> <action> <side> <key>=<value>`): masked, marked when it differs between the sides.
 */
async function everyOutput(inputs: string[], current: string[], masked: string[]): Promise<string> {
  const result = await diff(inputs, { current, prune: true });
  const seen: string[] = [];
  for (const change of result.changes) {
    if (change.ref.kind !== 'Secret') continue;
    for (const [side, object] of [
      ['before', change.before],
      ['after', change.after],
    ] as const) {
      for (const [key, value] of Object.entries((object?.data ?? {}) as Record<string, unknown>))
        seen.push(`${change.ref.name} ${change.action} ${side} ${key}=${String(value)}`);
    }
  }
  expect(seen).toEqual(masked);
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
      // database-url changes, webhook-secret comes, region and payment-key stay (kubectl apply
      // cannot remove a key the last apply wrote under stringData); ci-token gains a label;
      // signing-key is new.
      await everyOutput(
        ['fixtures/diff/secrets/desired.yaml'],
        ['fixtures/diff/secrets/current.yaml'],
        [
          'billing update before database-url=*** (before)',
          'billing update before payment-key=***',
          'billing update before region=***',
          'billing update after database-url=*** (after)',
          'billing update after payment-key=***',
          'billing update after region=***',
          'billing update after webhook-secret=*** (after)',
          'ci-token update before token=***',
          'ci-token update after token=***',
          'signing-key create after key.pem=*** (after)',
        ],
      ),
      // Deleting: the billing Secret is no longer in the repository.
      await everyOutput(
        ['fixtures/diff/secrets/only-token.yaml'],
        ['fixtures/diff/secrets/current.yaml'],
        [
          'billing delete before database-url=*** (before)',
          'billing delete before payment-key=*** (before)',
          'billing delete before region=*** (before)',
          'ci-token unchanged before token=***',
          'ci-token unchanged after token=***',
        ],
      ),
      await everyOutput(
        ['fixtures/demo'],
        ['fixtures/diff/current'],
        [
          'api-secrets update before database-password=*** (before)',
          'api-secrets update after database-password=*** (after)',
          'shop-tls unchanged before tls.crt=***',
          'shop-tls unchanged before tls.key=***',
          'shop-tls unchanged after tls.crt=***',
          'shop-tls unchanged after tls.key=***',
        ],
      ),
    ].join('\n');
    for (const value of FORBIDDEN) expect(outputs.includes(value) ? value : '').toBe('');
    expect(outputs).toContain('database-password: "*** (before)"');
    expect(outputs).toContain('database-password: "*** (after)"');
    expect(outputs).toContain('-  payment-key: "*** (before)"'); // the deleted Secret
  });
});

describe('plain-text secret env values of workloads in the diff', () => {
  const deployment = (password: string, token: string, apiVersion = 'apps/v1') => ({
    apiVersion,
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'web',
              image: 'web:1',
              env: [
                { name: 'DB_PASSWORD', value: password },
                { name: 'API_TOKEN', value: token },
                { name: 'LOG_LEVEL', value: 'debug' },
              ],
            },
          ],
        },
      },
    },
  });

  it('are masked, marked where they differ, as Secret values are', async () => {
    const { dir, cleanup } = tempDir('kubeplan-env-mask-');
    try {
      writeFileSync(join(dir, 'current.json'), JSON.stringify(deployment('hunter2-old', 'tok_same_value')));
      writeFileSync(join(dir, 'desired.json'), JSON.stringify(deployment('hunter2-new', 'tok_same_value')));
      const result = await diff([join(dir, 'desired.json')], { current: [join(dir, 'current.json')] });
      const [change] = result.changes;
      const env = (o: unknown) => (o as any).spec.template.spec.containers[0].env.map((e: any) => e.value);
      expect(env(change!.before)).toEqual(['*** (before)', '***', 'debug']);
      expect(env(change!.after)).toEqual(['*** (after)', '***', 'debug']);
      for (const out of [formatDiffText(result, { color: false }), formatDiffJson(result), formatDiffMarkdown(result)])
        for (const value of ['hunter2', 'tok_same_value']) expect(out).not.toContain(value);
      // The change still shows: the marker differs where the value does.
      expect(formatDiffText(result, { color: false })).toMatch(/^\+ +value: "\*\*\* \(after\)"$/m);
    } finally {
      cleanup();
    }
  });

  it('apply to a Secret of any apiVersion, even one the API server refuses', async () => {
    const { dir, cleanup } = tempDir('kubeplan-secret-version-');
    try {
      const secret = (apiVersion: string, value: string) =>
        JSON.stringify({
          apiVersion,
          kind: 'Secret',
          metadata: { name: 's', namespace: 'shop' },
          stringData: { k: value },
        });
      writeFileSync(join(dir, 'current.json'), secret('V1', 'old-canary-value'));
      writeFileSync(join(dir, 'desired.json'), secret('core/v1', 'new-canary-value'));
      const result = await diff([join(dir, 'desired.json')], { current: [join(dir, 'current.json')] });
      for (const out of [formatDiffText(result, { color: false }), formatDiffJson(result), formatDiffMarkdown(result)])
        expect(out).not.toContain('canary-value');
    } finally {
      cleanup();
    }
  });
});
