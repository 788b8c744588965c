import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { formatSarif, MAX_SARIF_RESULTS } from '../../src/report/sarif.js';
import { expectGolden } from '../helpers/golden.js';
import { SAMPLE_FINDINGS, SAMPLE_RULES } from './sample-findings.js';
import { lint } from '../../src/index.js';

const require = createRequire(import.meta.url);
const schema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
) as Record<string, unknown>;
// The published schema names itself with draft-04's `id`; ajv expects `$id`.
delete schema.$schema;
schema.$id = schema.id;
delete schema.id;
const validateSarif = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(
  schema,
);

function expectValidSarif(text: string): void {
  const valid = validateSarif(JSON.parse(text));
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

describe('SARIF 2.1.0', () => {
  const text = formatSarif(SAMPLE_FINDINGS, { rules: SAMPLE_RULES, toolVersion: '1.2.3' });

  it('matches the golden file', () => {
    expectGolden('report', 'sample.sarif', text);
  });

  it('is valid against the SARIF 2.1.0 JSON schema', () => {
    expectValidSarif(text);
  });

  it('is checked by a schema that rejects broken logs', () => {
    expect(validateSarif({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
    expect(
      validateSarif({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }],
      }),
    ).toBe(false);
  });

  it('is valid for a real lint run', async () => {
    const result = await lint(['fixtures/bad-input', 'fixtures/crds']);
    expectValidSarif(formatSarif(result.findings, { rules: [], toolVersion: '0.0.0' }));
  });

  /** The location and fingerprint of SAMPLE_FINDINGS[1] at `file`, in a repository at /repo. */
  const result = (file: string, cwd?: string) => {
    const text = formatSarif([{ ...SAMPLE_FINDINGS[1]!, file }], {
      rules: SAMPLE_RULES,
      toolVersion: '1',
      repositoryRoot: '/repo',
      ...(cwd ? { cwd } : {}),
    });
    expectValidSarif(text);
    const found = JSON.parse(text).runs[0].results[0];
    return {
      location: found.locations[0].physicalLocation.artifactLocation as { uri: string; uriBaseId?: string },
      fingerprint: found.partialFingerprints['kubeplan/v2'] as string,
    };
  };

  it('makes paths relative to the repository root and URI-encodes them', () => {
    const uri = (file: string, cwd?: string) => result(file, cwd).location;
    expect(uri('/repo/deploy/web, v2.yaml')).toEqual({ uri: 'deploy/web%2C%20v2.yaml', uriBaseId: '%SRCROOT%' });
    expect(uri('web.yaml', '/repo/deploy')).toEqual({ uri: 'deploy/web.yaml', uriBaseId: '%SRCROOT%' });
    expect(uri('./deploy/web.yaml')).toEqual({ uri: 'deploy/web.yaml', uriBaseId: '%SRCROOT%' });
  });

  it('writes a file outside the repository as a file:// URI without a base', () => {
    expect(result('/elsewhere/web v2.yaml').location).toEqual({ uri: 'file:///elsewhere/web%20v2.yaml' });
    expect(result('../../elsewhere/web.yaml', '/repo/deploy').location).toEqual({
      uri: 'file:///elsewhere/web.yaml',
    });
    expect(result('/repository-next-door/x.yaml').location).toEqual({ uri: 'file:///repository-next-door/x.yaml' });
  });

  it('fingerprints a file by its path in the repository, whatever the working directory and spelling', () => {
    const fingerprint = result('deploy/web.yaml').fingerprint;
    expect(result('./deploy/web.yaml').fingerprint).toBe(fingerprint);
    expect(result('/repo/deploy/web.yaml').fingerprint).toBe(fingerprint);
    expect(result('web.yaml', '/repo/deploy').fingerprint).toBe(fingerprint);
    expect(result('../deploy/./web.yaml', '/repo/charts').fingerprint).toBe(fingerprint);
    expect(result('deploy/other.yaml').fingerprint).not.toBe(fingerprint);
    expect(result('../x.yaml', '/repo/deploy').fingerprint).toBe(result('/repo/x.yaml').fingerprint);
  });

  it('keeps fingerprints when lines move, and tells different problems apart', () => {
    const fingerprint = (f: (typeof SAMPLE_FINDINGS)[number]) =>
      JSON.parse(formatSarif([f], { rules: SAMPLE_RULES, toolVersion: '1' })).runs[0].results[0].partialFingerprints[
        'kubeplan/v2'
      ];
    const base = SAMPLE_FINDINGS[0]!;
    expect(fingerprint({ ...base, line: 40, endLine: 40 })).toBe(fingerprint(base));
    expect(fingerprint({ ...base, pointer: '/spec/minReadySeconds' })).not.toBe(fingerprint(base));
    expect(fingerprint({ ...base, object: { ...base.object!, name: 'other' } })).not.toBe(fingerprint(base));
  });

  it('adds a rule entry for a finding whose rule is not listed', () => {
    const sarif = JSON.parse(formatSarif(SAMPLE_FINDINGS, { rules: [], toolVersion: '1' }));
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
      'schema-invalid',
      'image-tag-latest',
      'yaml-empty',
    ]);
    expect(sarif.runs[0].results.map((r: { ruleIndex: number }) => r.ruleIndex)).toEqual([0, 1, 2]);
  });

  it(`keeps at most ${MAX_SARIF_RESULTS} results and says how many were left out`, () => {
    const many = Array.from({ length: MAX_SARIF_RESULTS + 5 }, (_, i) => ({ ...SAMPLE_FINDINGS[0]!, line: i + 1 }));
    const run = JSON.parse(formatSarif(many, { rules: SAMPLE_RULES, toolVersion: '1' })).runs[0];
    expect(run.results).toHaveLength(MAX_SARIF_RESULTS);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toBe(
      '5 of 25005 findings were left out: code scanning accepts at most 25000 results per run.',
    );
  });
});
