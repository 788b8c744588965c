import type { Manifest } from '../model/manifest.js';
import { describeRef, type ObjectRef } from '../model/object-ref.js';
import { labelsOf, type Selector, selectorMatches } from '../model/selectors/label-selector.js';
import type { JsonObject } from '../model/json.js';
import { groupKindOf } from '../model/group-kind.js';
import { DEFAULT_NAMESPACE } from '../model/namespace-scope.js';
import { podTemplateOf } from '../model/pod-template.js';
import { isWorkload } from '../model/workload-kinds.js';

/**
 * The input objects the API server refused (object-rejected), so that the findings their
 * absence causes can say so: an autoscaler whose Deployment was refused, a Service whose pods
 * would have come from it.
 */
export class RefusedObjects {
  private readonly refs: ObjectRef[];

  constructor(private readonly manifests: readonly Manifest[]) {
    // Namespaced objects without a namespace would have gone to the default namespace.
    this.refs = manifests.map((m) => ({ ...m.ref, namespace: m.ref.namespace ?? DEFAULT_NAMESPACE }));
  }

  has(kind: string, namespace: string, name: string): boolean {
    return this.refs.some((r) => r.kind === kind && r.namespace === namespace && r.name === name);
  }

  /** The refused workloads of the namespace whose pod template a compiled selector picks. */
  workloadsSelectedBy(namespace: string, selector: Selector): string[] {
    return this.refs
      .filter(
        (ref, i) => ref.namespace === namespace && selectorMatches(selector, labelsOf(runsPodsOf(this.manifests[i]!))),
      )
      .map(describeRef);
  }
}

/**
 * The pod (template) whose labels a Service would select: the Pod itself, or the template of a
 * workload. A PodTemplate runs no pods, and a custom resource's `spec.template` is no pod template.
 */
function runsPodsOf(manifest: Manifest): JsonObject | undefined {
  const kind = groupKindOf(manifest);
  return kind === 'Pod' || isWorkload(kind) ? podTemplateOf(manifest.object)?.template : undefined;
}
