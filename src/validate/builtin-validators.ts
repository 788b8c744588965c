import type { ErrorObject } from 'ajv';

/** A precompiled validator of kubernetes-models: returns true or sets `errors`. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const cache = new Map<string, Promise<CompiledValidator>>();

/**
 * Loads the validator of a built-in type. Each type's validator is its own module, imported on
 * first use, so a run only loads the schemas of the kinds it meets.
 */
export function builtinValidator(type: string): Promise<CompiledValidator> {
  let validator = cache.get(type);
  if (!validator) {
    const specifier = type.startsWith('IoK8sApimachinery')
      ? `@kubernetes-models/apimachinery/_schemas/${type}`
      : `kubernetes-models/_schemas/${type}`;
    validator = import(specifier).then((m: { validate: CompiledValidator }) => m.validate);
    cache.set(type, validator);
  }
  return validator;
}
