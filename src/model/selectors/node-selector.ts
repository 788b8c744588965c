import { isObject } from '../json.js';
import { type Selector, selectorFromSet, selectorMatches } from './label-selector.js';
import {
  type Labels,
  newRequirement,
  type Operator,
  type Requirement,
  requirementMatches,
  stringList,
} from './requirement.js';

/**
 * Node selection as kube-scheduler's NodeAffinity filter and the DaemonSet controller both decide
 * it (`component-helpers/scheduling/corev1/nodeaffinity`): a pod's `nodeSelector` map AND its
 * required node affinity, whose terms are ORed. Compiled once per pod (or template), matched
 * against every node.
 */

/** What a node offers to node selection: its name (the one node field) and its labels. */
export interface NodeFacts {
  name: string;
  labels: Labels;
}

/** A field requirement of `matchFields`: `field == value` (In) or `field != value` (NotIn). */
export interface FieldRequirement {
  readonly key: string;
  readonly equal: boolean;
  readonly value: string;
}

/** A compiled `v1.NodeSelectorTerm`. */
export interface NodeSelectorTerm {
  /** undefined when the term has no matchExpressions. */
  readonly labels?: readonly Requirement[];
  /** undefined when the term has no matchFields. */
  readonly fields?: readonly FieldRequirement[];
  /**
   * A requirement that does not parse makes the term match no node (the library's lazy parse
   * errors: the other terms still count).
   */
  readonly invalid: boolean;
}

const NODE_OPERATORS: ReadonlySet<unknown> = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt']);

/** `nodeSelectorRequirementsAsSelector`: every `labels.NewRequirement` must succeed, Gt and Lt included. */
function labelRequirements(raw: readonly unknown[]): Requirement[] | undefined {
  const out: Requirement[] = [];
  for (const e of raw) {
    if (!isObject(e) || !NODE_OPERATORS.has(e.operator)) return undefined;
    const r = newRequirement(e.key, e.operator as Operator, e.values);
    if (!r) return undefined;
    out.push(r);
  }
  return out;
}

/**
 * `nodeSelectorRequirementsAsFieldSelector`: In or NotIn with exactly one value. The key is not
 * checked here (validation allows only `metadata.name`); a node has no other field, so any other
 * key reads as the empty string.
 */
function fieldRequirements(raw: readonly unknown[]): FieldRequirement[] | undefined {
  const out: FieldRequirement[] = [];
  for (const e of raw) {
    if (!isObject(e) || typeof e.key !== 'string' || (e.operator !== 'In' && e.operator !== 'NotIn')) return undefined;
    const values = stringList(e.values);
    if (values?.length !== 1) return undefined;
    out.push({ key: e.key, equal: e.operator === 'In', value: values[0]! });
  }
  return out;
}

/** The items of a list field: `null` and absent are no items; undefined when it is not a list (malformed). */
function listOf(value: unknown): readonly unknown[] | undefined {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : undefined;
}

/**
 * One term, or undefined for a term with neither matchExpressions nor matchFields: such a term
 * selects no node and is dropped, as the library drops it.
 */
export function compileNodeSelectorTerm(raw: unknown): NodeSelectorTerm | undefined {
  if (!isObject(raw)) return { invalid: true };
  const expressions = listOf(raw.matchExpressions);
  const fields = listOf(raw.matchFields);
  if (!expressions || !fields) return { invalid: true };
  if (expressions.length === 0 && fields.length === 0) return undefined;
  let invalid = false;
  let labels: Requirement[] | undefined;
  let fieldReqs: FieldRequirement[] | undefined;
  if (expressions.length > 0) {
    labels = labelRequirements(expressions);
    if (!labels) invalid = true;
  }
  if (fields.length > 0) {
    fieldReqs = fieldRequirements(fields);
    if (!fieldReqs) invalid = true;
  }
  return { invalid, ...(labels ? { labels } : {}), ...(fieldReqs ? { fields: fieldReqs } : {}) };
}

/** The terms of a `v1.NodeSelector` (`nodeSelectorTerms`), empty terms dropped. */
export function compileNodeSelectorTerms(raw: unknown): NodeSelectorTerm[] {
  const out: NodeSelectorTerm[] = [];
  for (const term of Array.isArray(raw) ? raw : []) {
    const compiled = compileNodeSelectorTerm(term);
    if (compiled) out.push(compiled);
  }
  return out;
}

/**
 * Whether a node matches one term: all its label requirements and all its field requirements.
 * Field requirements are skipped for a node without a name, which has no fields at all.
 */
export function nodeSelectorTermMatches(term: NodeSelectorTerm, node: NodeFacts): boolean {
  if (term.invalid) return false;
  if (term.labels) for (const r of term.labels) if (!requirementMatches(r, node.labels)) return false;
  if (term.fields && node.name !== '') {
    for (const f of term.fields) {
      const actual = f.key === 'metadata.name' ? node.name : '';
      if ((actual === f.value) !== f.equal) return false;
    }
  }
  return true;
}

/** `GetRequiredNodeAffinity`: a pod's `nodeSelector` and the terms of its required node affinity. */
export interface RequiredNodeAffinity {
  /** EVERYTHING when the pod has no (or an empty) nodeSelector. */
  readonly nodeSelector: Selector;
  /** undefined when the pod has no required node affinity; an empty list then matches no node. */
  readonly terms?: readonly NodeSelectorTerm[];
}

function nodeAffinityOf(podSpec: unknown): Record<string, unknown> {
  const affinity = isObject(podSpec) && isObject(podSpec.affinity) ? podSpec.affinity : {};
  return isObject(affinity.nodeAffinity) ? affinity.nodeAffinity : {};
}

/** Reads a pod spec's node selection once; match it against each node with `matchesRequiredNodeAffinity`. */
export function requiredNodeAffinityOf(podSpec: unknown): RequiredNodeAffinity {
  const required = nodeAffinityOf(podSpec).requiredDuringSchedulingIgnoredDuringExecution;
  return {
    nodeSelector: selectorFromSet(isObject(podSpec) ? podSpec.nodeSelector : undefined),
    ...(required !== undefined && required !== null
      ? { terms: isObject(required) ? compileNodeSelectorTerms(required.nodeSelectorTerms) : [] }
      : {}),
  };
}

/** `RequiredNodeAffinity.Match`: the nodeSelector matches and, when there are terms, at least one term does. */
export function matchesRequiredNodeAffinity(req: RequiredNodeAffinity, node: NodeFacts): boolean {
  if (!selectorMatches(req.nodeSelector, node.labels)) return false;
  if (!req.terms) return true;
  for (const t of req.terms) if (nodeSelectorTermMatches(t, node)) return true;
  return false;
}

/** A preferred scheduling term with its weight. */
export interface PreferredTerm {
  readonly weight: number;
  readonly term: NodeSelectorTerm;
}

/**
 * `NewPreferredSchedulingTerms`: terms of weight 0 and empty terms are skipped, as is a term that
 * does not parse (the scheduler then scores the pod without it).
 */
export function preferredNodeTermsOf(podSpec: unknown): PreferredTerm[] {
  const preferred = nodeAffinityOf(podSpec).preferredDuringSchedulingIgnoredDuringExecution;
  const out: PreferredTerm[] = [];
  // Stryker disable next-line ArrayDeclaration: an item that is not an object is skipped just below
  for (const p of Array.isArray(preferred) ? preferred : []) {
    if (!isObject(p) || typeof p.weight !== 'number' || Math.trunc(p.weight) === 0) continue;
    const term = compileNodeSelectorTerm(p.preference);
    if (term && !term.invalid) out.push({ weight: Math.trunc(p.weight), term });
  }
  return out;
}

/** The sum of the weights of the preferred terms the node matches. */
export function preferredNodeScore(terms: readonly PreferredTerm[], node: NodeFacts): number {
  let score = 0;
  for (const t of terms) if (nodeSelectorTermMatches(t.term, node)) score += t.weight;
  return score;
}
