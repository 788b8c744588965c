import { defaultPointer, ensureObject } from './fields.js';
import { type JsonObject, objectAt, objectsAt } from '../../model/json.js';

/** Facts from `pkg/apis/networking/v1/defaults.go`. Ingress has no defaults (pathType is required). */

export function defaultNetworkPolicy(policy: JsonObject): void {
  const spec = ensureObject(policy, 'spec');
  if (!spec) return;
  for (const direction of ['ingress', 'egress']) {
    for (const rule of objectsAt(spec, direction))
      for (const port of objectsAt(rule, 'ports')) defaultPointer(port, 'protocol', 'TCP');
  }
  if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) {
    spec.policyTypes = Array.isArray(spec.egress) && spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  }
}

export function defaultIngressClass(ingressClass: JsonObject): void {
  const parameters = objectAt(objectAt(ingressClass, 'spec') ?? {}, 'parameters');
  if (parameters) defaultPointer(parameters, 'scope', 'Cluster');
}
