import type { LoadedInputs } from '../load/inputs.js';
import type { Finding } from '../model/finding.js';
import type { Manifest } from '../model/manifest.js';
import { CrdRegistry } from '../validate/crd/crd-registry.js';
import { ManifestValidator } from '../validate/validate-manifests.js';

/** The schema findings of each manifest of a run (unknown fields included), worked out once. */
export interface Validation {
  /** The findings of one manifest of the run, in the validator's order. */
  of(manifest: Manifest): Promise<readonly Finding[]>;
}

const validations = new WeakMap<LoadedInputs, Validation>();

/**
 * Validates the manifests of a run against their schemas once, with one registry of the run's
 * CustomResourceDefinitions: lint reports the findings, the plan and the diff decide from the
 * same findings which objects the API server refuses. Strict (unknown fields included): lint
 * leaves those out under `--no-strict`, the API server drops them.
 */
export function validateInputs(loaded: LoadedInputs): Validation {
  const known = validations.get(loaded);
  if (known) return known;
  const validator = new ManifestValidator({ strict: true, crds: new CrdRegistry(loaded.crdManifests) });
  const results = new Map<Manifest, Promise<readonly Finding[]>>();
  const validation: Validation = {
    of(manifest) {
      let found = results.get(manifest);
      if (!found) {
        found = validator.validate(manifest);
        results.set(manifest, found);
      }
      return found;
    },
  };
  validations.set(loaded, validation);
  return validation;
}
