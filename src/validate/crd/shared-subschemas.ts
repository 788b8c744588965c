import { createHash } from 'node:crypto';
import type { Ajv, ValidateFunction } from 'ajv';
import { isObject } from '../../model/json.js';
import type { Schema } from './structural-schema.js';

/**
 * Compiling a CRD's schema is most of the cost of validating custom resources: ajv writes and
 * compiles one function per schema node, and the large CRDs repeat the same parts many times
 * (a container's schema under every kind of container, a pod template in each of Argo's four
 * workflow kinds, megabytes each). Here every sub-schema larger than SHARED_SIZE becomes a
 * `$ref` to a schema registered once per ajv instance under the hash of its text: ajv compiles
 * it once, however many places and CRDs hold it.
 *
 * Only the structural part is shared (`properties`, `items`, `additionalProperties`), never a
 * branch of `allOf`/`anyOf`/`oneOf`/`not`: the messages of a failed alternative group its
 * errors by their schema path below the junctor, which a `$ref` would start anew. Errors keep
 * their instance path, which is all that places a finding.
 */
const SHARED_SIZE = 2000;

const STRUCTURAL_CHILDREN = ['items', 'additionalProperties'] as const;

export class SharedSubschemas {
  private readonly registered = new Set<string>();

  constructor(private readonly ajv: Ajv) {}

  /** The validator of `schema`, its large parts compiled once for every schema that holds them. */
  compile(schema: Schema): ValidateFunction {
    return this.ajv.compile(this.share(schema));
  }

  /** `schema` with its large structural sub-schemas replaced by references to shared ones (bottom-up). */
  share(schema: Schema): Schema {
    const out: Schema = { ...schema };
    if (isObject(schema.properties)) {
      const properties: Schema = {};
      for (const [name, child] of Object.entries(schema.properties))
        properties[name] = isObject(child) ? this.child(child) : child;
      out.properties = properties;
    }
    for (const key of STRUCTURAL_CHILDREN) {
      const child = schema[key];
      if (isObject(child)) out[key] = this.child(child);
    }
    return out;
  }

  /** A child schema, shared when its text (with its own large children already references) is large. */
  private child(schema: Schema): Schema {
    const rewritten = this.share(schema);
    const text = JSON.stringify(rewritten);
    if (text.length < SHARED_SIZE) return rewritten;
    const id = `kubeplan:crd-part:${createHash('sha256').update(text).digest('hex')}`;
    if (!this.registered.has(id)) {
      this.ajv.addSchema({ ...rewritten, $id: id });
      this.registered.add(id);
    }
    return { $ref: id };
  }
}
