import { Ajv, type Options, type ValidateFunction } from 'ajv';
import { formats } from '@kubernetes-models/validate';
import { findingAt, type Finding } from '../../model/finding.js';
import type { Manifest } from '../../model/manifest.js';
import { toJsonSchema } from './structural-schema.js';
import { addListTypeKeyword } from './list-types.js';
import { addNumericKeyword } from './numeric.js';
import { CRD_STRING_FORMATS } from './formats.js';
import { SharedSubschemas } from './shared-subschemas.js';
import { isObject } from '../../model/json.js';
import { appendPointer } from '../../model/json-pointer.js';
import { compileRe2, Re2SyntaxError } from './re2.js';

/**
 * A `pattern` of a schema that re2js does not compile: that keyword checks nothing, and the rest
 * of the schema validates as usual. Either Go's regexp reads what re2js refuses (a duplicate group
 * name), or the API server refused the CRD itself: in neither case is an object at fault.
 */
export interface RefusedPattern {
  pattern: string;
  /** Go's error (`error parsing regexp: ...`). */
  reason: string;
  /** Pointer, inside the CRD, to the first `pattern` keyword with this text. */
  pointer: string;
}

export interface CrdVersion {
  crd: Manifest;
  /** The kind the CRD declares (`spec.names.kind`). */
  kind: string;
  /** Pointer to the schema inside the CRD, for findings about the schema itself. */
  schemaPointer: string;
  schema: Record<string, unknown> | undefined;
  compiled?: ValidateFunction | Error;
  /** The patterns re2js refused when the schema compiled; set once it compiled. */
  refusedPatterns?: readonly RefusedPattern[];
}

/** The pointer, inside a schema, to the first node whose `pattern` is this one. */
function patternPointer(schema: unknown, pattern: string, pointer = ''): string | undefined {
  if (!isObject(schema) && !Array.isArray(schema)) return undefined;
  if (isObject(schema) && schema.pattern === pattern) return appendPointer(pointer, 'pattern');
  for (const [key, value] of Object.entries(schema)) {
    const found = patternPointer(value, pattern, appendPointer(pointer, key));
    if (found) return found;
  }
  return undefined;
}

export function isCrd(m: Manifest): boolean {
  return m.ref.kind === 'CustomResourceDefinition' && m.ref.apiVersion.startsWith('apiextensions.k8s.io/');
}

/**
 * Custom resource schemas from the CustomResourceDefinitions of the input (and of `--crd`),
 * compiled on first use.
 */
export class CrdRegistry {
  private readonly versions = new Map<string, CrdVersion>();
  /** The schema compiler, made on first use. */
  private shared: SharedSubschemas | undefined;
  /** Where the pattern engine notes what re2js refuses, while a schema compiles. */
  private refusing: Array<Omit<RefusedPattern, 'pointer'>> | undefined;

  constructor(crds: readonly Manifest[]) {
    for (const crd of crds) this.add(crd);
  }

  private add(crd: Manifest): void {
    const spec = isObject(crd.object.spec) ? crd.object.spec : {};
    const group = typeof spec.group === 'string' ? spec.group : '';
    const names = isObject(spec.names) ? spec.names : {};
    const kind = typeof names.kind === 'string' ? names.kind : '';
    if (!group || !kind || (!Array.isArray(spec.versions) && !isObject(spec.validation))) return;
    // apiextensions.k8s.io/v1beta1 could give one schema for every version.
    const shared =
      isObject(spec.validation) && isObject(spec.validation.openAPIV3Schema)
        ? spec.validation.openAPIV3Schema
        : undefined;
    const versions = Array.isArray(spec.versions)
      ? spec.versions
      : typeof spec.version === 'string'
        ? [{ name: spec.version }]
        : [];
    versions.forEach((v: unknown, i) => {
      if (!isObject(v) || typeof v.name !== 'string') return;
      const own = isObject(v.schema) && isObject(v.schema.openAPIV3Schema) ? v.schema.openAPIV3Schema : undefined;
      const schemaPointer = own
        ? `/spec/versions/${i}/schema/openAPIV3Schema`
        : shared
          ? '/spec/validation/openAPIV3Schema'
          : `/spec/versions/${i}`;
      const key = `${group}/${v.name} ${kind}`;
      if (!this.versions.has(key)) this.versions.set(key, { crd, kind, schemaPointer, schema: own ?? shared });
    });
  }

  /** True when a CRD declares this apiVersion and kind. */
  has(apiVersion: string, kind: string): boolean {
    return this.versions.has(`${apiVersion} ${kind}`);
  }

  /** Kinds declared for a group, for "did you mean" on a misspelled kind. */
  kindsOf(apiVersion: string): string[] {
    return [...this.versions.keys()]
      .filter((k) => k.startsWith(`${apiVersion} `))
      .map((k) => k.slice(apiVersion.length + 1));
  }

  /**
   * The validator for a custom resource; `undefined` when its CRD has no schema, an Error when
   * the schema cannot be compiled.
   */
  validator(
    apiVersion: string,
    kind: string,
  ): { validate?: ValidateFunction; error?: Error; entry: CrdVersion } | undefined {
    const entry = this.versions.get(`${apiVersion} ${kind}`);
    if (!entry) return undefined;
    if (!entry.schema) return { entry };
    if (!entry.compiled) {
      const refused: Array<Omit<RefusedPattern, 'pointer'>> = [];
      this.refusing = refused;
      try {
        entry.compiled = this.compiler().compile(toJsonSchema(entry.schema, { root: true }));
        entry.refusedPatterns = refused.map((r) => ({
          ...r,
          pointer: `${entry.schemaPointer}${patternPointer(entry.schema, r.pattern) ?? ''}`,
        }));
      } catch (error) {
        entry.compiled = error as Error;
      } finally {
        this.refusing = undefined;
      }
    }
    return entry.compiled instanceof Error ? { error: entry.compiled, entry } : { validate: entry.compiled, entry };
  }

  private compiler(): SharedSubschemas {
    if (!this.shared) {
      const ajv = new Ajv({
        allErrors: true,
        verbose: true,
        strict: false,
        logger: false,
        // The numeric formats from kubernetes-models, the string ones as the API server checks them for CRDs.
        formats: {
          int32: formats.int32,
          int64: formats.int64,
          float: formats.float,
          double: formats.double,
          ...CRD_STRING_FORMATS,
        } as never,
        validateFormats: true,
        code: { regExp: this.re2Engine() },
        // Shared parts stay functions of their own, compiled once (shared-subschemas.ts).
        inlineRefs: false,
      });
      addListTypeKeyword(ajv);
      addNumericKeyword(ajv);
      this.shared = new SharedSubschemas(ajv);
    }
    return this.shared;
  }

  /**
   * `pattern` as the API server reads it: Go's regexp (RE2 syntax: `(?i)`, `\z`, `[[:alpha:]]`,
   * `\pL`, ...), not JavaScript's RegExp. A pattern re2js refuses checks nothing and is noted.
   */
  private re2Engine(): NonNullable<NonNullable<Options['code']>['regExp']> {
    const engine = (pattern: string) => {
      const re = compileRe2(pattern);
      if (re instanceof Re2SyntaxError) {
        this.refusing?.push({ pattern, reason: re.message });
        return { test: () => true, toString: () => `unchecked ${pattern}` };
      }
      // Ajv shares one compiled pattern between schemas by this text.
      return { test: (text: string) => re.test(text), toString: () => `re2 ${pattern}` };
    };
    return Object.assign(engine, { code: 'kubeplanRe2' });
  }

  /** A finding on the CRD when its schema cannot be used. */
  static schemaProblem(entry: CrdVersion, error: Error): Finding {
    return findingAt(entry.crd, {
      ruleId: 'crd-schema-invalid',
      severity: 'warning',
      message: `this schema cannot be used to validate ${entry.crd.ref.name} resources: ${error.message}`,
      pointer: entry.schemaPointer,
      phase: 'schema',
    });
  }
}
