import type { KubeObject } from '../../model/manifest.js';
import { nameSuffix } from '../objects/names.js';
import type { PodIndex } from '../objects/pod-index.js';
import { isPodReady, nodeNameOf } from '../objects/pod-status.js';
import { controllerRef, type Entry } from '../state.js';
import { canonicalJson, objectAt, objectsAt } from '../../model/json.js';
import { serviceSelector } from '../../model/selectors/consumers.js';
import { resolveTargetPort } from '../../model/target-port.js';
import { isTerminating } from '../../model/pod-phase.js';
import { nameOf, namespaceOf } from '../../model/object-ref.js';

/** The endpoint slice controller's default `--max-endpoints-per-slice`. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

interface SlicePort {
  name: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

/**
 * Whether the endpoint slice controller manages the Service's endpoints: it has a selector and
 * is not an ExternalName (consumers.ts: an empty selector counts as none, an invalid one, which
 * the API server refuses, selects nothing and gets no slices).
 */
export function hasSelector(service: KubeObject): boolean {
  return serviceSelector(service).state === 'set';
}

/** The pods a Service's selector picks: same namespace, labels match, not finished. */
export function selectedPods(service: KubeObject, pods: PodIndex): Entry[] {
  const selector = serviceSelector(service);
  return selector.state === 'set' ? pods.select(namespaceOf(service), selector.selector) : [];
}

/**
 * The EndpointSlices of a Service with a selector (`pkg/controller/endpointslice`): pods with an
 * IP, grouped by the ports they resolve to, at most 100 endpoints a slice; a Service with no
 * such pod still gets one empty slice. Conditions: serving = Ready, terminating = being deleted,
 * ready = publishNotReadyAddresses or (serving and not terminating). Slice names are
 * `<service>-<5 characters>` from FNV-1a of the service name, port set and slice number.
 */
export function endpointSlicesFor(
  service: KubeObject,
  pods: PodIndex,
  zoneOf: (node: string) => string | undefined,
): KubeObject[] {
  const spec = objectAt(service, 'spec') ?? {};
  if (!hasSelector(service)) return [];
  const serviceName = nameOf(service);
  const publishNotReady = spec.publishNotReadyAddresses === true;
  const groups = new Map<string, { ports: SlicePort[]; endpoints: Record<string, unknown>[] }>();
  for (const { object: pod } of selectedPods(service, pods)) {
    const ip = objectAt(pod, 'status')?.podIP;
    if (typeof ip !== 'string' || ip === '') continue;
    const ports: SlicePort[] = [];
    for (const servicePort of objectsAt(spec, 'ports')) {
      const port = resolveTargetPort(servicePort, objectAt(pod, 'spec'));
      if (port === undefined) continue;
      ports.push({
        name: typeof servicePort.name === 'string' ? servicePort.name : '',
        port,
        protocol: String(servicePort.protocol ?? 'TCP'),
        ...(typeof servicePort.appProtocol === 'string' ? { appProtocol: servicePort.appProtocol } : {}),
      });
    }
    const key = canonicalJson(ports);
    if (!groups.has(key)) groups.set(key, { ports, endpoints: [] });
    const serving = isPodReady(pod);
    const terminating = isTerminating(pod);
    const node = nodeNameOf(pod);
    const podSpec = objectAt(pod, 'spec') ?? {};
    const zone = node ? zoneOf(node) : undefined;
    groups.get(key)!.endpoints.push({
      addresses: [ip],
      conditions: { ready: publishNotReady || (serving && !terminating), serving, terminating },
      // A pod's hostname is published when its subdomain is this Service (StatefulSet pods).
      ...(typeof podSpec.hostname === 'string' && podSpec.subdomain === serviceName
        ? { hostname: podSpec.hostname }
        : {}),
      ...(node ? { nodeName: node } : {}),
      targetRef: { kind: 'Pod', name: nameOf(pod), namespace: namespaceOf(pod), uid: objectAt(pod, 'metadata')?.uid },
      ...(zone ? { zone } : {}),
    });
  }
  if (groups.size === 0) groups.set('[]', { ports: [], endpoints: [] });
  const slices: KubeObject[] = [];
  for (const [key, group] of groups) {
    for (let i = 0; i === 0 || i < group.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
      slices.push({
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          name: `${serviceName}-${nameSuffix(`${serviceName}|${key}|${i / MAX_ENDPOINTS_PER_SLICE}`)}`,
          namespace: namespaceOf(service),
          generateName: `${serviceName}-`,
          labels: {
            'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
            'kubernetes.io/service-name': serviceName,
          },
          ownerReferences: [controllerRef(service)],
        },
        addressType: 'IPv4',
        endpoints: group.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE),
        ports: group.ports.length ? group.ports : null,
      });
    }
  }
  return slices;
}

/**
 * Ready endpoints that serve the Service: where it declares ports, only those of slices with at
 * least one port (a pod on which no targetPort resolves is listed without ports, and no traffic
 * reaches it); a Service without ports (headless) publishes every ready pod.
 */
export function servingEndpointCount(service: KubeObject, slices: readonly KubeObject[]): number {
  if (objectsAt(objectAt(service, 'spec'), 'ports').length === 0) return readyEndpointCount(slices);
  return readyEndpointCount(slices.filter((slice) => Array.isArray(slice.ports) && slice.ports.length > 0));
}

/** Ready endpoints of a Service's slices, optionally only those serving a given slice port name. */
export function readyEndpointCount(slices: readonly KubeObject[], portName?: string): number {
  let count = 0;
  for (const slice of slices) {
    const ports = Array.isArray(slice.ports) ? (slice.ports as Array<Record<string, unknown>>) : [];
    if (portName !== undefined && !ports.some((p) => p.name === portName)) continue;
    for (const endpoint of objectsAt(slice, 'endpoints')) if (objectAt(endpoint, 'conditions')?.ready === true) count++;
  }
  return count;
}
