import { describe, expect, it } from '@jest/globals';
import { formatJunit } from '../../src/report/junit.js';
import { expectGolden } from '../helpers/golden.js';
import { SAMPLE_FINDINGS } from './sample-findings.js';

const OBJECTS = [
  { file: 'deploy/api.yaml', ref: SAMPLE_FINDINGS[0]!.object! },
  { file: 'deploy/api.yaml', ref: { apiVersion: 'v1', kind: 'Service', namespace: 'shop', name: 'api' } },
  { file: 'deploy/web, v2.yaml', ref: SAMPLE_FINDINGS[1]!.object! },
];

describe('JUnit XML', () => {
  it('matches the golden file: failing cases per object and rule, passing ones for clean objects', () => {
    expectGolden(
      'report',
      'sample.junit.xml',
      formatJunit({ findings: SAMPLE_FINDINGS, objects: OBJECTS }, { failOn: 'error' }),
    );
  });

  it('fails warnings too with --fail-on warning', () => {
    const xml = formatJunit({ findings: SAMPLE_FINDINGS, objects: OBJECTS }, { failOn: 'warning' });
    expect(xml).toContain('<testsuites name="kubeplan" tests="4" failures="2" errors="0">');
  });

  it('escapes XML and drops characters XML cannot carry', () => {
    const xml = formatJunit(
      { findings: [{ ...SAMPLE_FINDINGS[0]!, message: 'a < b & "c"\u0007' }], objects: [] },
      { failOn: 'error' },
    );
    expect(xml).toContain('message="a &lt; b &amp; &quot;c&quot;\uFFFD"');
  });

  it('replaces U+FFFE, U+FFFF and lone surrogates, keeps the characters beyond U+FFFF', () => {
    const message = 'container\uffff port \ud800 and \ufffe, emoji \u{1F600}';
    const xml = formatJunit({ findings: [{ ...SAMPLE_FINDINGS[0]!, message }], objects: [] }, { failOn: 'error' });
    expect(xml).toContain('message="container\uFFFD port \uFFFD and \uFFFD, emoji \u{1F600}"');
  });
});
