import { isObject, objectsAt } from '../../model/json.js';

export type Labels = Record<string, string>;

/** The labels of an object (only string values count). */
export function labelsOf(object: unknown): Labels {
  const labels = isObject(object) && isObject(object.metadata) ? object.metadata.labels : undefined;
  if (!isObject(labels)) return {};
  return Object.fromEntries(Object.entries(labels).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** A Service-style selector (a plain map): every pair must match; an empty map matches nothing here. */
export function matchesMapSelector(selector: unknown, labels: Labels): boolean {
  if (!isObject(selector)) return false;
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

/**
 * A `metav1.LabelSelector` (matchLabels and matchExpressions, all ANDed). An absent selector
 * matches nothing; an empty one (`{}`) matches everything, as `LabelSelectorAsSelector` does.
 * A malformed expression makes the whole selector match nothing (the API server would have
 * rejected the object).
 */
export function matchesLabelSelector(selector: unknown, labels: Labels): boolean {
  if (!isObject(selector)) return false;
  const matchLabels = selector.matchLabels;
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isObject(matchLabels)) return false;
    if (!Object.entries(matchLabels).every(([k, v]) => labels[k] === v)) return false;
  }
  if (selector.matchExpressions !== undefined && !Array.isArray(selector.matchExpressions)) return false;
  return objectsAt(selector, 'matchExpressions').every((e) => matchesExpression(e, (key) => labels[key]));
}

function matchesExpression(
  expression: Record<string, unknown>,
  labelValue: (key: string) => string | undefined,
): boolean {
  if (typeof expression.key !== 'string') return false;
  const value = labelValue(expression.key);
  const values = Array.isArray(expression.values) ? expression.values.map(String) : [];
  switch (expression.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      // Node selectors only: both sides must be integers.
      if (value === undefined || values.length !== 1 || !/^-?\d+$/.test(value) || !/^-?\d+$/.test(values[0]!))
        return false;
      return expression.operator === 'Gt' ? BigInt(value) > BigInt(values[0]!) : BigInt(value) < BigInt(values[0]!);
    }
    default:
      return false;
  }
}

/** Whether a node matches a pod's `nodeSelector` and required node affinity (terms ORed). */
export function nodeMatchesPodNodeSelection(podSpec: Record<string, unknown>, node: unknown): boolean {
  const labels = labelsOf(node);
  const nodeName = isObject(node) && isObject(node.metadata) ? String(node.metadata.name) : '';
  if (isObject(podSpec.nodeSelector) && !Object.entries(podSpec.nodeSelector).every(([k, v]) => labels[k] === v))
    return false;
  const affinity =
    isObject(podSpec.affinity) && isObject(podSpec.affinity.nodeAffinity) ? podSpec.affinity.nodeAffinity : undefined;
  const required =
    affinity && isObject(affinity.requiredDuringSchedulingIgnoredDuringExecution)
      ? affinity.requiredDuringSchedulingIgnoredDuringExecution
      : undefined;
  if (!required) return true;
  const terms = objectsAt(required, 'nodeSelectorTerms');
  return terms.some((term) => {
    const expressions = objectsAt(term, 'matchExpressions');
    const fields = objectsAt(term, 'matchFields');
    // A term without requirements selects no node.
    if (expressions.length === 0 && fields.length === 0) return false;
    return (
      expressions.every((e) => matchesExpression(e, (key) => labels[key])) &&
      fields.every((e) => matchesExpression(e, (key) => (key === 'metadata.name' ? nodeName : undefined)))
    );
  });
}
