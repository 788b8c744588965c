import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_KUBERNETES_VERSION,
  MODELS_VERSION_OF_DEFAULT,
  parseKubeVersion,
  schemaModelsVersion,
} from '../../src/lint/kube-version.js';

describe('the target Kubernetes version', () => {
  it('defaults to the release whose schemas kubeplan ships (update both when kubernetes-models changes)', () => {
    expect(schemaModelsVersion()).toBe(MODELS_VERSION_OF_DEFAULT);
    expect(DEFAULT_KUBERNETES_VERSION).toBe('1.36');
  });

  it('reads the usual spellings and nothing else', () => {
    expect(parseKubeVersion('1.30')).toEqual({ major: 1, minor: 30 });
    expect(parseKubeVersion('v1.29.4')).toEqual({ major: 1, minor: 29 });
    expect(parseKubeVersion('1.3O')).toBeUndefined();
    expect(parseKubeVersion('latest')).toBeUndefined();
  });

  it('reads numbers of several digits in every part', () => {
    expect(parseKubeVersion('10.2')).toEqual({ major: 10, minor: 2 });
    expect(parseKubeVersion('1.29.14')).toEqual({ major: 1, minor: 29 });
  });

  it('ignores spaces around the version, as a configuration value may carry them', () => {
    expect(parseKubeVersion(' v1.30 ')).toEqual({ major: 1, minor: 30 });
  });

  it('accepts nothing before the version', () => {
    expect(parseKubeVersion('go1.30')).toBeUndefined();
    expect(parseKubeVersion('kubernetes 1.30')).toBeUndefined();
  });
});
