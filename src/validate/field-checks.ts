import { isIP } from 'node:net';
import { groupKindOfObject } from '../model/group-kind.js';
import { isClusterScoped } from '../model/namespace-scope.js';
import { isObject, type JsonObject } from '../model/json.js';
import { dns1123Label, dns1123Subdomain, wildcardDns1123Subdomain } from '../model/name-validation.js';
import { podTemplateOf } from '../model/pod-template.js';
import { compareQuantities, parseQuantity } from '../model/quantity.js';
import { FieldPath, type SelectorProblem } from '../model/selectors/validation.js';

/**
 * The API server's checks of fields that the OpenAPI schemas let through (a port of 70000, an
 * empty image, a negative replica count): each problem is one `schema-invalid` error with the
 * API server's own words. Only what the server refuses whatever else the object holds is here;
 * a value of the wrong type is the schema's finding and is left alone.
 */
export function fieldProblems(object: JsonObject): SelectorProblem[] {
  const out: SelectorProblem[] = [];
  const spec = isObject(object.spec) ? object.spec : undefined;
  const specAt = new FieldPath('', '').child('spec');
  const kind = groupKindOfObject(object);
  // An absent name is the schema's finding; an empty one passes the schema but not the server.
  const meta = isObject(object.metadata) ? object.metadata : {};
  // A LimitRange without a name gets a generated one.
  if (meta.name === '' && !meta.generateName && kind !== 'LimitRange')
    out.push({ pointer: '/metadata/name', message: 'metadata.name: Required value: name or generateName is required' });
  // A cluster-scoped object's namespace is cleared, not checked.
  const namespaced =
    typeof object.apiVersion === 'string' &&
    typeof object.kind === 'string' &&
    !isClusterScoped(object.apiVersion, object.kind);
  if (namespaced && typeof meta.namespace === 'string' && meta.namespace !== '')
    for (const e of dns1123Label(meta.namespace))
      out.push(invalid(new FieldPath('/metadata/namespace', 'metadata.namespace'), meta.namespace, e));
  if (spec && kind === 'Ingress.networking.k8s.io') ingressHosts(spec, specAt, out);
  if (kind === 'RoleBinding.rbac.authorization.k8s.io' || kind === 'ClusterRoleBinding.rbac.authorization.k8s.io')
    serviceAccountSubjects(object, kind === 'RoleBinding.rbac.authorization.k8s.io', out);
  // A ReplicationController's selector defaults to its template's labels; with neither there is none.
  if (
    spec &&
    kind === 'ReplicationController' &&
    isEmptyMap(spec.selector) &&
    isEmptyMap(podTemplateOf(object)?.labels)
  )
    out.push(required(specAt.child('selector')));
  if (spec && REPLICATED.has(kind)) nonNegative(spec.replicas, specAt.child('replicas'), out);
  if (spec && kind === 'Service') servicePorts(spec, specAt, out);
  const template = podTemplateOf(object);
  if (template) {
    const at = pathOf(template.specPointer);
    // A StatefulSet's claim templates are volumes of its pods too.
    const claims =
      kind === 'StatefulSet.apps' && spec && Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : [];
    const claimNames = claims.map((c) => (isObject(c) && isObject(c.metadata) ? c.metadata.name : undefined));
    podSpec(template.spec, at, kind === 'Pod', claimNames, out);
    // A workload's pods are restarted by the kubelet and replaced by the controller: they must restart.
    const policy = template.spec.restartPolicy;
    if (ALWAYS_RESTARTED.has(kind) && typeof policy === 'string' && policy !== '' && policy !== 'Always')
      out.push({
        pointer: at.child('restartPolicy').pointer,
        message: `${at.child('restartPolicy').text}: Unsupported value: ${JSON.stringify(policy)}: supported values: "Always"`,
      });
  }
  return out;
}

/** Kinds whose `spec.replicas` the API server checks. */
const REPLICATED = new Set(['Deployment.apps', 'ReplicaSet.apps', 'StatefulSet.apps', 'ReplicationController']);

/** Kinds whose pod template must have restartPolicy Always. */
const ALWAYS_RESTARTED = new Set([
  'Deployment.apps',
  'ReplicaSet.apps',
  'StatefulSet.apps',
  'DaemonSet.apps',
  'ReplicationController',
]);

/** The FieldPath of a pod spec pointer such as `/spec/template/spec` (no indexes in these pointers). */
function pathOf(pointer: string): FieldPath {
  return pointer
    .split('/')
    .filter((s) => s !== '')
    .reduce((at, name) => at.child(name), new FieldPath('', ''));
}

function invalid(at: FieldPath, value: unknown, detail: string): SelectorProblem {
  return { pointer: at.pointer, message: `${at.text}: Invalid value: ${JSON.stringify(value)}: ${detail}` };
}

function required(at: FieldPath): SelectorProblem {
  return { pointer: at.pointer, message: `${at.text}: Required value` };
}

function nonNegative(value: unknown, at: FieldPath, out: SelectorProblem[]): void {
  if (Number.isInteger(value) && (value as number) < 0)
    out.push(invalid(at, value, 'must be greater than or equal to 0'));
}

/** A port number, where one is given as a number: 1 to 65535. */
function portNumber(value: unknown, at: FieldPath, out: SelectorProblem[]): void {
  if (Number.isInteger(value) && ((value as number) < 1 || (value as number) > 65535))
    out.push(invalid(at, value, 'must be between 1 and 65535, inclusive'));
}

function servicePorts(spec: JsonObject, at: FieldPath, out: SelectorProblem[]): void {
  if (!Array.isArray(spec.ports)) return;
  const ports = spec.ports;
  ports.forEach((port, i) => {
    if (!isObject(port)) return;
    const portAt = at.child('ports').index(i);
    // With more than one port, each needs a name: endpoints and Ingresses tell them apart by it.
    if (ports.length > 1 && (port.name === undefined || port.name === '')) out.push(required(portAt.child('name')));
    if (port.port !== undefined) portNumber(port.port, portAt.child('port'), out);
    // targetPort 0 reads as unset: it takes the port's number. A port name is invalid-name's check.
    if (port.targetPort !== 0) portNumber(port.targetPort, portAt.child('targetPort'), out);
  });
}

/** Rule hosts are DNS names, a wildcard allowed in front; TLS hosts are DNS names after any `*.`. */
function ingressHosts(spec: JsonObject, at: FieldPath, out: SelectorProblem[]): void {
  eachObject(spec.rules, at.child('rules'), (rule, ruleAt) => {
    const host = rule.host;
    if (typeof host !== 'string' || host === '') return;
    const hostAt = ruleAt.child('host');
    if (isIP(host)) out.push(invalid(hostAt, host, 'must be a DNS name, not an IP address'));
    const errors = host.includes('*') ? wildcardDns1123Subdomain(host) : dns1123Subdomain(host);
    for (const e of errors) out.push(invalid(hostAt, host, e));
  });
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

/** A ServiceAccount subject names a service account (a DNS-1123 subdomain), in a namespace outside a RoleBinding. */
function serviceAccountSubjects(object: JsonObject, inNamespace: boolean, out: SelectorProblem[]): void {
  eachObject(object.subjects, new FieldPath('', '').child('subjects'), (subject, subjectAt) => {
    if (subject.kind !== 'ServiceAccount') return;
    if (typeof subject.name === 'string' && subject.name !== '')
      for (const e of dns1123Subdomain(subject.name)) out.push(invalid(subjectAt.child('name'), subject.name, e));
    if (!inNamespace && (subject.namespace === undefined || subject.namespace === ''))
      out.push(required(subjectAt.child('namespace')));
  });
}

function isEmptyMap(value: unknown): boolean {
  return !isObject(value) || Object.keys(value).length === 0;
}

function eachObject(list: unknown, at: FieldPath, visit: (item: JsonObject, itemAt: FieldPath) => void): void {
  if (!Array.isArray(list)) return;
  list.forEach((item, i) => {
    if (isObject(item)) visit(item, at.index(i));
  });
}

const CONTAINER_LISTS = ['initContainers', 'containers'] as const;

function podSpec(spec: JsonObject, at: FieldPath, isPod: boolean, claimNames: unknown[], out: SelectorProblem[]): void {
  const volumes = Array.isArray(spec.volumes) ? spec.volumes : [];
  const volumeNames = new Set([...volumes.map((v) => (isObject(v) ? v.name : undefined)), ...claimNames]);
  // A service account name is an object name, a DNS-1123 subdomain.
  for (const field of ['serviceAccountName', 'serviceAccount'])
    if (typeof spec[field] === 'string' && spec[field] !== '')
      for (const e of dns1123Subdomain(spec[field])) out.push(invalid(at.child(field), spec[field], e));
  eachObject(volumes, at.child('volumes'), (volume, volumeAt) => fileModes(volume, volumeAt, out));
  for (const list of CONTAINER_LISTS) {
    eachObject(spec[list], at.child(list), (c, cAt) => {
      container(c, cAt, isPod, out);
      // A mount names one of the pod's volumes (a name the schema already found missing is its finding).
      eachObject(c.volumeMounts, cAt.child('volumeMounts'), (mount, mountAt) => {
        if (typeof mount.name === 'string' && mount.name !== '' && !volumeNames.has(mount.name))
          out.push({
            pointer: mountAt.child('name').pointer,
            message: `${mountAt.child('name').text}: Not found: ${JSON.stringify(mount.name)}`,
          });
      });
    });
  }
}

const MODE_DETAIL = 'must be a number between 0 and 0777 (octal), both inclusive';

/** File modes of the volumes that write files: 0 to 0777 (511), for the volume and each item. */
function fileModes(volume: JsonObject, at: FieldPath, out: SelectorProblem[]): void {
  const mode = (value: unknown, modeAt: FieldPath) => {
    if (Number.isInteger(value) && ((value as number) < 0 || (value as number) > 0o777))
      out.push(invalid(modeAt, value, MODE_DETAIL));
  };
  const items = (source: JsonObject, sourceAt: FieldPath, itemModeAt: (itemAt: FieldPath) => FieldPath) =>
    eachObject(source.items, sourceAt.child('items'), (item, itemAt) => mode(item.mode, itemModeAt(itemAt)));
  for (const kind of ['configMap', 'secret', 'downwardAPI', 'projected']) {
    const source = volume[kind];
    if (!isObject(source)) continue;
    const sourceAt = at.child(kind);
    mode(source.defaultMode, sourceAt.child('defaultMode'));
    // The API server names a downwardAPI item's mode without its index; kubeplan points at the item.
    items(source, sourceAt, (itemAt) => itemAt.child('mode'));
    if (kind === 'projected')
      eachObject(source.sources, sourceAt.child('sources'), (projection, projectionAt) => {
        for (const inner of ['configMap', 'secret', 'downwardAPI']) {
          const innerSource = projection[inner];
          if (isObject(innerSource)) items(innerSource, projectionAt.child(inner), (itemAt) => itemAt.child('mode'));
        }
      });
  }
}

/** Environment variable names: any printable ASCII but `=` (the API server's rule since it relaxed it). */
const ENV_NAME = /^[\x20-\x3c\x3e-\x7e]+$/;

function container(c: JsonObject, at: FieldPath, isPod: boolean, out: SelectorProblem[]): void {
  const image = c.image;
  if (image === '') out.push(required(at.child('image')));
  // Checked on a Pod only: a template with such an image is accepted (and its pods then refused).
  else if (isPod && typeof image === 'string' && image.trim() !== image)
    out.push(invalid(at.child('image'), image, 'must not have leading or trailing whitespace'));
  if (Array.isArray(c.ports))
    c.ports.forEach((port, i) => {
      if (!isObject(port)) return;
      const portAt = at.child('ports').index(i);
      // An absent containerPort is the schema's finding (it is required there); 0 reads as unset.
      if (port.containerPort === 0) out.push(required(portAt.child('containerPort')));
      else portNumber(port.containerPort, portAt.child('containerPort'), out);
      if (port.hostPort !== undefined && port.hostPort !== 0) portNumber(port.hostPort, portAt.child('hostPort'), out);
    });
  if (Array.isArray(c.env))
    c.env.forEach((variable, i) => {
      if (!isObject(variable) || typeof variable.name !== 'string') return;
      const nameAt = at.child('env').index(i).child('name');
      if (variable.name === '') out.push(required(nameAt));
      else if (!ENV_NAME.test(variable.name))
        out.push(
          invalid(
            nameAt,
            variable.name,
            "a valid environment variable name must consist only of printable ASCII characters other than '='",
          ),
        );
    });
  const resources = isObject(c.resources) ? c.resources : {};
  for (const side of ['requests', 'limits'] as const) {
    const amounts = resources[side];
    if (!isObject(amounts)) continue;
    for (const [name, value] of Object.entries(amounts)) {
      const q = parseQuantity(value);
      if (q && compareQuantities(q, ZERO) < 0) {
        const where = at.child('resources').child(side);
        out.push({
          pointer: where.child(name).pointer,
          message: `${where.text}[${name}]: Invalid value: ${JSON.stringify(String(value))}: must be greater than or equal to 0`,
        });
      }
    }
  }
}

const ZERO = parseQuantity('0')!;
