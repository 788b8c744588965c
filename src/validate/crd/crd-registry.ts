import { Ajv, type ValidateFunction } from 'ajv';
import { formats } from '@kubernetes-models/validate';
import type { Finding } from '../../model/finding.js';
import type { Manifest } from '../../model/manifest.js';
import { toJsonSchema } from './structural-schema.js';
import { isObject } from '../../model/json.js';

interface CrdVersion {
  crd: Manifest;
  /** Pointer to the schema inside the CRD, for findings about the schema itself. */
  schemaPointer: string;
  schema: Record<string, unknown> | undefined;
  compiled?: ValidateFunction | Error;
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
      try {
        entry.compiled = this.compiler().compile(toJsonSchema(entry.schema, { root: true }));
      } catch (error) {
        entry.compiled = error as Error;
      }
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
      });
    }
    return this.ajv;
  }

  /** A finding on the CRD when its schema cannot be used. */
  static schemaProblem(entry: CrdVersion, error: Error): Finding {
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
}
