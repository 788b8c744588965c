import type { Manifest } from '../model/manifest.js';
import { appendPointer } from '../model/json-pointer.js';
import { closestName } from '../validate/suggest.js';
import { asStringMap, dig } from '../model/json.js';

/** `kubeplan.io/ignore: "image-tag-latest,host-port"` (or `all`) on an object's metadata. */
export const IGNORE_ANNOTATION = 'kubeplan.io/ignore';
/** `kubeplan.io/ignore.<container>`: the same for one container of the object's pod template. */
export const CONTAINER_IGNORE_PREFIX = 'kubeplan.io/ignore.';
/** Free text saying why; kept with the suppressed findings. */
export const IGNORE_REASON_ANNOTATION = 'kubeplan.io/ignore-reason';

type IdSet = ReadonlySet<string> | 'all';

export interface Suppressions {
  object: IdSet;
  containers: ReadonlyMap<string, IdSet>;
  reason?: string;
  /** Annotations that name unknown rules or containers: reported so a typo does not silently suppress nothing. */
  problems: Array<{ pointer: string; message: string }>;
}

const NOTHING: Suppressions = { object: new Set(), containers: new Map(), problems: [] };

function annotationPointer(key: string): string {
  return appendPointer('/metadata/annotations', key);
}

function parseIds(
  value: string,
  pointer: string,
  knownIds: ReadonlySet<string>,
  problems: Suppressions['problems'],
): IdSet {
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.some((id) => id === 'all')) return 'all';
  for (const id of ids) {
    if (knownIds.has(id)) continue;
    const guess = closestName(id, knownIds);
    problems.push({
      pointer,
      message: `suppression names unknown rule "${id}"${guess ? `; did you mean "${guess}"?` : ''} (it suppresses nothing)`,
    });
  }
  return new Set(ids);
}

/** Reads an object's suppression annotations; `containerNames` are those of its pod template. */
export function readSuppressions(
  m: Manifest,
  knownIds: ReadonlySet<string>,
  containerNames: readonly string[],
): Suppressions {
  const annotations = asStringMap(dig(m.object, 'metadata', 'annotations'));
  const keys = Object.keys(annotations).filter((k) => k === IGNORE_ANNOTATION || k.startsWith(CONTAINER_IGNORE_PREFIX));
  if (keys.length === 0) return NOTHING;
  const problems: Suppressions['problems'] = [];
  let object: IdSet = new Set();
  const containers = new Map<string, IdSet>();
  for (const key of keys.sort()) {
    const pointer = annotationPointer(key);
    const ids = parseIds(annotations[key]!, pointer, knownIds, problems);
    if (key === IGNORE_ANNOTATION) {
      object = ids;
      continue;
    }
    const container = key.slice(CONTAINER_IGNORE_PREFIX.length);
    if (!containerNames.includes(container)) {
      const guess = closestName(container, containerNames);
      problems.push({
        pointer,
        message: `suppression names container "${container}", which this object does not have${guess ? `; did you mean "${guess}"?` : ''}`,
      });
    }
    containers.set(container, ids);
  }
  const reason = annotations[IGNORE_REASON_ANNOTATION];
  return reason === undefined ? { object, containers, problems } : { object, containers, reason, problems };
}

function has(ids: IdSet | undefined, ruleId: string): boolean {
  return ids === 'all' || ids?.has(ruleId) === true;
}

/** True when the object, or the container the finding is about, suppresses `ruleId`. */
export function isSuppressed(s: Suppressions, ruleId: string, container: string | undefined): boolean {
  // Stryker disable next-line ConditionalExpression: the map's keys are strings, so looking up an undefined container finds nothing either
  return has(s.object, ruleId) || (container !== undefined && has(s.containers.get(container), ruleId));
}

const CONTAINER_POINTER = /^(.*?\/(?:containers|initContainers|ephemeralContainers)\/\d+)(?:\/|$)/;

/** The name of the container a pointer is inside, if any. */
export function containerAt(m: Manifest, pointer: string): string | undefined {
  const match = CONTAINER_POINTER.exec(pointer);
  if (!match) return undefined;
  const name = dig(m.object, ...match[1]!.slice(1).split('/'), 'name');
  return typeof name === 'string' ? name : undefined;
}
