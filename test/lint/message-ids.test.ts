import { describe, expect, it } from '@jest/globals';
import { parseKubeVersion } from '../../src/lint/kube-version.js';
import { defineRule, type Rule } from '../../src/lint/rule.js';
import { runRules } from '../../src/lint/run-rules.js';
import { parseManifests } from '../../src/load/parse-manifests.js';
import type { Finding } from '../../src/model/finding.js';
import { findingFingerprint } from '../../src/report/fingerprint.js';
import { findingToJson } from '../../src/report/json.js';

const POD = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  containers:
    - {name: web, image: "nginx:latest"}
`;

/** A rule reporting the first container's image with the given messages and reports. */
function imageRule(
  messages: Record<string, string>,
  reports: Array<{ messageId: string; data?: Record<string, string | number> }>,
): Rule {
  return defineRule({
    meta: {
      id: 'test-rule',
      category: 'images',
      severity: 'warning',
      profile: 'default',
      description: 'A rule for tests.',
      rationale: 'Tests need one.',
      remediation: 'Nothing to do.',
      target: 'all',
      example: { invalid: POD, valid: POD },
      messages,
    },
    check(ctx) {
      for (const r of reports) ctx.report({ pointer: '/spec/containers/0/image', ...r });
    },
  });
}

function run(rule: Rule, yaml = POD): Finding[] {
  return runRules(parseManifests('web.yaml', yaml).manifests, {
    settings: [{ rule, severity: 'warning', options: {} }],
    kubernetesVersion: parseKubeVersion('1.36')!,
    inlineIgnores: true,
    forbidIgnore: new Set(),
    knownRuleIds: new Set(['test-rule']),
  }).findings;
}

describe('message ids', () => {
  it('fill the template with the data and keep both on the finding', () => {
    const rule = imageRule({ moving: '{{container}} uses "{{ tag }}" ({{container}})' }, [
      { messageId: 'moving', data: { container: 'container "web"', tag: 'latest' } },
    ]);
    expect(run(rule)).toEqual([
      {
        ruleId: 'test-rule',
        severity: 'warning',
        message: 'container "web" uses "latest" (container "web")',
        messageId: 'moving',
        data: { container: 'container "web"', tag: 'latest' },
        file: 'web.yaml',
        line: 6,
        column: 26,
        endLine: 6,
        endColumn: 40,
        object: { apiVersion: 'v1', kind: 'Pod', namespace: 'shop', name: 'web' },
        pointer: '/spec/containers/0/image',
        phase: 'rule',
        remediation: 'Nothing to do.',
      },
    ]);
  });

  it('give a message without placeholders empty data', () => {
    const [finding] = run(imageRule({ plain: 'plain text' }, [{ messageId: 'plain' }]));
    expect([finding!.message, finding!.messageId, finding!.data]).toEqual(['plain text', 'plain', {}]);
  });

  it('insert values once: a value that looks like a placeholder stays as written', () => {
    const [finding] = run(imageRule({ m: '{{a}} and {{b}}' }, [{ messageId: 'm', data: { a: '{{b}}', b: 2 } }]));
    expect(finding!.message).toBe('{{b}} and 2');
  });

  it('make an unknown message id a rule-error of that object, not a finding without text', () => {
    const findings = run(imageRule({ known: 'known' }, [{ messageId: 'known' }, { messageId: 'unknown' }]));
    expect(findings.map((f) => `${f.ruleId} ${f.messageId ?? '-'} ${f.message}`)).toEqual([
      'test-rule known known',
      'rule-error - rule test-rule failed on this object (rule test-rule has no message "unknown"); the other rules still ran; please report this',
    ]);
  });

  it('make a placeholder without data a rule-error rather than printing "{{name}}"', () => {
    const findings = run(
      imageRule({ m: '{{container}} uses {{tag}}' }, [{ messageId: 'm', data: { container: 'c' } }]),
    );
    expect(findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual([
      'rule-error rule test-rule failed on this object (the message has no data for {{tag}}); the other rules still ran; please report this',
    ]);
  });

  it('are in the JSON of a rule finding, after the phase', () => {
    const [finding] = run(imageRule({ moving: 'uses {{tag}}' }, [{ messageId: 'moving', data: { tag: 'latest' } }]));
    const json = findingToJson(finding!);
    expect(Object.keys(json)).toEqual([
      'ruleId',
      'severity',
      'message',
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'object',
      'pointer',
      'phase',
      'messageId',
      'data',
      'remediation',
    ]);
    expect([json.messageId, json.data]).toEqual(['moving', { tag: 'latest' }]);
  });

  it('are not in the JSON of findings that have none (schema, simulation)', () => {
    const json = findingToJson({ ...run(imageRule({ m: 'm' }, [{ messageId: 'm' }]))[0]!, messageId: undefined });
    expect(Object.hasOwn(json, 'messageId') || Object.hasOwn(json, 'data')).toBe(false);
  });
});

describe('fingerprints of rule findings', () => {
  const fingerprintOf = (messages: Record<string, string>, messageId: string, data = {}) =>
    run(imageRule(messages, [{ messageId, data }])).map(findingFingerprint);

  it('stay the same when the message is reworded', () => {
    const before = fingerprintOf({ moving: 'image uses the moving tag {{tag}}' }, 'moving', { tag: 'latest' });
    const after = fingerprintOf({ moving: '{{tag}} moves: pin a version' }, 'moving', { tag: 'latest' });
    expect(before).toHaveLength(1);
    expect(after).toEqual(before);
  });

  it('differ for two messages of a rule at the same field', () => {
    const messages = { noTag: 'same words', movingTag: 'same words' };
    const [noTag] = fingerprintOf(messages, 'noTag');
    const [movingTag] = fingerprintOf(messages, 'movingTag');
    expect(noTag).toMatch(/^[0-9a-f]{32}$/);
    expect(movingTag).toMatch(/^[0-9a-f]{32}$/);
    expect(noTag).not.toBe(movingTag);
  });

  it('keep using the message for findings without a message id', () => {
    const [finding] = run(imageRule({ m: 'text' }, [{ messageId: 'm' }]));
    const { messageId: _, data: __, ...withoutId } = finding!;
    expect(findingFingerprint({ ...withoutId, message: 'other text' })).not.toBe(findingFingerprint(withoutId));
    expect(findingFingerprint({ ...withoutId, line: 99 })).toBe(findingFingerprint(withoutId));
  });
});
