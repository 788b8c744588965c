import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifests } from '../../src/load/load-manifests.js';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { briefAt } from '../helpers/findings.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('scale', () => {
  it('loads a file of more documents than a call takes arguments', async () => {
    // `push(...items)` passes each item as an argument: past about 125,000 the call stack overflows.
    const count = 130_000;
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'many.yaml'), Array(count).fill('{apiVersion: v1, kind: ConfigMap}\n').join('---\n'));
      const result = await loadManifests([join(dir, 'many.yaml')]);
      expect(result.findings).toEqual([]);
      expect(result.manifests).toHaveLength(count);
      expect(result.manifests.at(-1)!.source.docIndex).toBe(count - 1);
    } finally {
      cleanup();
    }
  });
});

describe('duplicate keys, found in one pass per map', () => {
  it('are reported at the later key, in block and flow maps, whatever the key is named', () => {
    const text = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: a, labels: {constructor: x, constructor: y}}',
      'data:',
      '  __proto__: a',
      '  toString: b',
      '  __proto__: c',
      '  1: d',
      '  "1": e',
      '',
    ].join('\n');
    expect(parseManifests('a.yaml', text).findings.map(briefAt)).toEqual([
      '3:46 yaml-duplicate-key duplicate key: "constructor"; kubectl rejects the document',
      '7:3 yaml-duplicate-key duplicate key: "__proto__"; kubectl rejects the document',
    ]);
  });
});
