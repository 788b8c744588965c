import { describe, expect, it } from '@jest/globals';
import { replacementAdvice } from '../../src/lint/api-replacement.js';
import type { RemovedApi } from '../../src/model/deprecated-apis.js';
import { parseKubeVersion } from '../../src/lint/kube-version.js';

const FLOWCONTROL_V1BETA1: RemovedApi = {
  apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1',
  kinds: ['FlowSchema', 'PriorityLevelConfiguration'],
  removedIn: '1.26',
  replacements: [
    { apiVersion: 'flowcontrol.apiserver.k8s.io/v1', since: '1.29' },
    { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', since: '1.26' },
    { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', since: '1.23' },
  ],
};

const version = (text: string) => parseKubeVersion(text)!;

describe('replacementAdvice', () => {
  it('advises the newest replacement the target release serves', () => {
    expect(replacementAdvice(FLOWCONTROL_V1BETA1, version('1.27'))).toBe(
      'use flowcontrol.apiserver.k8s.io/v1beta3 (available since 1.26)',
    );
  });

  it('advises the oldest replacement when the target release serves none', () => {
    expect(replacementAdvice(FLOWCONTROL_V1BETA1, version('1.20'))).toBe(
      'use flowcontrol.apiserver.k8s.io/v1beta2 (available since 1.23)',
    );
  });

  it('names what to use instead when no API replaces it', () => {
    const psp: RemovedApi = {
      apiVersion: 'policy/v1beta1',
      kinds: ['PodSecurityPolicy'],
      removedIn: '1.25',
      replacements: [],
      instead: 'Pod Security Admission',
    };
    expect(replacementAdvice(psp, version('1.25'))).toBe('nothing replaces it; use Pod Security Admission');
    expect(replacementAdvice({ ...psp, instead: undefined }, version('1.25'))).toBe(
      'nothing replaces it; use another mechanism',
    );
  });
});
