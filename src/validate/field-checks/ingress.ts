import { isIP } from 'node:net';
import { isObject, type JsonObject } from '../../model/json.js';
import { dns1123Subdomain, wildcardDns1123Subdomain } from '../../model/name-validation.js';
import type { FieldPath } from '../../model/selectors/validation.js';
import { eachObject, invalid, portNumber, type Problems, required } from './problems.js';

/** What an Exact or Prefix path may not hold: empty, relative or encoded segments. */
const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];

/** Rule hosts (DNS names, a wildcard allowed in front), TLS hosts and secrets, and each backend's port. */
export function ingressProblems(spec: JsonObject, at: FieldPath, out: Problems): void {
  eachObject(spec.rules, at.child('rules'), (rule, ruleAt) => {
    const host = rule.host;
    if (typeof host === 'string' && host !== '') {
      const hostAt = ruleAt.child('host');
      if (isIP(host)) out.push(invalid(hostAt, host, 'must be a DNS name, not an IP address'));
      const errors = host.includes('*') ? wildcardDns1123Subdomain(host) : dns1123Subdomain(host);
      for (const e of errors) out.push(invalid(hostAt, host, e));
    }
    const http = isObject(rule.http) ? rule.http : {};
    const pathsAt = ruleAt.child('http').child('paths');
    eachObject(http.paths, pathsAt, (path, pathAt) => {
      // A path the API server matches as a path is absolute (an implementation-specific one may be empty).
      const value = path.path;
      const matched = path.pathType === 'Exact' || path.pathType === 'Prefix';
      const specific = path.pathType === 'ImplementationSpecific' && typeof value === 'string' && value !== '';
      if ((matched || specific) && (typeof value !== 'string' || !value.startsWith('/')))
        out.push(invalid(pathAt.child('path'), value ?? '', 'must be an absolute path'));
      if (matched && typeof value === 'string') {
        for (const sequence of INVALID_SEQUENCES)
          if (value.includes(sequence))
            out.push(invalid(pathAt.child('path'), value, `must not contain '${sequence}'`));
        for (const suffix of INVALID_SUFFIXES)
          if (value.endsWith(suffix)) out.push(invalid(pathAt.child('path'), value, `cannot end with '${suffix}'`));
      }
      if (isObject(path.backend)) backendProblems(path.backend, pathAt.child('backend'), out);
    });
  });
  if (isObject(spec.defaultBackend)) backendProblems(spec.defaultBackend, at.child('defaultBackend'), out);
  eachObject(spec.tls, at.child('tls'), (tls, tlsAt) => {
    if (typeof tls.secretName === 'string' && tls.secretName !== '')
      for (const e of dns1123Subdomain(tls.secretName)) out.push(invalid(tlsAt.child('secretName'), tls.secretName, e));
    if (!Array.isArray(tls.hosts)) return;
    tls.hosts.forEach((host, i) => {
      if (typeof host !== 'string') return;
      for (const e of dns1123Subdomain(host.replace('*.', '')))
        out.push(invalid(tlsAt.child('hosts').index(i), host, e));
    });
  });
}

/** A Service backend names a port, by name or by a number in range. */
function backendProblems(backend: JsonObject, at: FieldPath, out: Problems): void {
  const service = backend.service;
  if (!isObject(service)) return;
  const port = isObject(service.port) ? service.port : {};
  const named = typeof port.name === 'string' && port.name !== '';
  const numbered = port.number !== undefined && port.number !== 0;
  if (!named && !numbered) out.push(required(at, 'port name or number is required'));
  else if (numbered) portNumber(port.number, at.child('service').child('port').child('number'), out);
}
