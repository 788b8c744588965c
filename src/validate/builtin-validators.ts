import type { ErrorObject } from 'ajv';
import { VALIDATOR_LOADERS } from './builtin-index/validators.generated.js';

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
    const load = VALIDATOR_LOADERS[type];
    if (!load) throw new Error(`no validator for ${type}`);
    validator = load().then((m) => m.validate as CompiledValidator);
    cache.set(type, validator);
  }
  return validator;
}
