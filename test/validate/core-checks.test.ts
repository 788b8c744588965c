import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_CHECKS } from '../../src/validate/core-checks.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('core checks catalog', () => {
  it('describes every rule id that loading and schema validation report, and no other', () => {
    const emitted = new Set<string>();
    for (const file of [...sources('src/load'), ...sources('src/validate')]) {
      if (file.endsWith('core-checks.ts')) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(
        /ruleId: '([a-z-]+)'|'((?:file|yaml|directory|document)-[a-z-]+)'/g,
      ))
        emitted.add(m[1] ?? m[2]!);
    }
    expect(CORE_CHECKS.map((c) => c.id).sort()).toEqual([...emitted].sort());
  });

  it('documents every core check in docs/lint.md', () => {
    const doc = readFileSync('docs/lint.md', 'utf8');
    for (const check of CORE_CHECKS) expect(doc).toContain(`\`${check.id}\``);
  });
});
