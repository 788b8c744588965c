import { describe, expect, it } from '@jest/globals';
import { type ReferenceOptions, reportsMissing, reportsNoPods } from '../../src/lint/references.js';
import type { RuleContext } from '../../src/lint/rule.js';

/** A rule context whose index has objects of every kind and pod owners in every namespace. */
const context = (namespace: unknown, assumeComplete: boolean, filled: boolean) =>
  ({
    object: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace } },
    namespace: typeof namespace === 'string' ? namespace : 'default',
    options: { assumeComplete },
    index: { hasKindIn: () => filled, podOwnersIn: () => (filled ? [{}] : []) },
  }) as unknown as RuleContext<ReferenceOptions>;

describe('reportsMissing', () => {
  it('reports when the namespace has objects of the kind, or when the input is assumed complete', () => {
    expect(reportsMissing(context('shop', false, true), 'ConfigMap', 'shop')).toBe(true);
    expect(reportsMissing(context('shop', true, false), 'ConfigMap', 'shop')).toBe(true);
    expect(reportsMissing(context('shop', false, false), 'ConfigMap', 'shop')).toBe(false);
  });

  it('never reports for an object whose namespace is not a string', () => {
    expect(reportsMissing(context(42, true, true), 'ConfigMap', 'default')).toBe(false);
  });
});

describe('reportsNoPods', () => {
  it('reports when the namespace has pod templates, or when the input is assumed complete', () => {
    expect(reportsNoPods(context('shop', false, true))).toBe(true);
    expect(reportsNoPods(context('shop', true, false))).toBe(true);
    expect(reportsNoPods(context('shop', false, false))).toBe(false);
  });

  it('never reports for an object whose namespace is not a string', () => {
    expect(reportsNoPods(context(42, true, true))).toBe(false);
    expect(reportsNoPods(context(42, false, false))).toBe(false);
  });
});
