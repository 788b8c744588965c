import { defaultPointer, ensureObject, objectAt, objectsIn, type Obj } from './fields.js';

/** Facts from `pkg/apis/networking/v1/defaults.go`. Ingress has no defaults (pathType is required). */

export function defaultNetworkPolicy(policy: Obj): void {
  const spec = ensureObject(policy, 'spec');
  if (!spec) return;
  for (const direction of ['ingress', 'egress']) {
    for (const rule of objectsIn(spec, direction))
      for (const port of objectsIn(rule, 'ports')) defaultPointer(port, 'protocol', 'TCP');
  }
  if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) {
    spec.policyTypes = Array.isArray(spec.egress) && spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  }
}

export function defaultIngressClass(ingressClass: Obj): void {
  const parameters = objectAt(objectAt(ingressClass, 'spec') ?? {}, 'parameters');
  if (parameters) defaultPointer(parameters, 'scope', 'Cluster');
}
