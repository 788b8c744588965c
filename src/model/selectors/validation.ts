import { asArray, indexedObjectsIn, isObject } from '../json.js';
import { appendPointer } from '../json-pointer.js';
import { dns1123Subdomain, labelValue, qualifiedName } from '../name-validation.js';

/**
 * The API server's validation of selectors, node selection and tolerations
 * (`apimachinery/pkg/apis/meta/v1/validation` ValidateLabelSelector and ValidateLabels,
 * `pkg/apis/core/validation` ValidateNodeSelector, ValidatePreferredSchedulingTerms,
 * ValidateTolerations), with its field paths and messages: `spec.selector.matchExpressions[0].values:
 * Required value: must be specified when `operator` is 'In' or 'NotIn'`.
 *
 * Only values of the right JSON type are examined: a number where a string belongs, or a string
 * where a list belongs, is the schema's finding, reported once there.
 */

export interface SelectorProblem {
  /** Where to point: the offending field, or the key of a map entry (`target: 'key'`). */
  pointer: string;
  target?: 'key';
  message: string;
}

/** A field as both a JSON pointer (for positions) and the API server's path text (for messages). */
export class FieldPath {
  constructor(
    readonly pointer: string,
    readonly text: string,
  ) {}

  child(name: string): FieldPath {
    return new FieldPath(appendPointer(this.pointer, name), this.text ? `${this.text}.${name}` : name);
  }

  index(i: number): FieldPath {
    return new FieldPath(appendPointer(this.pointer, i), `${this.text}[${i}]`);
  }
}

/** Go's `%q` of a string, or the JSON of any other bad value, as `field.Error` prints it. */
function shown(value: unknown): string {
  return JSON.stringify(value);
}

/** The API server's field errors (`field.Invalid`, `field.Required`, ...), as it writes them. */
export function invalid(at: FieldPath, value: unknown, detail: string, pointer = at.pointer): SelectorProblem {
  return { pointer, message: `${at.text}: Invalid value: ${shown(value)}: ${detail}` };
}

export function required(at: FieldPath, detail?: string): SelectorProblem {
  return { pointer: at.pointer, message: `${at.text}: Required value${detail ? `: ${detail}` : ''}` };
}

export function forbidden(at: FieldPath, detail: string): SelectorProblem {
  return { pointer: at.pointer, message: `${at.text}: Forbidden: ${detail}` };
}

export function notSupported(at: FieldPath, value: unknown, supported: readonly string[]): SelectorProblem {
  const list = supported.map((s) => JSON.stringify(s)).join(', ');
  return { pointer: at.pointer, message: `${at.text}: Unsupported value: ${shown(value)}: supported values: ${list}` };
}

/** The number of values (0 for absent or null), or undefined when `values` is not a list (the schema's finding). */
function valueCount(values: unknown): number | undefined {
  if (values === undefined || values === null) return 0;
  return Array.isArray(values) ? values.length : undefined;
}

/** ValidateLabelName: the key must be a qualified name. */
function labelName(key: unknown, at: FieldPath, pointer = at.pointer): SelectorProblem[] {
  if (typeof key !== 'string') return [];
  return qualifiedName(key).map((msg) => invalid(at, key, msg, pointer));
}

function labelValues(values: unknown, at: FieldPath): SelectorProblem[] {
  const out: SelectorProblem[] = [];
  if (!Array.isArray(values)) return out;
  values.forEach((v, i) => {
    if (typeof v === 'string') for (const msg of labelValue(v)) out.push(invalid(at.index(i), v, msg));
  });
  return out;
}

/**
 * ValidateLabels, for `matchLabels` and the map selectors (a Service's `spec.selector`, a pod's
 * `nodeSelector`): every key a qualified name, every value a label value. The API server names
 * the map; the finding points at the entry.
 */
export function validateLabels(map: unknown, at: FieldPath): SelectorProblem[] {
  const out: SelectorProblem[] = [];
  if (!isObject(map)) return out;
  for (const [key, value] of Object.entries(map)) {
    const entry = appendPointer(at.pointer, key);
    for (const p of labelName(key, at, entry)) out.push({ ...p, target: 'key' });
    if (typeof value === 'string') for (const msg of labelValue(value)) out.push(invalid(at, value, msg, entry));
  }
  return out;
}

/** ValidateLabelSelectorRequirement: the operator and its number of values, the key, each value. */
function labelSelectorRequirement(e: Record<string, unknown>, at: FieldPath): SelectorProblem[] {
  const out: SelectorProblem[] = [];
  const count = valueCount(e.values);
  switch (e.operator) {
    case 'In':
    case 'NotIn':
      if (count === 0) out.push(required(at.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if ((count ?? 0) > 0)
        out.push(forbidden(at.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      if (typeof e.operator === 'string')
        out.push(invalid(at.child('operator'), e.operator, 'not a valid selector operator'));
  }
  for (const item of labelName(e.key, at.child('key'))) out.push(item);
  for (const item of labelValues(e.values, at.child('values'))) out.push(item);
  return out;
}

/** ValidateLabelSelector (new objects: values must be label values too). Absent or null is valid. */
export function validateLabelSelector(selector: unknown, at: FieldPath): SelectorProblem[] {
  if (!isObject(selector)) return [];
  const out = validateLabels(selector.matchLabels, at.child('matchLabels'));
  for (const { item, index } of indexedObjectsIn(selector.matchExpressions))
    for (const found of labelSelectorRequirement(item, at.child('matchExpressions').index(index))) out.push(found);
  return out;
}

/** ValidateNodeSelectorRequirement: like a label selector's, plus Gt and Lt with a single value. */
function nodeSelectorRequirement(e: Record<string, unknown>, at: FieldPath, checkValues: boolean): SelectorProblem[] {
  const out: SelectorProblem[] = [];
  const count = valueCount(e.values);
  switch (e.operator) {
    case 'In':
    case 'NotIn':
      if (count === 0) out.push(required(at.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if ((count ?? 0) > 0)
        out.push(forbidden(at.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case 'Gt':
    case 'Lt':
      if (count !== undefined && count !== 1)
        out.push(required(at.child('values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      if (typeof e.operator === 'string')
        out.push(invalid(at.child('operator'), e.operator, 'not a valid selector operator'));
  }
  for (const item of labelName(e.key, at.child('key'))) out.push(item);
  if (checkValues) for (const item of labelValues(e.values, at.child('values'))) out.push(item);
  return out;
}

/** ValidateNodeFieldSelectorRequirement: `metadata.name`, In or NotIn, one value that is a node name. */
function nodeFieldRequirement(e: Record<string, unknown>, at: FieldPath): SelectorProblem[] {
  const out: SelectorProblem[] = [];
  const count = valueCount(e.values);
  if (e.operator === 'In' || e.operator === 'NotIn') {
    if (count !== undefined && count !== 1)
      out.push(
        required(
          at.child('values'),
          "must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
        ),
      );
  } else if (typeof e.operator === 'string') {
    out.push(invalid(at.child('operator'), e.operator, 'not a valid selector operator'));
  }
  if (typeof e.key === 'string' && e.key !== 'metadata.name') {
    out.push(invalid(at.child('key'), e.key, 'not a valid field selector key'));
  } else if (e.key === 'metadata.name') {
    // Values of another type are the schema's finding; the others keep their index in the list.
    asArray(e.values).forEach((v, i) => {
      if (typeof v === 'string')
        for (const msg of dns1123Subdomain(v)) out.push(invalid(at.child('values').index(i), v, msg));
    });
  }
  return out;
}

/** ValidateNodeSelectorTerm. */
function nodeSelectorTerm(term: unknown, at: FieldPath, checkValues: boolean): SelectorProblem[] {
  const out: SelectorProblem[] = [];
  if (!isObject(term)) return out;
  for (const { item, index } of indexedObjectsIn(term.matchExpressions))
    for (const found of nodeSelectorRequirement(item, at.child('matchExpressions').index(index), checkValues))
      out.push(found);
  for (const { item, index } of indexedObjectsIn(term.matchFields))
    for (const found of nodeFieldRequirement(item, at.child('matchFields').index(index))) out.push(found);
  return out;
}

/** ValidateNodeSelector, for required node affinity: at least one term; values must be label values. */
export function validateNodeSelector(selector: unknown, at: FieldPath): SelectorProblem[] {
  if (!isObject(selector)) return [];
  const terms = selector.nodeSelectorTerms;
  const termsAt = at.child('nodeSelectorTerms');
  if (terms === undefined || terms === null || (Array.isArray(terms) && terms.length === 0))
    return [required(termsAt, 'must have at least one node selector term')];
  if (!Array.isArray(terms)) return [];
  return terms.flatMap((term, i) => nodeSelectorTerm(term, termsAt.index(i), true));
}

/** ValidatePreferredSchedulingTerms: a weight of 1 to 100 and a valid term (values not checked as label values). */
export function validatePreferredSchedulingTerms(terms: unknown, at: FieldPath): SelectorProblem[] {
  const out: SelectorProblem[] = [];
  if (!Array.isArray(terms)) return out;
  terms.forEach((term, i) => {
    if (!isObject(term)) return;
    if (typeof term.weight === 'number' && (term.weight <= 0 || term.weight > 100))
      out.push(invalid(at.index(i).child('weight'), term.weight, 'must be in the range 1-100'));
    for (const item of nodeSelectorTerm(term.preference, at.index(i).child('preference'), false)) out.push(item);
  });
  return out;
}

/** ValidateTolerations: key syntax, Exists for an empty key, NoExecute with tolerationSeconds, operator and value. */
export function validateTolerations(tolerations: unknown, at: FieldPath): SelectorProblem[] {
  const out: SelectorProblem[] = [];
  if (!Array.isArray(tolerations)) return out;
  tolerations.forEach((t, i) => {
    if (!isObject(t)) return;
    const item = at.index(i);
    const key = typeof t.key === 'string' ? t.key : '';
    const operator = typeof t.operator === 'string' ? t.operator : '';
    const value = typeof t.value === 'string' ? t.value : '';
    // The API server names the operator; the finding points at the value it objects to.
    const valueAt = appendPointer(item.pointer, 'value');
    if (key !== '') for (const found of labelName(key, item.child('key'))) out.push(found);
    if (key === '' && operator !== 'Exists')
      out.push(
        invalid(
          item.child('operator'),
          operator,
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && t.effect !== 'NoExecute')
      out.push(
        invalid(item.child('effect'), t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"),
      );
    if (operator === '' || operator === 'Equal') {
      const errors = labelValue(value);
      if (errors.length) out.push(invalid(item.child('operator'), value, errors.join(';'), valueAt));
    } else if (operator === 'Exists') {
      if (value !== '')
        out.push(invalid(item.child('operator'), value, "value must be empty when `operator` is 'Exists'", valueAt));
    } else {
      out.push(notSupported(item.child('operator'), operator, ['Equal', 'Exists']));
    }
  });
  return out;
}
