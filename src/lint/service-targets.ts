import type { Manifest } from '../model/manifest.js';
import { serviceSelector } from '../model/selectors/consumers.js';
import type { ObjectIndex, PodOwner } from './object-index.js';
import { dig, indexedObjectsIn } from '../model/json.js';
import { namespaceOf } from '../model/object-ref.js';
import { type ContainerEntry, longRunningContainers } from '../model/containers.js';
import { cached } from '../model/maps.js';
import { isUnsetTargetPort } from '../model/target-port.js';

/** The pod templates a Service sends traffic to (none without a selector or with an invalid one, see consumers.ts). */
export function podsOfService(index: ObjectIndex, service: Manifest): PodOwner[] {
  // A Service without a selector or with an invalid one reads as the selector that matches nothing.
  return index.podsMatching(namespaceOf(service.object), serviceSelector(service.object).selector);
}

/**
 * The containers a Service's traffic can reach: app containers and sidecars of the pods it
 * selects (where the endpoint slice controller looks up ports). Computed once per Service and run,
 * as several rules ask.
 */
export function serviceContainers(index: ObjectIndex, service: Manifest): readonly ContainerEntry[] {
  // Stryker disable next-line StringLiteral: the key only has to differ from other memos' keys; any other string does
  const byService = index.memo('service-containers', () => new Map<Manifest, readonly ContainerEntry[]>());
  return cached(byService, service, () =>
    podsOfService(index, service).flatMap((p) => longRunningContainers(p.template)),
  );
}

/** The Services that send traffic to an object's pods (computed for all objects once per run). */
export function servicesTargeting(index: ObjectIndex, owner: Manifest): readonly Manifest[] {
  // Stryker disable next-line StringLiteral: the key only has to differ from other memos' keys; any other string does
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

/** `spec.ports[]` of a Service, for lookups by number or name; the fields as written. */
export function servicePorts(
  service: Manifest,
): Array<{ port: unknown; name: unknown; targetPort: unknown; protocol: unknown; index: number }> {
  return indexedObjectsIn(dig(service.object, 'spec', 'ports')).map(({ item: o, index }) => ({
    port: o.port,
    name: o.name,
    targetPort: o.targetPort,
    protocol: o.protocol,
    index,
  }));
}

/** Where a Service port's target is written: `targetPort`, or `port` when `targetPort` is unset. */
export function targetPortPointer(p: { targetPort: unknown; index: number }): string {
  return `/spec/ports/${p.index}/${isUnsetTargetPort(p.targetPort) ? 'port' : 'targetPort'}`;
}
