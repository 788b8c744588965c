import type { Manifest } from '../model/manifest.js';
import { describeRef, type ObjectRef } from '../model/object-ref.js';
import { labelsOf, matchesMapSelector } from './objects/selectors.js';
import { isObject, objectAt } from '../model/json.js';

/**
 * The input objects the API server refused (object-rejected), so that the findings their
 * absence causes can say so: an autoscaler whose Deployment was refused, a Service whose pods
 * would have come from it.
 */
export class RefusedObjects {
  private readonly refs: ObjectRef[];

  constructor(private readonly manifests: readonly Manifest[]) {
    // Namespaced objects without a namespace would have gone to `default`.
    this.refs = manifests.map((m) => ({ ...m.ref, namespace: m.ref.namespace ?? 'default' }));
  }

  has(kind: string, namespace: string, name: string): boolean {
    return this.refs.some((r) => r.kind === kind && r.namespace === namespace && r.name === name);
  }

  /** The refused workloads of the namespace whose pod template a Service-style selector picks. */
  workloadsSelectedBy(namespace: string, selector: unknown): string[] {
    return this.refs
      .filter(
        (ref, i) =>
          ref.namespace === namespace && matchesMapSelector(selector, labelsOf(podTemplateOf(this.manifests[i]!))),
      )
      .map(describeRef);
  }
}

/** The pod (template) whose labels a Service would select: the Pod itself, or a workload's template. */
function podTemplateOf(manifest: Manifest): unknown {
  if (manifest.ref.kind === 'Pod') return manifest.object;
  const spec = objectAt(manifest.object, 'spec');
  if (!spec) return undefined;
  if (manifest.ref.kind === 'CronJob')
    return objectAt(objectAt(objectAt(spec, 'jobTemplate') ?? {}, 'spec') ?? {}, 'template');
  return isObject(spec.template) ? spec.template : undefined;
}
