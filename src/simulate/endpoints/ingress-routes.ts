import type { KubeObject } from '../../model/manifest.js';
import { readyEndpointCount } from './endpoint-slices.js';
import { isObject, objectAt, objectsAt } from '../../model/json.js';
import { namespaceOf } from '../../model/object-ref.js';

/** One route of an Ingress resolved through its Service to endpoints. */
export interface IngressRoute {
  /** `shop.example.com`, or `*` for a rule without host. */
  host: string;
  /** The path, or `` for the default backend. */
  path: string;
  pathType?: string;
  /** The backend as written: `frontend:http`, `api:8080`, or `Kind/name` for a resource backend. */
  backend: string;
  service?: string;
  /** The Service port the backend resolves to, when it does. */
  servicePort?: number;
  endpoints: number;
  /** Why the route leads nowhere: missing Service or port, or no endpoints. */
  problem?: 'service-missing' | 'port-missing' | 'no-endpoints';
  /** Pointer to the backend in the Ingress manifest. */
  pointer: string;
}

/**
 * Every route of an Ingress (networking.k8s.io/v1): each rule's paths, then the default
 * backend. A service backend resolves to the Service of that name in the Ingress's namespace,
 * its port by number (`port`) or by name; the route's endpoints are the ready endpoints of the
 * Service's slices that carry that port. Resource backends are listed but not followed.
 */
export function ingressRoutes(
  ingress: KubeObject,
  findService: (namespace: string, name: string) => KubeObject | undefined,
  slicesOf: (service: KubeObject) => KubeObject[],
): IngressRoute[] {
  const spec = objectAt(ingress, 'spec') ?? {};
  const routes: IngressRoute[] = [];
  const add = (host: string, path: string, pathType: unknown, backend: unknown, pointer: string): void => {
    routes.push(resolveBackend(host, path, pathType, backend, pointer, namespaceOf(ingress), findService, slicesOf));
  };
  objectsAt(spec, 'rules').forEach((rule, r) => {
    const host = typeof rule.host === 'string' && rule.host !== '' ? rule.host : '*';
    objectsAt(objectAt(rule, 'http'), 'paths').forEach((path, p) => {
      add(
        host,
        typeof path.path === 'string' ? path.path : '/',
        path.pathType,
        path.backend,
        `/spec/rules/${r}/http/paths/${p}/backend`,
      );
    });
  });
  if (isObject(spec.defaultBackend)) add('*', '', undefined, spec.defaultBackend, '/spec/defaultBackend');
  return routes;
}

function resolveBackend(
  host: string,
  path: string,
  pathType: unknown,
  backend: unknown,
  pointer: string,
  namespace: string,
  findService: (namespace: string, name: string) => KubeObject | undefined,
  slicesOf: (service: KubeObject) => KubeObject[],
): IngressRoute {
  const base = { host, path, ...(typeof pathType === 'string' ? { pathType } : {}), pointer };
  const resource = isObject(backend) ? objectAt(backend, 'resource') : undefined;
  if (resource) return { ...base, backend: `${String(resource.kind)}/${String(resource.name)}`, endpoints: 0 };
  const service = isObject(backend) ? objectAt(backend, 'service') : undefined;
  const name = service && typeof service.name === 'string' ? service.name : '';
  const port = objectAt(service ?? {}, 'port') ?? {};
  const portText = typeof port.name === 'string' ? port.name : String(port.number ?? '');
  const route: IngressRoute = { ...base, backend: `${name}:${portText}`, service: name, endpoints: 0 };
  const target = findService(namespace, name);
  if (!target) return { ...route, problem: 'service-missing' };
  const servicePort = objectsAt(objectAt(target, 'spec'), 'ports').find((p) =>
    typeof port.name === 'string' ? p.name === port.name : p.port === port.number,
  );
  if (!servicePort || typeof servicePort.port !== 'number') return { ...route, problem: 'port-missing' };
  const portName = typeof servicePort.name === 'string' ? servicePort.name : '';
  const endpoints = readyEndpointCount(slicesOf(target), portName);
  return {
    ...route,
    servicePort: servicePort.port,
    endpoints,
    ...(endpoints === 0 ? { problem: 'no-endpoints' as const } : {}),
  };
}
