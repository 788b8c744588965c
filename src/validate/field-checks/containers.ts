import { isObject, type JsonObject } from '../../model/json.js';
import { compareQuantities, parseQuantity } from '../../model/quantity.js';
import type { FieldPath } from '../../model/selectors/validation.js';
import {
  eachObject,
  forbidden,
  invalid,
  isInteger,
  nonNegative,
  portNumber,
  type Problems,
  required,
} from './problems.js';

/** Environment variable names: any printable ASCII but `=` (the API server's rule since it relaxed it). */
const ENV_NAME = /^[\x20-\x3c\x3e-\x7e]+$/;

const ZERO = parseQuantity('0')!;

/** A container's image, ports, environment names, resources and probes. */
export function containerProblems(c: JsonObject, at: FieldPath, isPod: boolean, isInit: boolean, out: Problems): void {
  const image = c.image;
  if (image === '') out.push(required(at.child('image')));
  // Checked on a Pod only: a template with such an image is accepted (and its pods then refused).
  else if (isPod && typeof image === 'string' && image.trim() !== image)
    out.push(invalid(at.child('image'), image, 'must not have leading or trailing whitespace'));
  eachObject(c.ports, at.child('ports'), (port, portAt) => {
    // An absent containerPort is the schema's finding (it is required there); 0 reads as unset.
    if (port.containerPort === 0) out.push(required(portAt.child('containerPort')));
    else portNumber(port.containerPort, portAt.child('containerPort'), out);
    if (port.hostPort !== undefined && port.hostPort !== 0) portNumber(port.hostPort, portAt.child('hostPort'), out);
  });
  eachObject(c.env, at.child('env'), (variable, variableAt) => {
    if (typeof variable.name !== 'string') return;
    const nameAt = variableAt.child('name');
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
    const where = at.child('resources').child(side);
    for (const [name, value] of Object.entries(amounts)) {
      const q = parseQuantity(value);
      if (q && compareQuantities(q, ZERO) < 0)
        out.push({
          pointer: where.child(name).pointer,
          message: `${where.text}[${name}]: Invalid value: ${JSON.stringify(String(value))}: must be greater than or equal to 0`,
        });
    }
  }
  // An init container's probes are a sidecar's, with rules of their own; only the app containers' are checked.
  if (!isInit)
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const)
      if (isObject(c[probe])) probeProblems(c[probe], at.child(probe), probe !== 'readinessProbe', out);
}

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;

/** One handler, thresholds that are not negative, and a liveness or startup probe that succeeds once. */
function probeProblems(probe: JsonObject, at: FieldPath, succeedsOnce: boolean, out: Problems): void {
  const handlers = HANDLERS.filter((h) => probe[h] !== undefined && probe[h] !== null);
  if (!handlers.length) out.push(required(at, 'must specify a handler type'));
  for (const extra of handlers.slice(1))
    out.push(forbidden(at.child(extra), 'may not specify more than 1 handler type'));
  const exec = probe.exec;
  if (handlers[0] === 'exec' && isObject(exec) && (!Array.isArray(exec.command) || exec.command.length === 0))
    out.push(required(at.child('exec').child('command')));
  for (const h of ['httpGet', 'tcpSocket', 'grpc'] as const) {
    const handler = probe[h];
    if (handlers[0] === h && isObject(handler) && isInteger(handler.port))
      portNumber(handler.port, at.child(h).child('port'), out);
  }
  for (const field of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ])
    nonNegative(probe[field], at.child(field), out);
  if (succeedsOnce && isInteger(probe.successThreshold) && probe.successThreshold > 1)
    out.push(invalid(at.child('successThreshold'), probe.successThreshold, 'must be 1'));
}
