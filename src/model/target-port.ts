import { asArray, dig, objectsAt } from './json.js';

/**
 * Which container port a Service port sends traffic to on a pod (`pkg/api/v1/pod` FindPort, as
 * the endpoint slice controller calls it). Lint's target-port checks and the plan's endpoint
 * slices both ask here, so they agree on every pod.
 */

/** A port reference (`targetPort`, a probe's `port`): a number, or the name of a container port. */
export type PortReference = { number: number } | { name: string };

/** Reads an int-or-string port; a string of digits reads as that number, as kubeplan reads it everywhere. */
export function portReference(value: unknown): PortReference | undefined {
  // Number.isInteger is false for anything but a number.
  if (Number.isInteger(value)) return { number: value as number };
  if (typeof value === 'string' && value !== '')
    return /^\d+$/.test(value) ? { number: Number(value) } : { name: value };
  return undefined;
}

/**
 * Whether a Service port's `targetPort` is unset: absent, null, `0` or `""`, which the API server
 * replaces with `port` (SetDefaults_Service).
 */
export function isUnsetTargetPort(targetPort: unknown): boolean {
  return targetPort === undefined || targetPort === null || targetPort === 0 || targetPort === '';
}

/** A Service port's target: `targetPort`, or `port` when `targetPort` is unset. */
export function servicePortTarget(servicePort: Readonly<Record<string, unknown>>): PortReference | undefined {
  const target = servicePort.targetPort;
  return portReference(isUnsetTargetPort(target) ? servicePort.port : target);
}

/** The protocol of a Service or container port: TCP when absent, null or empty, as the API server defaults it. */
export function protocolOf(port: Readonly<Record<string, unknown>>): unknown {
  return port.protocol === undefined || port.protocol === null || port.protocol === '' ? 'TCP' : port.protocol;
}

/** The number of the container's port with this name and protocol, or undefined. */
export function namedContainerPort(container: unknown, name: string, protocol: unknown): number | undefined {
  for (const p of objectsAt(container, 'ports')) {
    if (p.name === name && protocolOf(p) === protocol && typeof p.containerPort === 'number') return p.containerPort;
  }
  return undefined;
}

/** App containers, then sidecars (init containers with `restartPolicy: Always`): the order FindPort searches. */
export function portSearchOrder(podSpec: unknown): unknown[] {
  const sidecars = objectsAt(podSpec, 'initContainers').filter((c) => c.restartPolicy === 'Always');
  return [...asArray(dig(podSpec, 'containers')), ...sidecars];
}

/**
 * The port a Service port reaches on a pod: a number as is; a name resolves to the first
 * container port with that name AND the Service port's protocol (a UDP Service port never
 * reaches a TCP container port of the same name), in app containers, then sidecars. Undefined
 * when nothing matches: the pod is left out of the endpoints for that port.
 */
export function resolveTargetPort(
  servicePort: Readonly<Record<string, unknown>>,
  podSpec: unknown,
): number | undefined {
  const target = servicePortTarget(servicePort);
  if (!target) return undefined;
  if ('number' in target) return target.number;
  const protocol = protocolOf(servicePort);
  for (const container of portSearchOrder(podSpec)) {
    const port = namedContainerPort(container, target.name, protocol);
    if (port !== undefined) return port;
  }
  return undefined;
}
