import type { KubeObject } from '../../model/manifest.js';
import { describeRef } from '../../model/object-ref.js';
import { hasSelector, readyEndpointCount, resolveTargetPort, selectedPods } from '../endpoints/endpoint-slices.js';
import type { PodIndex } from '../objects/pod-index.js';
import type { IngressRoute } from '../endpoints/ingress-routes.js';
import { nodeNameOf } from '../objects/pod-status.js';
import { namespaceOf, refOf, type Entry, type SimulationState } from '../state.js';
import type { RefusedObjects } from '../refused-objects.js';
import { objectAt, objectsAt } from '../../model/json.js';

/** A Service with a selector and no ready endpoint, with the reason why. */
export function reportServiceWithoutEndpoints(
  state: SimulationState,
  service: Entry,
  slices: readonly KubeObject[],
  pods: PodIndex,
  refused: RefusedObjects,
): void {
  const spec = objectAt(service.object, 'spec') ?? {};
  if (!hasSelector(service.object) || readyEndpointCount(slices) > 0) return;
  const selected = selectedPods(service.object, pods);
  const selector = Object.entries(spec.selector as Record<string, unknown>)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(',');
  let why: string;
  if (selected.length === 0) {
    const missing = refused.workloadsSelectedBy(namespaceOf(service.object), spec.selector);
    why = `no pod matches its selector ${selector}${missing.length ? ` (${missing.join(', ')} would run them, but the API server refuses ${missing.length === 1 ? 'it' : 'them'})` : ''}`;
  } else if (selected.every((p) => nodeNameOf(p.object) === undefined))
    why = `none of the ${selected.length} pod${selected.length === 1 ? '' : 's'} it selects can be scheduled`;
  else if (
    selected.every((p) => objectsAt(spec, 'ports').every((port) => resolveTargetPort(port, p.object) === undefined))
  )
    why = 'no selected pod has a container port matching its targetPort';
  else why = 'none of the pods it selects is ready';
  state.report({
    ruleId: 'service-no-endpoints',
    severity: 'warning',
    message: `${describeRef(refOf(service.object))} has no endpoints: ${why}`,
    origin: service.origin,
    pointer: selected.length === 0 ? '/spec/selector' : '/spec/ports',
  });
}

/** An Ingress route that leads nowhere. */
export function reportIngressRoute(state: SimulationState, ingress: Entry, route: IngressRoute): void {
  if (!route.problem) return;
  const where = `${route.host}${route.path || ' (default backend)'}`;
  const text = {
    'service-missing': `Service ${route.service} does not exist`,
    'port-missing': `Service ${route.service} has no port ${route.backend.slice(route.backend.indexOf(':') + 1)}`,
    'no-endpoints': `Service ${route.service} has no ready endpoints`,
  }[route.problem];
  state.report({
    ruleId: 'ingress-backend-no-endpoints',
    severity: route.problem === 'no-endpoints' ? 'warning' : 'error',
    message: `${describeRef(refOf(ingress.object))} route ${where} → ${route.backend}: ${text}`,
    origin: ingress.origin,
    pointer: route.pointer,
  });
}
