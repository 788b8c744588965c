import { describe, expect, it } from '@jest/globals';
import jsonpatch from 'fast-json-patch';
import { alignTo } from '../../src/diff/align.js';
import { createJsonPatch } from '../../src/diff/json-patch.js';
import { shapeOf } from '../../src/diff/merge-keys.js';
import { diffFixture } from './fixtures.js';

const pod = (containers: unknown[], extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers, ...extra },
});

function patchOf(current: Record<string, unknown>, desired: Record<string, unknown>) {
  const aligned = alignTo(current, desired, shapeOf(desired));
  return { aligned, patch: createJsonPatch(aligned, desired, shapeOf(desired)) };
}

describe('createJsonPatch', () => {
  it('adds, removes and patches keyed items at their desired index, without moves', () => {
    const current = pod([
      { name: 'app', image: 'app:1' },
      { name: 'old-sidecar', image: 'x:1' },
      { name: 'proxy', image: 'proxy:1' },
    ]);
    const desired = pod([
      { name: 'init-config', image: 'cfg:1' },
      { name: 'proxy', image: 'proxy:2' },
      { name: 'app', image: 'app:1' },
    ]);
    const { aligned, patch } = patchOf(current, desired);
    expect(patch).toEqual([
      { op: 'remove', path: '/spec/containers/2' },
      { op: 'add', path: '/spec/containers/0', value: { name: 'init-config', image: 'cfg:1' } },
      { op: 'replace', path: '/spec/containers/1/image', value: 'proxy:2' },
    ]);
    expect(jsonpatch.applyPatch(structuredClone(aligned), patch).newDocument).toEqual(desired);
  });

  it('replaces atomic lists whole and patches lists nobody describes item by item', () => {
    const current = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w' },
      spec: { parts: [1, 2, 3] },
      command: ['a'],
    };
    const desired = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w' },
      spec: { parts: [1, 5] },
      command: ['a'],
    };
    expect(patchOf(current, desired).patch).toEqual([
      { op: 'remove', path: '/spec/parts/2' },
      { op: 'replace', path: '/spec/parts/1', value: 5 },
    ]);
    const args = patchOf(pod([{ name: 'a', args: ['--x', '--y'] }]), pod([{ name: 'a', args: ['--y', '--x'] }]));
    expect(args.patch).toEqual([{ op: 'replace', path: '/spec/containers/0/args', value: ['--y', '--x'] }]);
  });

  it('escapes keys in paths', () => {
    const current = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', labels: { 'app.kubernetes.io/name': 'a' } },
    };
    const desired = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', labels: { 'app.kubernetes.io/name': 'b', '~tilde': 'x' } },
    };
    expect(patchOf(current, desired).patch).toEqual([
      { op: 'replace', path: '/metadata/labels/app.kubernetes.io~1name', value: 'b' },
      { op: 'add', path: '/metadata/labels/~0tilde', value: 'x' },
    ]);
  });

  it('turns the shown current object into the shown desired one for every update of the fixtures', async () => {
    const checked: string[] = [];
    for (const name of ['reordered', 'secrets', 'immutable', 'defaults-only']) {
      for (const change of (await diffFixture(name)).changes) {
        if (change.action !== 'update') continue;
        expect(jsonpatch.applyPatch(structuredClone(change.before!), change.patch).newDocument).toEqual(change.after);
        checked.push(`${name} ${change.ref.kind}/${change.ref.name}`);
      }
    }
    // Every update of the fixtures was checked (defaults-only has none: only defaults differ there).
    expect(checked).toEqual([
      'reordered Deployment/migrate',
      'secrets Secret/billing',
      'secrets Secret/ci-token',
      'immutable PersistentVolumeClaim/uploads',
      'immutable Secret/vendor',
      'immutable Service/db',
      'immutable Deployment/web',
      'immutable StatefulSet/db',
      'immutable Job/backfill',
      'immutable RoleBinding/deployers',
    ]);
  });
});
