/**
 * A custom kind is cluster-scoped when its CustomResourceDefinition says so, wherever the CRD
 * comes from: the input, the current state, or `--crd`. Plan and diff place such objects alike.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { diff } from '../../src/commands/diff.js';
import { tempDir } from '../helpers/temp-dir.js';

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  scope: Cluster
  names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
`;
const WIDGET = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: blue}\nspec: {size: 1}\n';

describe('a cluster-scoped custom kind declared by a --crd file', () => {
  it('is compared without a namespace in the diff, whatever -n says', async () => {
    const { dir, cleanup } = tempDir();
    writeFileSync(join(dir, 'crd.yaml'), CRD);
    writeFileSync(join(dir, 'desired.yaml'), WIDGET);
    writeFileSync(join(dir, 'current.yaml'), WIDGET.replace('size: 1', 'size: 2'));
    const result = await diff([join(dir, 'desired.yaml')], {
      current: [join(dir, 'current.yaml')],
      crds: [join(dir, 'crd.yaml')],
      namespace: 'team',
    });
    expect(result.changes.map((c) => `${c.action} ${c.ref.kind} ${c.ref.namespace ?? '-'}/${c.ref.name}`)).toEqual([
      'update Widget -/blue',
    ]);
    cleanup();
  });
});
