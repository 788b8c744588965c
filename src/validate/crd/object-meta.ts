import { isObject, type JsonObject } from '../../model/json.js';
import { appendPointer } from '../../model/json-pointer.js';
import { dns1035Label, dns1123Label, labelValue, pathSegmentName, qualifiedName } from '../../model/name-validation.js';
import { fieldSchema, isSchema, itemSchema, type Schema } from './structural-schema.js';

/**
 * What the API server checks of the resources embedded in a custom resource
 * (`x-kubernetes-embedded-resource: true`) beyond the OpenAPI schema, as the structural schema's
 * `objectmeta.Validate` does on create: apiVersion and kind present and well formed, their
 * metadata as ObjectMeta with path-segment names. Messages are the API server's
 * (`spec.template.kind: Required value`). The custom resource's own metadata is checked as every
 * object's is (the built-in ObjectMeta schema, and the invalid-name and invalid-label rules).
 */
export interface MetaProblem {
  /** Where the finding goes: the key of a label or annotation, the field otherwise. */
  pointer: string;
  message: string;
  /** A Required error: as on the API server, the CEL rules are then not run. */
  blocking: boolean;
}

/** The total size the API server allows for annotations, keys and values (256 KiB). */
const ANNOTATIONS_MAX_BYTES = 256 * 1024;

/** A JSON value in Go's %v-like quoting of field.Invalid: strings quoted, the rest as JSON. */
function shown(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/** A path like the API server's field paths: `spec.items[0].template`. */
function fieldPath(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(seg) ? `[${seg}]` : out ? `.${seg}` : seg;
  }
  return out;
}

type NameCheck = (name: string, prefix: boolean) => string[];

const pathSegment: NameCheck = (name, prefix) =>
  prefix ? ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`) : pathSegmentName(name);

function invalid(problems: MetaProblem[], pointer: string, value: unknown, message: string, at = pointer): void {
  problems.push({
    pointer: at,
    message: `${fieldPath(pointer)}: Invalid value: ${shown(value)}: ${message}`,
    blocking: false,
  });
}

function stringMap(value: unknown): Array<[string, string]> {
  return isObject(value) ? Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string') : [];
}

/** ObjectMeta as `ValidateObjectMeta` checks it (`validateObjectMetaAccessorWithOptsCommon` and the name checks). */
function objectMetaProblems(
  metadata: JsonObject,
  base: string,
  options: { nameCheck: NameCheck; namespaced: boolean },
): MetaProblem[] {
  const problems: MetaProblem[] = [];
  const at = (key: string) => appendPointer(base, key);
  const { generateName, name, namespace } = metadata;
  if (typeof generateName === 'string' && generateName !== '')
    for (const msg of options.nameCheck(generateName, true)) invalid(problems, at('generateName'), generateName, msg);
  if (typeof name === 'string' && name !== '')
    for (const msg of options.nameCheck(name, false)) invalid(problems, at('name'), name, msg);
  if (options.namespaced && typeof namespace === 'string' && namespace !== '')
    for (const msg of dns1123Label(namespace)) invalid(problems, at('namespace'), namespace, msg);
  const labels = at('labels');
  for (const [key, value] of stringMap(metadata.labels)) {
    for (const msg of qualifiedName(key)) invalid(problems, labels, key, msg, appendPointer(labels, key));
    for (const msg of labelValue(value)) invalid(problems, labels, value, msg, appendPointer(labels, key));
  }
  const annotations = at('annotations');
  let size = 0;
  for (const [key, value] of stringMap(metadata.annotations)) {
    size += Buffer.byteLength(key) + Buffer.byteLength(value);
    for (const msg of qualifiedName(key.toLowerCase()))
      invalid(problems, annotations, key, msg, appendPointer(annotations, key));
  }
  if (size > ANNOTATIONS_MAX_BYTES)
    problems.push({
      pointer: annotations,
      message: `${fieldPath(annotations)}: Too long: may not be more than ${ANNOTATIONS_MAX_BYTES} bytes`,
      blocking: false,
    });
  if (Array.isArray(metadata.finalizers))
    metadata.finalizers.forEach((finalizer, i) => {
      if (typeof finalizer !== 'string') return;
      const pointer = appendPointer(at('finalizers'), String(i));
      for (const msg of qualifiedName(finalizer)) invalid(problems, at('finalizers'), finalizer, msg, pointer);
    });
  return problems;
}

/** An embedded resource (`x-kubernetes-embedded-resource: true`), as `validateEmbeddedResource` checks it. */
function embeddedProblems(value: JsonObject, pointer: string): MetaProblem[] {
  const problems: MetaProblem[] = [];
  for (const key of ['apiVersion', 'kind']) {
    const at = appendPointer(pointer, key);
    if (!Object.hasOwn(value, key)) {
      problems.push({ pointer: at, message: `${fieldPath(at)}: Required value`, blocking: true });
      continue;
    }
    const v = value[key];
    if (typeof v !== 'string') invalid(problems, at, v, 'must be a string');
    else if (v === '') invalid(problems, at, v, 'must not be empty');
    else if (key === 'apiVersion' && v.split('/').length > 2)
      invalid(problems, at, v, `unexpected GroupVersion string: ${v}`);
    else if (key === 'kind') {
      const errs = dns1035Label(v.toLowerCase());
      if (errs.length) invalid(problems, at, v, `may have mixed case, but should otherwise match: ${errs.join(',')}`);
    }
  }
  if (isObject(value.metadata)) {
    const metadata = value.metadata;
    const namespaced = typeof metadata.namespace === 'string' && metadata.namespace !== '';
    problems.push(
      ...objectMetaProblems(metadata, appendPointer(pointer, 'metadata'), { nameCheck: pathSegment, namespaced }),
    );
  }
  return problems;
}

/** Every embedded resource of the object under `schema` (the root is a resource of its own, not embedded). */
export function embeddedResourceProblems(value: unknown, schema: Schema | undefined, pointer = ''): MetaProblem[] {
  if (!schema) return [];
  const problems: MetaProblem[] = [];
  if (Array.isArray(value)) {
    const items = itemSchema(schema);
    value.forEach((item, i) => {
      problems.push(...embeddedResourceProblems(item, items, appendPointer(pointer, String(i))));
    });
  } else if (isObject(value)) {
    if (pointer !== '' && schema['x-kubernetes-embedded-resource'] === true)
      problems.push(...embeddedProblems(value, pointer));
    for (const [key, child] of Object.entries(value)) {
      const sub = fieldSchema(schema, key);
      if (sub && isSchema(sub)) problems.push(...embeddedResourceProblems(child, sub, appendPointer(pointer, key)));
    }
  }
  return problems;
}
