import { isIP } from 'node:net';
import type { JsonObject } from '../../model/json.js';
import { FieldPath } from '../../model/selectors/validation.js';
import { eachObject, forbidden, invalid, portNumber, type Problems, required } from './problems.js';

const EXTERNAL = new Set(['NodePort', 'LoadBalancer']);

/** An IPv4 or IPv6 address; leading zeros in an IPv4 one are tolerated, as in older objects. */
function isAddress(value: string): boolean {
  return isIP(value) !== 0 || isIP(value.replace(/(^|\.)0+(\d)/g, '$1$2')) === 4;
}

/** A Service's ports, and the fields that only Services reachable from outside may set. */
export function serviceProblems(spec: JsonObject, at: FieldPath, out: Problems): void {
  const ports = Array.isArray(spec.ports) ? spec.ports : [];
  eachObject(ports, at.child('ports'), (port, portAt) => {
    // With more than one port, each needs a name: endpoints and Ingresses tell them apart by it.
    if (ports.length > 1 && (port.name === undefined || port.name === '')) out.push(required(portAt.child('name')));
    if (port.port !== undefined) portNumber(port.port, portAt.child('port'), out);
    // targetPort 0 reads as unset: it takes the port's number. A port name is invalid-name's check.
    if (port.targetPort !== 0) portNumber(port.targetPort, portAt.child('targetPort'), out);
  });
  // Addresses: a cluster IP (or None), and external IPs.
  const address = (value: unknown, valueAt: FieldPath) => {
    if (typeof value === 'string' && value !== '' && !isAddress(value))
      out.push(invalid(valueAt, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  };
  // The API server checks the cluster IP as the first of clusterIPs; kubeplan points at the field written.
  if (spec.clusterIP !== 'None')
    address(spec.clusterIP, new FieldPath(at.child('clusterIP').pointer, at.child('clusterIPs').index(0).text));
  if (Array.isArray(spec.externalIPs))
    spec.externalIPs.forEach((ip, i) => {
      address(ip, at.child('externalIPs').index(i));
    });
  const type = typeof spec.type === 'string' && spec.type !== '' ? spec.type : 'ClusterIP';
  if (spec.externalTrafficPolicy !== undefined && spec.externalTrafficPolicy !== '' && !EXTERNAL.has(type))
    out.push(
      invalid(
        at.child('externalTrafficPolicy'),
        spec.externalTrafficPolicy,
        'may only be set for externally-accessible services',
      ),
    );
  // The API server names this field with a capital L.
  if (Array.isArray(spec.loadBalancerSourceRanges) && spec.loadBalancerSourceRanges.length && type !== 'LoadBalancer')
    out.push(
      forbidden(
        new FieldPath(at.child('loadBalancerSourceRanges').pointer, `${at.text}.LoadBalancerSourceRanges`),
        "may only be used when `type` is 'LoadBalancer'",
      ),
    );
}
