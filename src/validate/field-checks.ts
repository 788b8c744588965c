import { groupKindOfObject } from '../model/group-kind.js';
import { isObject, type JsonObject } from '../model/json.js';
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
  if (meta.name === '' && !meta.generateName)
    out.push({ pointer: '/metadata/name', message: 'metadata.name: Required value: name or generateName is required' });
  if (spec && REPLICATED.has(kind)) nonNegative(spec.replicas, specAt.child('replicas'), out);
  if (spec && kind === 'Service') servicePorts(spec, specAt, out);
  const template = podTemplateOf(object);
  if (template) {
    const at = pathOf(template.specPointer);
    podSpec(template.spec, at, kind === 'Pod', out);
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

const CONTAINER_LISTS = ['initContainers', 'containers'] as const;

function podSpec(spec: JsonObject, at: FieldPath, isPod: boolean, out: SelectorProblem[]): void {
  for (const list of CONTAINER_LISTS) {
    const containers = spec[list];
    if (!Array.isArray(containers)) continue;
    containers.forEach((c, i) => {
      if (isObject(c)) container(c, at.child(list).index(i), isPod, out);
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
