import { BUILTIN_INDEX } from '../validate/builtin-index/index.generated.js';
import { builtinType } from '../validate/builtin-kinds.js';

/**
 * Which fields a built-in kind has, for removing those it does not have (a misspelled
 * `imagePulPolicy`, a field at the wrong level): the API server never stores them (it drops them
 * with a warning, or refuses the whole object under strict validation), so they change nothing
 * in the cluster. Lint reports each of them (validate/unknown-fields.ts, from the same index of
 * built-in types); empty-fields.ts removes them in its walk. Custom resources have no known shape.
 *
 * A field shape of the index (`scalar`, `#<Type>`, `[]<shape>`, `{}<shape>`) is read here once:
 * the walk runs on every object of both sides of a diff, and taking the strings apart at each
 * value cost more than the walk itself.
 */
export interface KnownShape {
  /** A list of such items. */
  items?: KnownShape;
  /** A map with such values. */
  values?: KnownShape;
  /** An object of this type: field name → field shape. */
  fields?: Readonly<Record<string, string>>;
}

/** The shape of a kind's objects; undefined for a custom resource. */
export function knownShapeOfKind(apiVersion: string, kind: string): KnownShape | undefined {
  const type = builtinType(apiVersion, kind);
  return type === undefined ? undefined : knownShapeOf(`#${type}`);
}

/** Read shapes by their text; NOTHING for those with nothing to check inside (`scalar`, `{}scalar`, a type the index lacks). */
const shapes = new Map<string, KnownShape | typeof NOTHING>();
const NOTHING = Symbol('nothing to check');

export function knownShapeOf(shape: string): KnownShape | undefined {
  let read = shapes.get(shape);
  if (read === undefined) {
    read = readShape(shape) ?? NOTHING;
    shapes.set(shape, read);
  }
  return read === NOTHING ? undefined : read;
}

function readShape(shape: string): KnownShape | undefined {
  if (shape.startsWith('[]')) {
    const items = knownShapeOf(shape.slice(2));
    return items && { items };
  }
  if (shape.startsWith('{}')) {
    const values = knownShapeOf(shape.slice(2));
    return values && { values };
  }
  if (!shape.startsWith('#')) return undefined;
  const fields = BUILTIN_INDEX.types[shape.slice(1)];
  return fields && { fields };
}
