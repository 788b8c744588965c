import { groupKindOfObject } from '../model/group-kind.js';
import { type JsonObject, isObject } from '../model/json.js';
import { podTemplateOf } from '../model/pod-template.js';
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
      out.push(...validateLabelSelector(spec?.selector, specAt.child('selector')));
      break;
    case 'ReplicationController':
    case 'Service':
      out.push(...validateLabels(spec?.selector, specAt.child('selector')));
      break;
    case 'NetworkPolicy.networking.k8s.io':
      out.push(...networkPolicyProblems(spec, specAt));
      break;
  }
  const template = podTemplateOf(object);
  if (template) out.push(...podSpecProblems(template.spec, pathOf(template.specPointer)));
  return out;
}

/** The FieldPath of a pod spec pointer such as `/spec/template/spec` (no indexes in these pointers). */
function pathOf(pointer: string): FieldPath {
  return pointer
    .split('/')
    .filter((s) => s !== '')
    .reduce((at, name) => at.child(name), new FieldPath('', ''));
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
        out.push(...validateLabelSelector(peer.podSelector, peerAt.child('podSelector')));
        out.push(...validateLabelSelector(peer.namespaceSelector, peerAt.child('namespaceSelector')));
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
    out.push(...validateNodeSelector(node[required], nodeAt.child(required)));
    out.push(...validatePreferredSchedulingTerms(node[preferred], nodeAt.child(preferred)));
  }
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const terms = isObject(affinity[kind]) ? affinity[kind] : {};
    const kindAt = affinityAt.child(kind);
    eachObject(
      terms.requiredDuringSchedulingIgnoredDuringExecution,
      kindAt.child('requiredDuringSchedulingIgnoredDuringExecution'),
      (term, termAt) => out.push(...affinityTermProblems(term, termAt)),
    );
    eachObject(
      terms.preferredDuringSchedulingIgnoredDuringExecution,
      kindAt.child('preferredDuringSchedulingIgnoredDuringExecution'),
      (weighted, weightedAt) => {
        if (isObject(weighted.podAffinityTerm))
          out.push(...affinityTermProblems(weighted.podAffinityTerm, weightedAt.child('podAffinityTerm')));
      },
    );
  }
  eachObject(spec.topologySpreadConstraints, at.child('topologySpreadConstraints'), (c, cAt) =>
    out.push(...validateLabelSelector(c.labelSelector, cAt.child('labelSelector'))),
  );
  out.push(...validateTolerations(spec.tolerations, at.child('tolerations')));
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
