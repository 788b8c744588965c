import { isDeepStrictEqual } from 'node:util';
import { parseManifests } from '../../src/load/parse-manifests.js';
import type { Finding } from '../../src/model/finding.js';
import type { Manifest } from '../../src/model/manifest.js';
import { CrdRegistry, isCrd } from '../../src/validate/crd/crd-registry.js';
import { withStructuralDefaults } from '../../src/validate/crd/structural-defaults.js';
import { ManifestValidator } from '../../src/validate/validate-manifests.js';
import type { OracleAnswer } from '../helpers/oracle.js';
import invalidLabel from '../../rules/invalid-label.js';
import invalidName from '../../rules/invalid-name.js';
import { parseKubeVersion } from '../../src/lint/kube-version.js';
import { runRules } from '../../src/lint/run-rules.js';

/** One upstream error, as the validate-custom op answers it. */
export interface UpstreamError {
  type: string;
  field: string;
  detail: string;
  message: string;
}

export interface UpstreamVerdict {
  accepted: boolean;
  errors: UpstreamError[];
  defaulted?: Record<string, unknown>;
  crdErrors?: UpstreamError[];
}

/** What kubeplan says of a custom resource: every finding its validation gives. */
export interface KubeplanVerdict {
  findings: Finding[];
  errors: Finding[];
  /** The object after kubeplan's defaulting, when its CRD has a schema for it. */
  defaulted?: Record<string, unknown>;
}

/** The rules that check what the API server checks of every object's metadata (names, labels, annotations). */
const METADATA_RULES = [invalidName, invalidLabel];

/**
 * Validates `object` against `crd` as `kubeplan lint` does (strict field validation), with the
 * rules that check its metadata as the customresource strategy does.
 */
export async function kubeplanVerdict(
  crd: Manifest,
  object: Manifest,
  registry?: CrdRegistry,
): Promise<KubeplanVerdict> {
  const crds = registry ?? new CrdRegistry([crd]);
  const findings = await new ManifestValidator({ strict: true, crds }).validate(object);
  findings.push(
    ...runRules([object], {
      settings: METADATA_RULES.map((rule) => ({ rule, severity: 'error' as const, options: {} })),
      kubernetesVersion: parseKubeVersion('1.36')!,
      inlineIgnores: true,
      forbidIgnore: new Set(),
      knownRuleIds: new Set(METADATA_RULES.map((r) => r.meta.id)),
    }).findings,
  );
  const found = crds.validator(object.ref.apiVersion, object.ref.kind);
  const defaulted =
    found?.validate && found.entry.schema ? withStructuralDefaults(object.object, found.entry.schema) : undefined;
  return { findings, errors: findings.filter((f) => f.severity === 'error'), ...(defaulted ? { defaulted } : {}) };
}

/** The CRD and the object of a generated case as kubeplan reads them (one JSON document each). */
export function manifestsOf(crd: object, object: object): { crd: Manifest; object: Manifest } {
  const { manifests } = parseManifests('case.yaml', `${JSON.stringify(crd)}\n---\n${JSON.stringify(object)}\n`);
  const crdManifest = manifests.find(isCrd);
  const objectManifest = manifests.find((m) => !isCrd(m));
  if (!crdManifest || !objectManifest) throw new Error('the case did not read as a CRD and an object');
  return { crd: crdManifest, object: objectManifest };
}

/** The oracle's answer as a verdict; throws on an oracle error (a broken case, not a difference). */
export function upstreamVerdict(answer: OracleAnswer): UpstreamVerdict {
  if (answer.error) throw new Error(`the oracle: ${answer.error}`);
  const result = answer.result as UpstreamVerdict;
  return { ...result, errors: result.errors ?? [] };
}

/** A field path as both sides can compare it: `spec.items.0.a` for `spec.items[0].a` and `/spec/items/0/a`. */
export function upstreamPath(field: string): string {
  if (field === '<nil>') return '';
  return field.replace(/\[([^\]]*)\]/g, '.$1').replace(/^\./, '');
}

/**
 * The path of an upstream error: its field, or for kube-openapi's errors of `oneOf`, `anyOf`,
 * `allOf` and `not` and of a value outside its type's range (which have no field), the path their detail names.
 */
export function errorPath(e: UpstreamError): string {
  if (e.field !== '<nil>') return upstreamPath(e.field);
  // `"spec.a" must validate one and only one schema (oneOf)`; `Checked value must be of type integer (default format) in spec.a`
  const named =
    /^"([^"]*)" /.exec(e.detail) ??
    /^(?:Checked|Minimum boundary|Maximum boundary|MultipleOf) value must be of type .* in (\S+)$/.exec(e.detail);
  return upstreamPath(named ? named[1]! : e.field);
}

export function kubeplanPath(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/**
 * kubeplan points a bad label or annotation at its key; the API server's error is at the map
 * (`metadata.labels: Invalid value: "x": ...`), and so it is compared.
 */
function metadataMapPath(path: string): string {
  const m = /^((?:.+\.)?metadata\.(?:labels|annotations|finalizers))\..+$/.exec(path);
  return m ? m[1]! : path;
}

/** The upstream message that only says the CEL rules were skipped (kubeplan: crd-rule-not-evaluated, info). */
export function isRulesSkippedNotice(e: UpstreamError): boolean {
  return e.detail.startsWith('some validation rules were not checked because the object was invalid');
}

export type MismatchKind = 'crd-refused' | 'false-error' | 'missed-error' | 'paths' | 'defaults';

/** A disagreement between kubeplan and upstream on one case, before the documented differences are applied. */
export interface Mismatch {
  kind: MismatchKind;
  upstream: UpstreamVerdict;
  kubeplan: KubeplanVerdict;
  /** Paths only upstream refuses at, and only kubeplan gives an error at. */
  onlyUpstream: string[];
  onlyKubeplan: string[];
}

/** Compares both verdicts; undefined when they agree. */
export function compareVerdicts(upstream: UpstreamVerdict, kubeplan: KubeplanVerdict): Mismatch | undefined {
  const mismatch = (kind: MismatchKind, onlyUpstream: string[] = [], onlyKubeplan: string[] = []): Mismatch => ({
    kind,
    upstream,
    kubeplan,
    onlyUpstream,
    onlyKubeplan,
  });
  if (upstream.crdErrors?.length) return mismatch('crd-refused');
  const upstreamErrors = upstream.errors.filter((e) => !isRulesSkippedNotice(e));
  const up = new Set(upstreamErrors.map(errorPath));
  const kp = new Set(kubeplan.errors.map((f) => metadataMapPath(kubeplanPath(f.pointer))));
  // kubeplan says why a oneOf or anyOf fails in its one error at that value: the errors
  // upstream gives below it are covered by that one.
  const alternatives = kubeplan.errors
    .filter((f) => f.message.includes('alternative of the schema'))
    .map((f) => kubeplanPath(f.pointer));
  const covered = (p: string) => kp.has(p) || alternatives.some((a) => a === '' || p.startsWith(`${a}.`));
  const onlyUpstream = [...up].filter((p) => !covered(p)).sort();
  const onlyKubeplan = [...kp].filter((p) => !up.has(p)).sort();
  if (upstream.accepted && kubeplan.errors.length) return mismatch('false-error', onlyUpstream, onlyKubeplan);
  if (!upstream.accepted && !kubeplan.errors.length) return mismatch('missed-error', onlyUpstream, onlyKubeplan);
  if (onlyUpstream.length || onlyKubeplan.length) return mismatch('paths', onlyUpstream, onlyKubeplan);
  // Defaults: compared where nothing was pruned (upstream's answer is the object after pruning too).
  const pruned = upstream.errors.some((e) => e.type === 'FieldValueUnknown');
  if (!pruned && kubeplan.defaulted && upstream.defaulted) {
    const strip = (o: Record<string, unknown>) => {
      const { metadata: _m, ...rest } = o;
      return rest;
    };
    if (!isDeepStrictEqual(strip(kubeplan.defaulted), strip(upstream.defaulted))) return mismatch('defaults');
  }
  return undefined;
}

/** A readable account of a mismatch, for a failing test. */
export function describeMismatch(m: Mismatch): string {
  return JSON.stringify(
    {
      kind: m.kind,
      onlyUpstream: m.onlyUpstream,
      onlyKubeplan: m.onlyKubeplan,
      upstream: {
        accepted: m.upstream.accepted,
        errors: m.upstream.errors.map((e) => e.message),
        crdErrors: m.upstream.crdErrors?.map((e) => e.message),
      },
      upstreamDefaulted: m.kind === 'defaults' ? m.upstream.defaulted : undefined,
      kubeplan: m.kubeplan.findings.map((f) => `${f.severity} ${f.ruleId} ${f.pointer}: ${f.message}`),
      kubeplanDefaulted: m.kind === 'defaults' ? m.kubeplan.defaulted : undefined,
    },
    null,
    2,
  );
}
