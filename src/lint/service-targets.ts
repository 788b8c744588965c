import type { Manifest } from '../model/manifest.js';
import { namespaceOf } from './kinds.js';
import { isEmptySelector, selectorFromMap, type LabelSelector } from './label-selector.js';
import type { ObjectIndex, PodOwner } from './object-index.js';
import { asObject, dig } from '../model/json.js';

/**
 * The selector of a core Service that routes to pods, or undefined: an ExternalName Service,
 * or one without a selector (its endpoints are managed by hand), routes to no pod template.
 */
export function serviceSelector(service: Manifest): LabelSelector | undefined {
  const spec = asObject(service.object.spec);
  if (!spec || spec.type === 'ExternalName') return undefined;
  const selector = selectorFromMap(spec.selector);
  return isEmptySelector(selector) ? undefined : selector;
}

/** The pod templates a Service sends traffic to. */
export function podsOfService(index: ObjectIndex, service: Manifest): PodOwner[] {
  const selector = serviceSelector(service);
  return selector ? index.podsMatching(namespaceOf(service), selector) : [];
}

/** The Services that send traffic to an object's pods (computed for all objects once per run). */
export function servicesTargeting(index: ObjectIndex, owner: Manifest): readonly Manifest[] {
  const byOwner = index.memo('service-targets', () => {
    const map = new Map<Manifest, Manifest[]>();
    for (const service of index.ofKind('Service')) {
      for (const pod of podsOfService(index, service))
        map.set(pod.manifest, [...(map.get(pod.manifest) ?? []), service]);
    }
    return map;
  });
  return byOwner.get(owner) ?? [];
}

/** `spec.ports[]` of a Service, for lookups by number or name. */
export function servicePorts(
  service: Manifest,
): Array<{ port: unknown; name: unknown; targetPort: unknown; index: number }> {
  const ports = dig(service.object, 'spec', 'ports');
  return (Array.isArray(ports) ? ports : []).flatMap((p: unknown, index) => {
    const o = asObject(p);
    return o ? [{ port: o.port, name: o.name, targetPort: o.targetPort, index }] : [];
  });
}
