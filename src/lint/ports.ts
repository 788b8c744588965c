import { asInteger, asString, indexedObjectsIn } from '../model/json.js';
import type { ContainerEntry } from '../model/containers.js';

export interface DeclaredPort {
  name?: string;
  containerPort?: number;
  protocol: string;
  pointer: string;
}

/** The ports a container declares (`ports[]`), protocol defaulted to TCP as the API server does. */
export function declaredPorts(c: ContainerEntry): DeclaredPort[] {
  return indexedObjectsIn(c.container.ports).map(({ item, index }) => {
    const port: DeclaredPort = { protocol: asString(item.protocol) ?? 'TCP', pointer: `${c.pointer}/ports/${index}` };
    const name = asString(item.name);
    const number = asInteger(item.containerPort);
    if (name !== undefined) port.name = name;
    if (number !== undefined) port.containerPort = number;
    return port;
  });
}

/** A port reference (`targetPort`, a probe's `port`): a number, or the name of a container port. */
export type PortReference = { number: number } | { name: string };

/** Reads an int-or-string port; a digit string is a number, as the API server reads it. */
export function portReference(value: unknown): PortReference | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return { number: value };
  if (typeof value === 'string' && value !== '')
    return /^\d+$/.test(value) ? { number: Number(value) } : { name: value };
  return undefined;
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
