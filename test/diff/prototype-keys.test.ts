import { afterAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diff } from '../../src/commands/diff.js';
import { formatDiffText } from '../../src/report/diff-text.js';
import { tempDir } from '../helpers/temp-dir.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  constructor: 1
  selector:
    matchLabels: {app: web, toString: x}
  template:
    metadata:
      labels: {app: web, toString: x, hasOwnProperty: z}
    spec:
      containers:
        - {name: web, image: "${image}", valueOf: 2}
`;

describe('keys named like Object.prototype members', () => {
  it('are plain fields to the diff on either side: compared, patched and printed', async () => {
    writeFileSync(join(dir, 'current.yaml'), deployment('web:1'));
    writeFileSync(join(dir, 'desired.yaml'), deployment('web:2'));
    for (const mode of ['client', 'server-side', 'whole-object'] as const) {
      const result = await diff([join(dir, 'desired.yaml')], { current: [join(dir, 'current.yaml')], mode });
      const [change] = result.changes;
      expect([mode, change!.action]).toEqual([mode, 'update']);
      expect(change!.patch).toEqual([
        { op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'web:2' },
      ]);
      const after = change!.after as any;
      // An unknown field is dropped as the API server drops it; a label is kept as it is.
      expect(Object.hasOwn(after.spec, 'constructor')).toBe(false);
      expect(after.spec.template.metadata.labels.toString).toBe('x');
      expect(formatDiffText(result, { color: false })).toContain('+          image: web:2');
    }
    // A key on one side only is a change, not a function read from the prototype.
    writeFileSync(join(dir, 'plain.yaml'), deployment('web:1').replace(', toString: x, hasOwnProperty: z', ''));
    const added = await diff([join(dir, 'current.yaml')], { current: [join(dir, 'plain.yaml')], mode: 'whole-object' });
    expect(added.changes[0]!.patch).toEqual([
      { op: 'add', path: '/spec/template/metadata/labels/toString', value: 'x' },
      { op: 'add', path: '/spec/template/metadata/labels/hasOwnProperty', value: 'z' },
    ]);
  });
});
