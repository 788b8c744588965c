import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadInputs } from '../../src/load/inputs.js';
import type { KubeObject, Manifest } from '../../src/model/manifest.js';
import { copyJson, isPlainJson, sameAsCopy } from '../../src/model/copy-json.js';
import { applyDefaults, defaultingKeeps, defaultInPlace, markDefaulted } from '../../src/simulate/defaults/index.js';
import { simulateTransition } from '../../src/diff/consequences/transition.js';
import { defaultClusterNodes } from '../../src/simulate/cluster/default-cluster.js';

/** Directories of fixtures with manifests of every kind kubeplan defaults. */
const FIXTURES = [
  'fixtures/demo',
  'fixtures/current',
  'fixtures/diff/current',
  ...['fixtures/diff', 'fixtures/plan'].flatMap((root) =>
    readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => join(root, e.name)),
  ),
];

async function fixtureObjects(dir: string): Promise<KubeObject[]> {
  const loaded = await loadInputs([dir]);
  return loaded.desired.manifests.map((m: Manifest) => m.object);
}

/** The kinds defaultingKeeps tells without a copy of the whole object. */
const CHECKED = new Set([
  'v1|Pod',
  'v1|Service',
  'apps/v1|Deployment',
  'apps/v1|ReplicaSet',
  'apps/v1|StatefulSet',
  'apps/v1|DaemonSet',
]);

/** What the second run of a transition does without defaultingKeeps: default a copy and compare. */
function keptByCopy(object: KubeObject): boolean {
  return sameAsCopy(object, applyDefaults(object));
}

describe('defaultingKeeps', () => {
  it.each(FIXTURES)('agrees with defaulting a copy for every object of %s, defaulted or not', async (dir) => {
    for (const object of await fixtureObjects(dir)) {
      const defaulted = applyDefaults(object);
      // Defaulting fills in only what is unset: a second pass changes nothing (markDefaulted relies on it).
      expect(keptByCopy(defaulted)).toBe(true);
      for (const candidate of [object, defaulted]) {
        // Kinds it knows the defaulted fields of, with plain data, are told exactly; others never kept.
        if (CHECKED.has(`${String(candidate.apiVersion)}|${String(candidate.kind)}`) && isPlainJson(candidate))
          expect(defaultingKeeps(candidate)).toBe(keptByCopy(candidate));
        else if (defaultingKeeps(candidate)) expect(keptByCopy(candidate)).toBe(true);
      }
    }
  });

  it('keeps a spec it was told is defaulted, and checks the rest of the object', () => {
    const deployment: KubeObject = copyJson({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
    });
    defaultInPlace(deployment);
    markDefaulted(deployment);
    expect(defaultingKeeps(deployment)).toBe(true);
    expect(defaultingKeeps({ ...deployment, status: { at: new Date(0) } })).toBe(false);
    // The same spec is not known to be a ReplicaSet's defaults.
    expect(defaultingKeeps({ ...deployment, kind: 'ReplicaSet' })).toBe(
      keptByCopy({ ...deployment, kind: 'ReplicaSet' }),
    );
  });

  it('sees a spec the defaulter would add', () => {
    expect(defaultingKeeps({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } })).toBe(false);
  });

  it.each(FIXTURES)('holds for the objects the first run of a transition leaves (%s)', async (dir) => {
    const loaded = await loadInputs([dir]);
    const manifests = loaded.desired.manifests;
    const { before } = simulateTransition({
      current: manifests,
      desired: [],
      nodes: defaultClusterNodes(),
      now: '2026-01-01T00:00:00Z',
    });
    for (const object of before.state.objects) if (defaultingKeeps(object)) expect(keptByCopy(object)).toBe(true);
  });
});
