import { groupKindOfObject } from '../model/group-kind.js';
import { type JsonObject, isObject } from '../model/json.js';
import { podTemplateOf } from '../model/pod-template.js';
import { pathOf } from './field-checks/problems.js';
import {
  FieldPath,
  type SelectorProblem,
  validateLabelSelector,
  validateLabels,
  validateNodeSelector,
  validatePreferredSchedulingTerms,
  validateTolerations,
} from '../model/selectors/validation.js';

/**
 * Where each built-in kind keeps selectors, node selection and tolerations, and the API server's
 * validation of each: an object with a selector the API server refuses gets one `schema-invalid`
 * finding per problem, with the server's message, and the plan leaves it out as it does any
 * refused object. Selectors that are not checked here are not read anywhere in kubeplan.
 */
export function selectorProblems(object: JsonObject): SelectorProblem[] {
  const root = new FieldPath('', '');
  const spec = isObject(object.spec) ? object.spec : undefined;
  const specAt = root.child('spec');
  const out: SelectorProblem[] = [];
  switch (groupKindOfObject(object)) {
    case 'Deployment.apps':
    case 'ReplicaSet.apps':
    case 'StatefulSet.apps':
    case 'DaemonSet.apps':
    case 'Job.batch':
    case 'PodDisruptionBudget.policy':
      for (const item of validateLabelSelector(spec?.selector, specAt.child('selector'))) out.push(item);
      break;
    case 'ReplicationController':
    case 'Service':
      for (const item of validateLabels(spec?.selector, specAt.child('selector'))) out.push(item);
      break;
    case 'NetworkPolicy.networking.k8s.io':
      for (const item of networkPolicyProblems(spec, specAt)) out.push(item);
      break;
  }
  const template = podTemplateOf(object);
  if (template) for (const item of podSpecProblems(template.spec, pathOf(template.specPointer))) out.push(item);
  return out;
}

function networkPolicyProblems(spec: JsonObject | undefined, at: FieldPath): SelectorProblem[] {
  if (!spec) return [];
  const out = validateLabelSelector(spec.podSelector, at.child('podSelector'));
  for (const [rules, peers] of [
    ['ingress', 'from'],
    ['egress', 'to'],
  ] as const) {
    eachObject(spec[rules], at.child(rules), (rule, ruleAt) =>
      eachObject(rule[peers], ruleAt.child(peers), (peer, peerAt) => {
        for (const item of validateLabelSelector(peer.podSelector, peerAt.child('podSelector'))) out.push(item);
        for (const item of validateLabelSelector(peer.namespaceSelector, peerAt.child('namespaceSelector')))
          out.push(item);
      }),
    );
  }
  return out;
}

/** nodeSelector, node affinity, pod (anti-)affinity terms, topology spread constraints, tolerations. */
function podSpecProblems(spec: JsonObject, at: FieldPath): SelectorProblem[] {
  const out = validateLabels(spec.nodeSelector, at.child('nodeSelector'));
  const affinity = isObject(spec.affinity) ? spec.affinity : {};
  const affinityAt = at.child('affinity');
  if (isObject(affinity.nodeAffinity)) {
    const node = affinity.nodeAffinity;
    const nodeAt = affinityAt.child('nodeAffinity');
    const required = 'requiredDuringSchedulingIgnoredDuringExecution';
    const preferred = 'preferredDuringSchedulingIgnoredDuringExecution';
    for (const item of validateNodeSelector(node[required], nodeAt.child(required))) out.push(item);
    for (const item of validatePreferredSchedulingTerms(node[preferred], nodeAt.child(preferred))) out.push(item);
  }
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const terms = isObject(affinity[kind]) ? affinity[kind] : {};
    const kindAt = affinityAt.child(kind);
    eachObject(
      terms.requiredDuringSchedulingIgnoredDuringExecution,
      kindAt.child('requiredDuringSchedulingIgnoredDuringExecution'),
      (term, termAt) => {
        for (const p of affinityTermProblems(term, termAt)) out.push(p);
      },
    );
    eachObject(
      terms.preferredDuringSchedulingIgnoredDuringExecution,
      kindAt.child('preferredDuringSchedulingIgnoredDuringExecution'),
      (weighted, weightedAt) => {
        if (isObject(weighted.podAffinityTerm))
          for (const item of affinityTermProblems(weighted.podAffinityTerm, weightedAt.child('podAffinityTerm')))
            out.push(item);
      },
    );
  }
  eachObject(spec.topologySpreadConstraints, at.child('topologySpreadConstraints'), (c, cAt) => {
    for (const p of validateLabelSelector(c.labelSelector, cAt.child('labelSelector'))) out.push(p);
  });
  for (const item of validateTolerations(spec.tolerations, at.child('tolerations'))) out.push(item);
  return out;
}

function affinityTermProblems(term: JsonObject, at: FieldPath): SelectorProblem[] {
  return [
    ...validateLabelSelector(term.labelSelector, at.child('labelSelector')),
    ...validateLabelSelector(term.namespaceSelector, at.child('namespaceSelector')),
  ];
}

function eachObject(list: unknown, at: FieldPath, visit: (item: JsonObject, itemAt: FieldPath) => void): void {
  if (!Array.isArray(list)) return;
  list.forEach((item, i) => {
    if (isObject(item)) visit(item, at.index(i));
  });
}
