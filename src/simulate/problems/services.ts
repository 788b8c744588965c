import type { KubeObject } from '../../model/manifest.js';
import { describeRef, namespaceOf, refOf } from '../../model/object-ref.js';
import { readyEndpointCount, selectedPods } from '../endpoints/endpoint-slices.js';
import { serviceSelector } from '../../model/selectors/consumers.js';
import { formatSelector } from '../../model/selectors/label-selector.js';
import { resolveTargetPort } from '../../model/target-port.js';
import type { PodIndex } from '../objects/pod-index.js';
import type { IngressRoute } from '../endpoints/ingress-routes.js';
import { nodeNameOf } from '../objects/pod-status.js';
import type { Entry, SimulationState } from '../state.js';
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
  const read = serviceSelector(service.object);
  if (read.state !== 'set') return;
  // Ready pods on which no port resolves are endpoints without ports: said port by port.
  if (readyEndpointCount(slices) > 0) {
    reportUnservedPorts(state, service, slices);
    return;
  }
  const selected = selectedPods(service.object, pods);
  const selector = formatSelector(read.selector);
  let why: string;
  if (selected.length === 0) {
    const missing = refused.workloadsSelectedBy(namespaceOf(service.object), read.selector);
    why = `no pod matches its selector ${selector}${missing.length ? ` (${missing.join(', ')} would run them, but the API server refuses ${missing.length === 1 ? 'it' : 'them'})` : ''}`;
  } else if (selected.every((p) => nodeNameOf(p.object) === undefined))
    why = `none of the ${selected.length} pod${selected.length === 1 ? '' : 's'} it selects can be scheduled`;
  else if (
    selected.every((p) =>
      objectsAt(spec, 'ports').every((port) => resolveTargetPort(port, objectAt(p.object, 'spec')) === undefined),
    )
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

/**
 * Ports of a Service with ready endpoints that none of them serves: their targetPort resolves on
 * no ready pod (a name no container declares, or declares only with another protocol), so the
 * endpoint slice controller leaves the port out and its traffic goes nowhere.
 */
function reportUnservedPorts(state: SimulationState, service: Entry, slices: readonly KubeObject[]): void {
  objectsAt(objectAt(service.object, 'spec'), 'ports').forEach((port, index) => {
    const name = typeof port.name === 'string' ? port.name : '';
    if (readyEndpointCount(slices, name) > 0) return;
    const which = `${name ? `${name} ` : ''}(${String(port.port)}/${String(port.protocol ?? 'TCP')})`;
    state.report({
      ruleId: 'service-no-endpoints',
      severity: 'warning',
      message: `${describeRef(refOf(service.object))} has no endpoints for port ${which}: no selected pod has a container port matching its targetPort`,
      origin: service.origin,
      pointer: `/spec/ports/${index}`,
    });
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
