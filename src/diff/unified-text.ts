import { FILE_HEADERS_ONLY, formatPatch, structuredPatch } from 'diff';
import type { KubeObject } from '../model/manifest.js';
import { groupKind } from '../model/group-kind.js';
import type { ObjectRef } from '../model/object-ref.js';
import { toYamlText } from './yaml-text.js';

/** Lines of context around each change in the unified text. */
export const DEFAULT_CONTEXT = 3;

/** The YAML people read in a diff (see `toYamlText`); empty for a side without the object. */
function toYaml(object: KubeObject | undefined): string {
  return object === undefined ? '' : toYamlText(object);
}

/** `Deployment.apps/shop/api`: the name of an object in a unified diff header. */
function diffName(ref: ObjectRef): string {
  return `${groupKind(ref.apiVersion, ref.kind)}/${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

/**
 * The unified diff of the YAML of two normalized (and masked) objects, with `--- current/<name>`
 * and `+++ desired/<name>` headers (`/dev/null` for a side without the object); empty when the
 * texts are equal.
 */
export function unifiedText(
  ref: ObjectRef,
  current: KubeObject | undefined,
  desired: KubeObject | undefined,
  context = DEFAULT_CONTEXT,
): string {
  const before = toYaml(current);
  const after = toYaml(desired);
  if (before === after) return '';
  const name = diffName(ref);
  const patch = structuredPatch(
    current ? `current/${name}` : '/dev/null',
    desired ? `desired/${name}` : '/dev/null',
    before,
    after,
    undefined,
    undefined,
    { context },
  );
  return formatPatch(patch, FILE_HEADERS_ONLY);
}
