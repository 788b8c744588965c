import type { ErrorObject } from 'ajv';
import { findingAt, type Finding } from '../model/finding.js';
import { appendPointer, fieldPath, valueAt } from '../model/json-pointer.js';
import type { Manifest } from '../model/manifest.js';
import { groupOf } from '../model/object-ref.js';
import { builtinKindsOf, builtinType, builtinVersionsOf, isBuiltinGroup } from './builtin-kinds.js';
import { validateInChunks } from './chunked-validation.js';
import { builtinValidator } from './builtin-validators.js';
import { CrdRegistry, type CrdVersion } from './crd/crd-registry.js';
import { withStructuralDefaults } from './crd/structural-defaults.js';
import { unknownFieldPointers, withoutFields } from './crd/pruning.js';
import { embeddedResourceProblems } from './crd/object-meta.js';
import { evaluateValidationRules, type RuleSkipped } from './crd/validation-rules.js';
import { describeSchemaErrors, type IsHidden } from './schema-messages.js';
import { closestName } from './suggest.js';
import { findUnknownFields, type UnknownField } from './unknown-fields.js';
import { selectorProblems } from './selector-checks.js';
import { fieldProblems } from './field-checks/index.js';
import { cached } from '../model/maps.js';
import { REMOVED_APIS, removedApi } from '../model/deprecated-apis.js';
import { isPrerelease } from '../model/api-version.js';
import { objectFailure } from './internal-error.js';

export interface ValidateOptions {
  /** Unknown fields are errors (the default); false skips that check. */
  strict: boolean;
  crds: CrdRegistry;
}

const OBJECT_META = 'IoK8sApimachineryPkgApisMetaV1ObjectMeta';

/** Secret values never appear in messages, even when they are malformed. */
function hiddenFor(m: Manifest): IsHidden {
  if (m.ref.kind !== 'Secret' || groupOf(m.ref.apiVersion) !== '') return () => false;
  return (pointer) => pointer.startsWith('/data/') || pointer.startsWith('/stringData/');
}

function unknownFieldMessage(u: UnknownField): string {
  const where = fieldPath(u.pointer);
  if (u.didYouMean) return `${where}: unknown field "${u.field}"; did you mean "${u.didYouMean}"?`;
  if (u.belongsAt)
    return `${where}: unknown field "${u.field}" in ${u.typeName}; it belongs at ${u.belongsAt} (check the indentation)`;
  return `${where}: unknown field "${u.field}" (${u.typeName} has no such field)`;
}

/** An ajv `additionalProperties` error from a CRD schema as an unknown field. */
function unknownFromAjv(error: ErrorObject): UnknownField {
  const field = String((error.params as { additionalProperty: string }).additionalProperty);
  const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  const known = Object.keys(parent?.properties ?? {});
  const u: UnknownField = { pointer: appendPointer(error.instancePath, field), field, typeName: 'the schema' };
  const didYouMean = closestName(field, known);
  if (didYouMean) u.didYouMean = didYouMean;
  return u;
}

/** Schema errors after which the API server does not run a CRD's CEL rules. */
const BLOCKING_KEYWORDS = new Set(['type', 'required', 'enum', 'maxLength', 'maxItems', 'maxProperties']);

/**
 * Whether a schema error stops the CEL rules. A string `format` the value does not match is a
 * type error to kube-openapi (`must be of type uri`), so it blocks them too; the range of an
 * int32 or int64 is no such error.
 */
function blocksRules(e: ErrorObject): boolean {
  if (e.keyword === 'format') return !['int32', 'int64', 'float', 'double'].includes(String(e.params.format));
  return BLOCKING_KEYWORDS.has(e.keyword);
}

/**
 * An enum error on an empty string of a built-in kind. The API server checks built-in kinds with
 * its own code, not with the enums of their OpenAPI schema, and there an empty string is the
 * field left unset: defaulted (`dnsPolicy`, `imagePullPolicy`, `protocol`) or meaning "any"
 * (a toleration's `operator` and `effect`). The few required enum fields where it is refused
 * (selector operators) are checked by `selectorProblems`.
 */
function unsetEnum(error: ErrorObject, object: unknown): boolean {
  return error.keyword === 'enum' && valueAt(object, error.instancePath) === '';
}

const withRules = new WeakMap<object, boolean>();

/** Whether a CRD schema has CEL rules anywhere (worked out once per schema). */
function hasValidationRules(schema: Record<string, unknown>): boolean {
  return cached(withRules, schema, () => JSON.stringify(schema).includes('"x-kubernetes-validations"'));
}

export class ManifestValidator {
  constructor(private readonly options: ValidateOptions) {}

  /**
   * The schema findings of one object. An exception in kubeplan's own checks becomes one
   * `internal-error` finding at the object: lint, the plan and the diff all read these findings,
   * and one object must not cost the others theirs.
   */
  async validate(m: Manifest): Promise<Finding[]> {
    try {
      return await this.check(m);
    } catch (error) {
      return [objectFailure(m, 'schema', 'validate', error)];
    }
  }

  private async check(m: Manifest): Promise<Finding[]> {
    const findings: Finding[] = [];
    const hidden = hiddenFor(m);
    const schemaFinding = (pointer: string, message: string): void => {
      findings.push(findingAt(m, { ruleId: 'schema-invalid', severity: 'error', message, pointer, phase: 'schema' }));
    };
    const unknownFinding = (u: UnknownField): void => {
      findings.push(
        findingAt(m, {
          ruleId: 'schema-unknown-field',
          severity: 'error',
          message: unknownFieldMessage(u),
          pointer: u.pointer,
          phase: 'schema',
          target: 'key',
        }),
      );
    };
    const checkBuiltin = async (type: string, value: unknown, base: string): Promise<void> => {
      const validate = await builtinValidator(type);
      const errors = validateInChunks(validate, value)
        .map((e) => ({ ...e, instancePath: base + e.instancePath }))
        .filter((e) => !unsetEnum(e, m.object));
      for (const p of describeSchemaErrors(errors, m.object, hidden)) schemaFinding(p.pointer, p.message);
      if (this.options.strict) findUnknownFields(value, type, base).forEach(unknownFinding);
    };

    const { apiVersion, kind } = m.ref;
    const type = builtinType(apiVersion, kind);
    if (type) {
      await checkBuiltin(type, m.object, '');
      // Selectors the schema lets through but the API server refuses; a place the schema already
      // reported on is not reported twice.
      const reported = new Set(findings.map((f) => f.pointer));
      for (const p of [...selectorProblems(m.object), ...fieldProblems(m.object)]) {
        if (reported.has(p.pointer)) continue;
        findings.push(
          findingAt(m, {
            ruleId: 'schema-invalid',
            severity: 'error',
            message: p.message,
            pointer: p.pointer,
            phase: 'schema',
            ...(p.target ? { target: p.target } : {}),
          }),
        );
      }
    } else if (this.options.crds.has(apiVersion, kind)) {
      const found = this.options.crds.validator(apiVersion, kind)!;
      if (found.error) findings.push(CrdRegistry.schemaProblem(found.entry, found.error));
      for (const item of this.patternsNotChecked(found.entry)) findings.push(item);
      // The schema and the rules check the object as the API server stores it, defaults applied;
      // findings point into the input all the same. A schema that did not compile checks nothing.
      const defaulted =
        found.validate && found.entry.schema ? withStructuralDefaults(m.object, found.entry.schema) : m.object;
      const checked = found.validate && !found.validate(defaulted) ? [...(found.validate.errors ?? [])] : [];
      // The API server prunes unknown fields before it validates: the rest of the schema, and the
      // rules, check the object without them (an unknown field counts toward no maxProperties).
      const unknown = unknownFieldPointers(checked);
      const object = withoutFields(defaulted, unknown);
      const errors =
        unknown.length && found.validate
          ? [
              ...checked.filter((e) => e.keyword === 'additionalProperties'),
              ...(found.validate(object) ? [] : [...(found.validate.errors ?? [])]),
            ]
          : checked;
      const rest = errors.filter((e) => e.keyword !== 'additionalProperties');
      for (const p of describeSchemaErrors(rest, object, hidden)) schemaFinding(p.pointer, p.message);
      if (this.options.strict)
        errors
          .filter((e) => e.keyword === 'additionalProperties')
          .map(unknownFromAjv)
          .forEach(unknownFinding);
      // Embedded resources, as the customresource strategy checks them.
      const metaProblems =
        found.validate && found.entry.schema ? embeddedResourceProblems(object, found.entry.schema) : [];
      for (const p of metaProblems) schemaFinding(p.pointer, p.message);
      if (found.validate && found.entry.schema && hasValidationRules(found.entry.schema)) {
        // As the API server: CEL rules run unless an error leaves a value of a shape their
        // expressions cannot assume (a wrong type, a missing field, a value outside an enum or a size limit).
        if (errors.some(blocksRules) || metaProblems.some((p) => p.blocking)) {
          const message =
            'some validation rules of the CustomResourceDefinition were not checked because the object was invalid; correct the existing errors to complete validation';
          findings.push(
            findingAt(m, { ruleId: 'crd-rule-not-evaluated', severity: 'info', message, pointer: '', phase: 'schema' }),
          );
        } else {
          const { failures, skipped } = evaluateValidationRules(found.entry.schema, object);
          for (const failure of failures) schemaFinding(failure.pointer, failure.message);
          for (const skip of skipped)
            findings.push(
              ...this.ruleNotEvaluated(
                found.entry.crd,
                `${found.entry.schemaPointer}${skip.schemaPointer}`,
                skip,
                kind,
              ),
            );
        }
      }
      if (!found.validate && !found.error) {
        findings.push(
          findingAt(m, {
            ruleId: 'schema-missing',
            severity: 'info',
            message: `the CustomResourceDefinition ${found.entry.crd.ref.name} has no schema for ${apiVersion}; ${kind} objects are not validated`,
            pointer: '/kind',
            phase: 'schema',
          }),
        );
      }
      if (m.object.metadata !== undefined) await checkBuiltin(OBJECT_META, m.object.metadata, '/metadata');
    } else {
      findings.push(this.unknownKind(m));
      return findings;
    }

    const metadata = m.object.metadata as Record<string, unknown> | undefined;
    if (typeof metadata?.name !== 'string' && typeof metadata?.generateName !== 'string') {
      schemaFinding('/metadata/name', 'metadata.name: required field is missing');
    }
    return findings;
  }

  /** Places in CRDs already reported on: what kubeplan cannot check there is told once per run. */
  private readonly reportedRules = new Set<string>();

  private firstReport(crd: Manifest, pointer: string): boolean {
    const key = `${crd.source.file}|${crd.source.docIndex}|${pointer}`;
    if (this.reportedRules.has(key)) return false;
    this.reportedRules.add(key);
    return true;
  }

  /** An info finding on the CRD, once per rule and run, for a CEL rule kubeplan cannot evaluate. */
  private ruleNotEvaluated(crd: Manifest, pointer: string, skip: RuleSkipped, kind: string): Finding[] {
    if (!this.firstReport(crd, pointer)) return [];
    const message = `kubeplan cannot evaluate the validation rule "${skip.rule}" (${skip.reason}); ${kind} objects are not checked against it`;
    return [
      findingAt(crd, {
        ruleId: 'crd-rule-not-evaluated',
        severity: 'info',
        message,
        pointer: `${pointer}/rule`,
        phase: 'schema',
      }),
    ];
  }

  /**
   * An info finding on the CRD, once per run, for the patterns of its schema that kubeplan cannot
   * run (re2js refuses them), at the first of them.
   */
  private patternsNotChecked(entry: CrdVersion): Finding[] {
    const refused = entry.refusedPatterns ?? [];
    if (!refused.length || !this.firstReport(entry.crd, refused[0]!.pointer)) return [];
    const several = refused.length > 1;
    const patterns = refused.map((r) => `"${r.pattern}" (${r.reason})`).join(', ');
    return [
      findingAt(entry.crd, {
        ruleId: 'crd-rule-not-evaluated',
        severity: 'info',
        message: `kubeplan cannot run the pattern${several ? 's' : ''} ${patterns}; ${entry.kind} objects are not checked against ${several ? 'them' : 'it'}`,
        pointer: refused[0]!.pointer,
        phase: 'schema',
      }),
    ];
  }

  /** The finding for an apiVersion/kind pair that has no schema. */
  private unknownKind(m: Manifest): Finding {
    const { apiVersion, kind } = m.ref;
    const group = groupOf(apiVersion);
    // A built-in group serves a fixed set of kinds: any other is a mistake. A custom group's
    // kinds come from CRDs, and the input rarely holds them all (Argo CD's Application beside
    // the Argo Workflows CRDs): a kind no CRD of the input declares is only unchecked.
    if (isBuiltinGroup(group)) {
      const versions = builtinVersionsOf(kind);
      const kinds = builtinKindsOf(apiVersion);
      if (kinds.length && !versions.length) {
        const guess = closestName(kind, kinds);
        return findingAt(m, {
          ruleId: 'api-unknown',
          severity: 'error',
          message: `${apiVersion} has no kind "${kind}"${guess ? `; did you mean "${guess}"?` : ''}`,
          pointer: '/kind',
          phase: 'schema',
        });
      }
      if (versions.length) {
        const offByDefault = isOffByDefault(apiVersion, kind, versions);
        return findingAt(m, {
          ruleId: 'api-unknown',
          severity: offByDefault ? 'warning' : 'error',
          message: `${kind} is not served by ${apiVersion}${offByDefault ? OFF_BY_DEFAULT : ''}; ${servedInstead(kind, versions)}`,
          pointer: '/apiVersion',
          phase: 'schema',
        });
      }
      return findingAt(m, {
        ruleId: 'api-unknown',
        severity: 'error',
        message: `unknown apiVersion "${apiVersion}" for kind ${kind}`,
        pointer: '/apiVersion',
        phase: 'schema',
      });
    }
    const guess = closestName(kind, this.options.crds.kindsOf(apiVersion));
    return findingAt(m, {
      ruleId: 'schema-missing',
      severity: 'info',
      message: guess
        ? `no schema for ${kind} (${apiVersion}): no CustomResourceDefinition of the input declares it; did you mean "${guess}"? If not, add its CRD to the input or pass --crd`
        : `no schema for ${kind} (${apiVersion}): not a built-in kind and no CustomResourceDefinition declares it; add the CRD to the input or pass --crd`,
      pointer: '/kind',
      phase: 'schema',
    });
  }
}

/**
 * What to use instead of an apiVersion that never served `kind`: the first version still served,
 * or, when Kubernetes removed every version of it (PodSecurityPolicy), the last removal and what
 * replaces the kind.
 */
function servedInstead(kind: string, versions: readonly string[]): string {
  const served = versions.find((v) => !removedApi(v, kind));
  if (served) return `use ${served}`;
  // REMOVED_APIS is in release order: the removal listed last is the latest. A replacement
  // version would be among `versions`, and served: what is left is the kind's replacement.
  const last = REMOVED_APIS.findLast((r) => r.kinds.includes(kind) && versions.includes(r.apiVersion))!;
  return `Kubernetes ${last.removedIn} removed its last version, ${last.apiVersion}; use ${last.instead ?? 'another mechanism'}`;
}

const OFF_BY_DEFAULT =
  ' unless the cluster turns it on: alpha versions, and beta versions new since Kubernetes 1.24, are off by default (kube-apiserver --runtime-config)';

/**
 * An alpha or beta version of a group that serves the kind in another version
 * (`resource.k8s.io/v1beta1` ResourceClaimTemplate): the schemas kubeplan ships hold the versions
 * a default API server serves, and a cluster may turn on others. Whether it does is not known,
 * so this is a warning, not an error.
 */
function isOffByDefault(apiVersion: string, kind: string, versions: readonly string[]): boolean {
  const group = groupOf(apiVersion);
  return isPrerelease(apiVersion) && versions.some((v) => groupOf(v) === group) && !removedApi(apiVersion, kind);
}
