import type { Finding } from '../model/finding.js';
import { describeRef, identityKey, type ObjectRef } from '../model/object-ref.js';
import { meetsFailLevel, type FailOn } from '../model/severity.js';
import { cached } from '../model/maps.js';

export interface JunitInput {
  findings: readonly Finding[];
  /** Every object checked, so that clean objects appear as passing test cases. */
  objects: ReadonlyArray<{ file: string; ref: ObjectRef }>;
}

function xml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // Characters XML 1.0 cannot carry at all (controls, U+FFFE, U+FFFF, lone surrogates):
      // everything outside its Char production, matched by code point.
      .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
  );
}

interface Case {
  name: string;
  findings: Finding[];
}

/**
 * JUnit XML: a test suite per file; in it a test case per object and rule that reported
 * something (failing when a finding is at or above `failOn`), and one passing case per clean
 * object, so CI dashboards count checked objects too.
 */
export function formatJunit(input: JunitInput, options: { failOn: FailOn }): string {
  const suites = new Map<string, Map<string, Case>>();
  const suite = (file: string): Map<string, Case> => cached(suites, file, () => new Map<string, Case>());
  for (const o of input.objects) suite(o.file).set(identityKey(o.ref), { name: describeRef(o.ref), findings: [] });
  for (const f of input.findings) {
    const cases = suite(f.file);
    const objectName = f.object ? describeRef(f.object) : '(file)';
    const key = `${f.object ? identityKey(f.object) : ''}#${f.ruleId}`;
    const existing = cases.get(key);
    if (existing) existing.findings.push(f);
    else cases.set(key, { name: `${objectName}: ${f.ruleId}`, findings: [f] });
    // An object with a finding is no longer "clean".
    if (f.object) cases.delete(identityKey(f.object));
  }

  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  let totalTests = 0;
  let totalFailures = 0;
  const bodies: string[] = [];
  for (const file of [...suites.keys()].sort()) {
    const cases = [...suites.get(file)!.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const failures = cases.filter((c) => c.findings.some((f) => meetsFailLevel(f.severity, options.failOn))).length;
    totalTests += cases.length;
    totalFailures += failures;
    bodies.push(
      `  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`,
    );
    for (const c of cases) {
      const text = c.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity}: ${f.message}`).join('\n');
      const failing = c.findings.filter((f) => meetsFailLevel(f.severity, options.failOn));
      if (!c.findings.length) {
        bodies.push(`    <testcase classname="${xml(file)}" name="${xml(c.name)}"/>`);
      } else if (failing.length) {
        const first = failing[0]!;
        bodies.push(`    <testcase classname="${xml(file)}" name="${xml(c.name)}">`);
        bodies.push(
          `      <failure message="${xml(first.message)}" type="${xml(first.ruleId)}">${xml(text)}</failure>`,
        );
        bodies.push('    </testcase>');
      } else {
        bodies.push(`    <testcase classname="${xml(file)}" name="${xml(c.name)}">`);
        bodies.push(`      <system-out>${xml(text)}</system-out>`);
        bodies.push('    </testcase>');
      }
    }
    bodies.push('  </testsuite>');
  }
  out.push(
    `<testsuites name="kubeplan" tests="${totalTests}" failures="${totalFailures}" errors="0">`,
    ...bodies,
    '</testsuites>',
    '',
  );
  return out.join('\n');
}
