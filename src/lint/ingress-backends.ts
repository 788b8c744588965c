import type { Manifest } from '../model/manifest.js';
import { asObject, asString, dig, indexedObjectsIn } from '../model/json.js';

export interface IngressBackend {
  /** Pointer to the backend's `service` object. */
  pointer: string;
  service: string;
  port: { number: number } | { name: string } | undefined;
}

/** The Service backends of a networking.k8s.io/v1 Ingress: the default backend and each path's. */
export function ingressBackends(ingress: Manifest): IngressBackend[] {
  const out: IngressBackend[] = [];
  const add = (backend: unknown, pointer: string): void => {
    const service = asObject(asObject(backend)?.service);
    const name = asString(service?.name);
    if (!service || !name) return;
    const port = asObject(service.port);
    const number = port?.number;
    const portName = asString(port?.name);
    out.push({
      pointer: `${pointer}/service`,
      service: name,
      port: typeof number === 'number' ? { number } : portName ? { name: portName } : undefined,
    });
  };
  add(dig(ingress.object, 'spec', 'defaultBackend'), '/spec/defaultBackend');
  for (const { item: rule, index: r } of indexedObjectsIn(dig(ingress.object, 'spec', 'rules'))) {
    for (const { item: path, index: p } of indexedObjectsIn(dig(rule, 'http', 'paths')))
      add(path.backend, `/spec/rules/${r}/http/paths/${p}/backend`);
  }
  return out;
}
