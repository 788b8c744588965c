import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { isObject } from '../../src/model/json.js';
import type { Manifest } from '../../src/model/manifest.js';
import { CrdRegistry, isCrd } from '../../src/validate/crd/crd-registry.js';
import { manifestFiles, REALWORLD } from './realworld-corpus.js';

export { realworldUnavailable } from './realworld-corpus.js';

/**
 * The CRDs and custom resources of the shared real-world corpus (../shared/corpora/realworld,
 * read in place, never copied): every object of the corpus whose group, kind and version a CRD of
 * the corpus serves, paired with that CRD.
 */
export interface RealworldCase {
  crd: Manifest;
  object: Manifest;
  registry: CrdRegistry;
}

/** The served versions of a v1 CRD, `group/version kind` each. */
function served(crd: Manifest): string[] {
  const spec = isObject(crd.object.spec) ? crd.object.spec : {};
  const kind = isObject(spec.names) ? spec.names.kind : undefined;
  if (!crd.ref.apiVersion.endsWith('/v1') || typeof spec.group !== 'string' || typeof kind !== 'string') return [];
  return (Array.isArray(spec.versions) ? spec.versions : [])
    .filter((v) => isObject(v) && v.served === true && typeof v.name === 'string')
    .map((v) => `${spec.group}/${(v as { name: string }).name} ${kind}`);
}

export function realworldCases(): RealworldCase[] {
  const crds = new Map<string, { crd: Manifest; registry: CrdRegistry }>();
  const objects: Manifest[] = [];
  const texts = [...manifestFiles(join(REALWORLD, 'crds')), ...manifestFiles(join(REALWORLD, 'corpus'))].map(
    (path) => ({
      path,
      text: readFileSync(path, 'utf8'),
    }),
  );
  // The groups CRDs declare: a file naming none of them holds no custom resource of theirs.
  const groups = new Set<string>();
  for (const { text } of texts.filter((t) => t.text.includes('CustomResourceDefinition')))
    for (const m of text.matchAll(/^\s*group:\s*["']?([a-z0-9.-]+\.[a-z0-9.-]+)/gm)) groups.add(m[1]!);
  const named = (text: string) =>
    text.includes('CustomResourceDefinition') || [...groups].some((g) => text.includes(`${g}/`));
  for (const { path, text } of texts.filter((t) => named(t.text))) {
    for (const m of parseManifests(path, text).manifests) {
      if (isCrd(m)) {
        // One registry per CRD: its schemas compile once, for all its versions.
        const registry = new CrdRegistry([m]);
        for (const key of served(m)) if (!crds.has(key)) crds.set(key, { crd: m, registry });
      } else objects.push(m);
    }
  }
  const cases: RealworldCase[] = [];
  for (const object of objects) {
    const found = crds.get(`${object.ref.apiVersion} ${object.ref.kind}`);
    if (found) cases.push({ crd: found.crd, object, registry: found.registry });
  }
  return cases;
}
