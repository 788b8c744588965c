import { Ajv, type Options, type ValidateFunction } from 'ajv';
import { formats } from '@kubernetes-models/validate';
import type { Finding } from '../../model/finding.js';
import type { Manifest } from '../../model/manifest.js';
import { toJsonSchema } from './structural-schema.js';
import { isObject } from '../../model/json.js';
import { appendPointer } from '../../model/json-pointer.js';
import { compileRe2, Re2SyntaxError } from './re2.js';

interface CrdVersion {
  crd: Manifest;
  /** Pointer to the schema inside the CRD, for findings about the schema itself. */
  schemaPointer: string;
  schema: Record<string, unknown> | undefined;
  compiled?: ValidateFunction | Error;
}

/**
 * Patterns of a schema that re2js does not compile: that keyword checks nothing, and the rest of
 * the schema validates as usual. Either Go's regexp reads what re2js refuses (a duplicate group
 * name), or the API server refused the CRD itself: in neither case is an object at fault, so this
 * is told once, as an info.
 */
export class PatternsNotChecked extends Error {
  constructor(readonly patterns: ReadonlyArray<{ pattern: string; error: Re2SyntaxError }>) {
    super(patterns.map((p) => `"${p.pattern}" (${p.error.message})`).join(', '));
  }
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
  private ajv: Ajv | undefined;
  /** Patterns re2js refused while the schema being compiled was compiled. */
  private unusablePatterns: Array<{ pattern: string; error: Re2SyntaxError }> = [];

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
      if (!this.versions.has(key)) this.versions.set(key, { crd, schemaPointer, schema: own ?? shared });
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
   * the schema cannot be compiled. When it compiles but some of its patterns cannot be used, the
   * call that compiled it gives both the validator and a PatternsNotChecked error, so that it is
   * told once.
   */
  validator(
    apiVersion: string,
    kind: string,
  ): { validate?: ValidateFunction; error?: Error; entry: CrdVersion } | undefined {
    const entry = this.versions.get(`${apiVersion} ${kind}`);
    if (!entry) return undefined;
    if (!entry.schema) return { entry };
    if (!entry.compiled) {
      this.unusablePatterns = [];
      try {
        entry.compiled = this.compiler().compile(toJsonSchema(entry.schema, { root: true }));
      } catch (error) {
        entry.compiled = error as Error;
      }
      if (!(entry.compiled instanceof Error) && this.unusablePatterns.length)
        return { validate: entry.compiled, error: new PatternsNotChecked(this.unusablePatterns), entry };
    }
    return entry.compiled instanceof Error ? { error: entry.compiled, entry } : { validate: entry.compiled, entry };
  }

  private compiler(): Ajv {
    if (!this.ajv) {
      this.ajv = new Ajv({
        allErrors: true,
        verbose: true,
        strict: false,
        logger: false,
        formats: formats as never,
        validateFormats: true,
        code: { regExp: this.re2Engine() },
      });
    }
    return this.ajv;
  }

  /**
   * `pattern` as the API server reads it: Go's regexp (RE2 syntax: `(?i)`, `\z`, `[[:alpha:]]`,
   * `\pL`, ...), not JavaScript's RegExp. A pattern re2js refuses checks nothing and is noted.
   */
  private re2Engine(): NonNullable<NonNullable<Options['code']>['regExp']> {
    const engine = (pattern: string) => {
      const re = compileRe2(pattern);
      if (re instanceof Re2SyntaxError) {
        this.unusablePatterns.push({ pattern, error: re });
        return { test: () => true, toString: () => `unchecked ${pattern}` };
      }
      // Ajv shares one compiled pattern between schemas by this text.
      return { test: (text: string) => re.test(text), toString: () => `re2 ${pattern}` };
    };
    return Object.assign(engine, { code: 'kubeplanRe2' });
  }

  /** A finding on the CRD when its schema cannot be used, or one of its patterns cannot. */
  static schemaProblem(entry: CrdVersion, error: Error): Finding {
    if (error instanceof PatternsNotChecked) return CrdRegistry.patternsNotChecked(entry, error);
    const pos = entry.crd.locate(entry.schemaPointer);
    return {
      ruleId: 'crd-schema-invalid',
      severity: 'warning',
      message: `this schema cannot be used to validate ${entry.crd.ref.name} resources: ${error.message}`,
      file: entry.crd.source.file,
      line: pos.line,
      column: pos.column,
      endLine: pos.endLine,
      endColumn: pos.endColumn,
      object: entry.crd.ref,
      pointer: entry.schemaPointer,
      phase: 'schema',
    };
  }

  /** The info for the patterns kubeplan cannot run, at the first of them. */
  private static patternsNotChecked(entry: CrdVersion, error: PatternsNotChecked): Finding {
    const pointer = `${entry.schemaPointer}${patternPointer(entry.schema, error.patterns[0]!.pattern) ?? ''}`;
    const pos = entry.crd.locate(pointer);
    const spec = isObject(entry.crd.object.spec) ? entry.crd.object.spec : {};
    const kind = isObject(spec.names) && typeof spec.names.kind === 'string' ? spec.names.kind : entry.crd.ref.name;
    const several = error.patterns.length > 1;
    return {
      ruleId: 'crd-rule-not-evaluated',
      severity: 'info',
      message: `kubeplan cannot run the pattern${several ? 's' : ''} ${error.message}; ${kind} objects are not checked against ${several ? 'them' : 'it'}`,
      file: entry.crd.source.file,
      line: pos.line,
      column: pos.column,
      endLine: pos.endLine,
      endColumn: pos.endColumn,
      object: entry.crd.ref,
      pointer,
      phase: 'schema',
    };
  }
}
