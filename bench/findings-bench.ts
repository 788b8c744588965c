/**
 * `npm run build && node lib/bench/findings-bench.js [N]`: lint of one file whose one object has
 * N findings in one map (default 100,000), in three forms (docs/performance.md):
 * - unknown fields: each finding looks its key up in the same map (positioning);
 * - invalid label keys: kubeplan's own label checks;
 * - label values that are not strings: the built-in schema's validator, which copies its error
 *   list for every failing entry unless the map is validated a chunk at a time.
 * A lookup or copy that walks the map for each finding makes one of them quadratic.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../src/index.js';

const FORMS: Record<string, (count: number) => string> = {
  'unknown fields': (count) =>
    `metadata:\n  name: many\n${Array.from({ length: count }, (_, i) => `x${i}: ${i}`).join('\n')}\n`,
  'invalid label keys': (count) =>
    `metadata:\n  name: many\n  labels:\n${Array.from({ length: count }, (_, i) => `    "bad key ${i}!": v`).join('\n')}\n`,
  'label values that are not strings': (count) =>
    `metadata:\n  name: many\n  labels:\n${Array.from({ length: count }, (_, i) => `    k${i}: ${i}`).join('\n')}\n`,
};

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'kubeplan-findings-bench-'));
  try {
    for (const [form, body] of Object.entries(FORMS)) {
      const file = join(dir, 'many.yaml');
      writeFileSync(file, `apiVersion: v1\nkind: ConfigMap\n${body(count)}`);
      const start = performance.now();
      const result = await lint([file]);
      const ms = performance.now() - start;
      const last = result.findings.at(-1);
      console.log(
        `${form}: ${result.findings.length} findings in one map: ${(ms / 1000).toFixed(1)} s (last at line ${last?.line}, column ${last?.column})`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
