import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { renderIndex, renderValidatorLoaders } from '../../src/validate/builtin-index/generate.js';
import { BUILTIN_INDEX } from '../../src/validate/builtin-index/index.generated.js';

describe('built-in schema index', () => {
  it('is up to date with the installed kubernetes-models (run npm run generate:index)', () => {
    expect(readFileSync('src/validate/builtin-index/index.generated.ts', 'utf8')).toBe(renderIndex());
    expect(readFileSync('src/validate/builtin-index/validators.generated.ts', 'utf8')).toBe(renderValidatorLoaders());
  });

  it('covers the kinds of a current Kubernetes release', () => {
    for (const key of [
      'v1 Pod',
      'apps/v1 Deployment',
      'batch/v1 CronJob',
      'networking.k8s.io/v1 Ingress',
      'autoscaling/v2 HorizontalPodAutoscaler',
      'policy/v1 PodDisruptionBudget',
      'resource.k8s.io/v1 ResourceClaim',
      'networking.k8s.io/v1 ServiceCIDR',
    ]) {
      expect(BUILTIN_INDEX.kinds[key]).toBeDefined();
    }
    // Fields added in Kubernetes 1.33+ prove the release is current.
    expect(BUILTIN_INDEX.types.IoK8sApiCoreV1PodSpec).toHaveProperty('hostnameOverride');
  });
});
