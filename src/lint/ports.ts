import { asInteger, asObject, asString, indexedObjectsIn, isObject } from '../model/json.js';
import { fieldOf, isList, isNumber, isString, WRONG_TYPE } from './field-of.js';
import type { ContainerEntry } from '../model/containers.js';
import {
  namedContainerPort,
  type PortReference,
  portReference,
  protocolOf,
  servicePortTarget,
} from '../model/target-port.js';

export interface DeclaredPort {
  name?: string;
  containerPort?: number;
  /** undefined when the field is of the wrong type: the protocol is then unknown. */
  protocol?: string;
  pointer: string;
}

/** The fields of a port that rules read, with their types. */
const PORT_FIELDS: readonly (readonly [string, (value: unknown) => value is unknown])[] = [
  ['name', isString],
  ['containerPort', isNumber],
  ['protocol', isString],
];

/**
 * Whether a container's ports can be read: `ports` absent, or a list of objects whose `name`,
 * `containerPort` and `protocol` have their types. When not, which ports the container declares
 * is unknown, and rules that would report a port as undeclared say nothing (the schema reports
 * the wrong type).
 */
export function portsAreReadable(c: ContainerEntry): boolean {
  const ports = fieldOf(c.container, ['ports'], isList);
  if (ports === WRONG_TYPE) return false;
  return (ports ?? []).every(
    (p) => isObject(p) && PORT_FIELDS.every(([field, is]) => fieldOf(p, [field], is) !== WRONG_TYPE),
  );
}

/** The ports a container declares (`ports[]`), an unset protocol defaulted to TCP as the API server does. */
export function declaredPorts(c: ContainerEntry): DeclaredPort[] {
  return indexedObjectsIn(c.container.ports).map(({ item, index }) => {
    const protocol = asString(protocolOf(item));
    const port: DeclaredPort = { pointer: `${c.pointer}/ports/${index}` };
    if (protocol !== undefined) port.protocol = protocol;
    const name = asString(item.name);
    const number = asInteger(item.containerPort);
    if (name !== undefined) port.name = name;
    if (number !== undefined) port.containerPort = number;
    return port;
  });
}

export function describePort(ref: PortReference): string {
  return 'name' in ref ? `"${ref.name}"` : String(ref.number);
}

/** True when one of `containers` declares the port (by name, or by number). */
export function declaresPort(containers: readonly ContainerEntry[], ref: PortReference): boolean {
  return containers.some((c) =>
    declaredPorts(c).some((p) => ('name' in ref ? p.name === ref.name : p.containerPort === ref.number)),
  );
}

/**
 * True when a Service port's traffic lands on this container: a named target needs a port of that
 * name AND the Service port's protocol (the endpoint slice controller's lookup, model/target-port.ts);
 * a numbered one a port of that number.
 */
export function declaresTargetPort(c: ContainerEntry, servicePort: Readonly<Record<string, unknown>>): boolean {
  const ref = servicePortTarget(servicePort);
  if (!ref) return false;
  if ('name' in ref) return namedContainerPort(c.container, ref.name, protocolOf(servicePort)) !== undefined;
  return declaredPorts(c).some((p) => p.containerPort === ref.number);
}

const PROBES = ['startupProbe', 'readinessProbe', 'livenessProbe'] as const;
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

/** A port a probe of the container checks: by name or number, with where it is written. */
export interface ProbePort {
  probe: (typeof PROBES)[number];
  ref: PortReference;
  pointer: string;
}

/** The ports the container's startup, readiness and liveness probes check (HTTP, TCP and gRPC handlers). */
export function probePorts(c: ContainerEntry): ProbePort[] {
  const out: ProbePort[] = [];
  for (const probe of PROBES)
    for (const handler of HANDLERS) {
      const ref = portReference(asObject(asObject(c.container[probe])?.[handler])?.port);
      if (ref) out.push({ probe, ref, pointer: `${c.pointer}/${probe}/${handler}/port` });
    }
  return out;
}
