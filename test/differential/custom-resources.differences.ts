import { errorPath, kubeplanPath, type Mismatch } from './crd-compare.js';

/**
 * The deliberate differences between kubeplan and the API server on custom resources: each one a
 * documented scope limit or choice, with a matcher precise enough that nothing else hides behind
 * it. A mismatch no entry matches fails the differential test.
 */
export interface Difference {
  id: string;
  reason: string;
  matches(m: Mismatch): boolean;
}

const hasInfo = (m: Mismatch, ruleId: string, text?: string) =>
  m.kubeplan.findings.some((f) => f.severity === 'info' && f.ruleId === ruleId && (!text || f.message.includes(text)));

const upstreamError = (m: Mismatch, path: string) => m.upstream.errors.filter((e) => errorPath(e) === path);

/** Whether `path` lies below a value both sides refuse for its type. */
const belowTypeError = (m: Mismatch, path: string) =>
  m.kubeplan.errors.some((f) => {
    const at = kubeplanPath(f.pointer);
    return (
      path.startsWith(`${at}.`) &&
      / expected [a-z ]+, got /.test(f.message) &&
      m.upstream.errors.some((e) => errorPath(e) === at && e.detail.includes('must be of type'))
    );
  });

export const DIFFERENCES: readonly Difference[] = [
  {
    id: 'crd-refused-by-api-server',
    reason:
      'The API server refuses this CustomResourceDefinition itself (ValidateCustomResourceDefinition), so no object of it can exist; kubeplan does not re-validate CRDs as the API server creates them (docs/lint.md: the estimated cost of CEL rules and the other CRD checks are not modelled) and validates the object with the schema as written.',
    matches: (m) => m.kind === 'crd-refused',
  },
  {
    id: 'cel-rule-not-evaluated',
    reason:
      'A CEL rule kubeplan cannot evaluate (a function it does not implement, one cel-js cannot type-check) is reported as crd-rule-not-evaluated (info) and never as an error (docs/lint.md), so an object that only that rule refuses passes kubeplan.',
    matches: (m) =>
      m.kind === 'missed-error' &&
      hasInfo(m, 'crd-rule-not-evaluated') &&
      m.upstream.errors.every(
        (e) => /rule|cost|cel|expression/i.test(e.detail) || e.detail.startsWith('some validation rules'),
      ),
  },
  {
    id: 'unknown-fields-below-a-wrong-type',
    reason:
      'An object given where the schema wants a scalar (or a list where it wants an object) is one type error in kubeplan; the API server also prunes what it holds, so with fieldValidation=Strict it refuses each of its fields as unknown too. kubeplan reports the type error only: the fields of a value of the wrong type are not the mistake.',
    matches: (m) =>
      m.kind === 'paths' &&
      m.onlyKubeplan.length === 0 &&
      m.onlyUpstream.every(
        (p) => belowTypeError(m, p) && upstreamError(m, p).every((e) => e.type === 'FieldValueUnknown'),
      ),
  },
];

export function deliberateDifference(m: Mismatch): Difference | undefined {
  return DIFFERENCES.find((d) => d.matches(m));
}
