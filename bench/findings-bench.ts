/**
 * `npm run build && node lib/bench/findings-bench.js [N]`: lint of one file whose one object has
 * N findings (default 100,000 unknown fields), to time positioning many findings in one map
 * (docs/performance.md). Each finding looks its key up in the same map: a lookup that walks the
 * map makes this quadratic.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../src/index.js';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'kubeplan-findings-bench-'));
  try {
    const file = join(dir, 'many.yaml');
    const fields = Array.from({ length: count }, (_, i) => `x${i}: ${i}`).join('\n');
    writeFileSync(file, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: many\n${fields}\n`);
    const start = performance.now();
    const result = await lint([file]);
    const ms = performance.now() - start;
    const last = result.findings.at(-1);
    console.log(
      `${result.findings.length} findings in one map: ${(ms / 1000).toFixed(1)} s (last at line ${last?.line}, column ${last?.column})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
