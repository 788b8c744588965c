import { describe, expect, it } from '@jest/globals';
import { compareFindings, type Finding, findingAt } from '../../src/model/finding.js';
import type { LocateTarget, Manifest } from '../../src/model/manifest.js';

const base: Finding = {
  ruleId: 'b-rule',
  severity: 'warning',
  message: 'm',
  file: 'b.yaml',
  line: 10,
  column: 5,
  pointer: '',
  phase: 'rule',
};
const at = (change: Partial<Finding>): Finding => ({ ...base, ...change });

describe('compareFindings', () => {
  it('orders by file, then line, then column, then rule, then message', () => {
    expect(compareFindings(base, base)).toBe(0);
    // The file decides before the position.
    expect(compareFindings(at({ file: 'a.yaml', line: 99 }), base)).toBe(-1);
    expect(compareFindings(at({ file: 'c.yaml', line: 1 }), base)).toBe(1);
    // Same file: the line, then the column, by how far apart they are.
    expect(compareFindings(at({ line: 7, column: 99 }), base)).toBe(-3);
    expect(compareFindings(at({ line: 12, column: 1 }), base)).toBe(2);
    expect(compareFindings(at({ column: 2, ruleId: 'z-rule' }), base)).toBe(-3);
    expect(compareFindings(at({ column: 9, ruleId: 'a-rule' }), base)).toBe(4);
    // Same position: the rule, then the message.
    expect(compareFindings(at({ ruleId: 'a-rule', message: 'z' }), base)).toBe(-1);
    expect(compareFindings(at({ ruleId: 'c-rule', message: 'a' }), base)).toBe(1);
    expect(compareFindings(at({ message: 'a' }), base)).toBe(-1);
    expect(compareFindings(at({ message: 'n' }), base)).toBe(1);
  });
});

describe('findingAt', () => {
  const calls: Array<[string, LocateTarget | undefined]> = [];
  const manifest: Manifest = {
    ref: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' },
    object: {},
    source: { file: 'deploy/web.yaml', docIndex: 1 },
    locate(pointer, target) {
      calls.push([pointer, target]);
      return { line: 12, column: 7, endLine: 12, endColumn: 19 };
    },
  };

  it('positions the finding by the source map and leaves out the optional fields not given', () => {
    calls.length = 0;
    const finding = findingAt(manifest, {
      ruleId: 'no-latest-tag',
      severity: 'warning',
      message: 'uses latest',
      pointer: '/spec/template/spec/containers/0/image',
      phase: 'rule',
    });
    expect(finding).toStrictEqual({
      ruleId: 'no-latest-tag',
      severity: 'warning',
      message: 'uses latest',
      pointer: '/spec/template/spec/containers/0/image',
      phase: 'rule',
      file: 'deploy/web.yaml',
      line: 12,
      column: 7,
      endLine: 12,
      endColumn: 19,
      object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' },
    });
    expect(calls).toEqual([['/spec/template/spec/containers/0/image', undefined]]);
  });

  it('keeps the optional fields given and passes the target to the source map, not into the finding', () => {
    calls.length = 0;
    const finding = findingAt(manifest, {
      ruleId: 'unknown-field',
      severity: 'error',
      message: 'unknown field "replica"',
      pointer: '/spec/replica',
      phase: 'schema',
      target: 'key',
      remediation: 'Did you mean "replicas"?',
      docsUrl: 'https://example.com/rules/unknown-field',
      messageId: 'unknown',
      data: { field: 'replica', count: 1 },
    });
    expect(finding).toStrictEqual({
      ruleId: 'unknown-field',
      severity: 'error',
      message: 'unknown field "replica"',
      pointer: '/spec/replica',
      phase: 'schema',
      remediation: 'Did you mean "replicas"?',
      docsUrl: 'https://example.com/rules/unknown-field',
      messageId: 'unknown',
      data: { field: 'replica', count: 1 },
      file: 'deploy/web.yaml',
      line: 12,
      column: 7,
      endLine: 12,
      endColumn: 19,
      object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' },
    });
    expect(calls).toEqual([['/spec/replica', 'key']]);
  });

  it('leaves out each optional field given as undefined', () => {
    const finding = findingAt(manifest, {
      ruleId: 'r',
      severity: 'info',
      message: 'm',
      pointer: '',
      phase: 'rule',
      remediation: undefined,
      docsUrl: undefined,
      messageId: undefined,
      data: undefined,
    });
    expect(Object.keys(finding).sort()).toEqual([
      'column',
      'endColumn',
      'endLine',
      'file',
      'line',
      'message',
      'object',
      'phase',
      'pointer',
      'ruleId',
      'severity',
    ]);
  });
});
