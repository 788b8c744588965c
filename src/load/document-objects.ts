import type { KubeObject } from '../model/manifest.js';
import { isObject } from '../model/json.js';

/** An object a document holds: the document itself, or an item of a List. */
export interface DocumentObject {
  object: KubeObject;
  /** Where the object sits in the document (`["items", 3]`). */
  basePath: Array<string | number>;
  itemIndex?: number;
}

/** Something in a document that is not a usable object, at a pointer into the document. */
export interface DocumentProblem {
  ruleId: 'document-not-object' | 'object-missing-type';
  message: string;
  pointer: string;
}

/** A document that is a map: the shape every Kubernetes object has. */
export function isKubeObject(value: unknown): value is KubeObject {
  return isObject(value);
}

/**
 * What a value that should have been an object is, for a message. A string or a number may be a
 * secret (`AWS_SECRET_ACCESS_KEY=...` pasted where a manifest belongs), and messages reach CI
 * logs and review comments: they are described by type and length, never quoted. Only true,
 * false and null, which cannot be secret, are named.
 */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `a string of ${value.length} character${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return `a boolean (${value})`;
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

/** `kind: List`, or a typed list such as `DeploymentList`, with an `items` array. */
function isList(object: KubeObject): boolean {
  return (
    Array.isArray(object.items) &&
    typeof object.kind === 'string' &&
    (object.kind === 'List' || object.kind.endsWith('List'))
  );
}

/**
 * Kustomize's own objects (`Kustomization`, `Component`) and the configuration of its built-in
 * transformers and generators (`apiVersion: builtin`, `kind: LabelTransformer`), which overlays
 * keep beside their manifests.
 */
function isKustomizeConfiguration(apiVersion: string): boolean {
  return apiVersion.startsWith('kustomize.config.k8s.io/') || apiVersion === 'builtin';
}

/**
 * The objects of one document (an object, or the items of a List) and the problems that keep
 * parts of it from being objects. Kustomize's own configuration is left out: it is build
 * configuration, not something sent to the API server.
 */
export function documentObjects(value: KubeObject): { objects: DocumentObject[]; problems: DocumentProblem[] } {
  const objects: DocumentObject[] = [];
  const problems: DocumentProblem[] = [];
  const add = (object: KubeObject, basePath: Array<string | number>, itemIndex?: number): void => {
    const missing = ['apiVersion', 'kind'].filter((k) => typeof object[k] !== 'string' || object[k] === '');
    if (missing.length) {
      const what = itemIndex === undefined ? 'object' : `items[${itemIndex}]`;
      problems.push({
        ruleId: 'object-missing-type',
        message: `${what} has no ${missing.join(' and no ')}; every Kubernetes object needs both`,
        pointer: basePath.length ? `/${basePath.join('/')}` : '',
      });
      return;
    }
    if (isKustomizeConfiguration(String(object.apiVersion))) return;
    objects.push(itemIndex === undefined ? { object, basePath } : { object, basePath, itemIndex });
  };
  if (!isList(value)) {
    add(value, []);
    return { objects, problems };
  }
  // Items of a typed list (e.g. DeploymentList from the API) may omit apiVersion and kind.
  const itemKind = value.kind === 'List' ? undefined : String(value.kind).slice(0, -'List'.length);
  (value.items as unknown[]).forEach((item, i) => {
    if (!isKubeObject(item)) {
      problems.push({
        ruleId: 'document-not-object',
        message: `items[${i}] is ${describeValue(item)}, not a Kubernetes object`,
        pointer: `/items/${i}`,
      });
      return;
    }
    const typed =
      itemKind && item.kind === undefined && item.apiVersion === undefined
        ? { apiVersion: value.apiVersion, kind: itemKind, ...item }
        : item;
    add(typed, ['items', i], i);
  });
  return { objects, problems };
}
