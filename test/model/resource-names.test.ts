import { describe, expect, it } from '@jest/globals';
import {
  CPU,
  EPHEMERAL_STORAGE,
  isExtendedResourceName,
  isHugePageResourceName,
  isNativeResource,
  isPrefixedNativeResource,
  isScalarResourceName,
  MEMORY,
  PODS,
} from '../../src/model/resource-names.js';

/** k8s.io/kubernetes/pkg/apis/core/v1/helper: IsHugePageResourceName, IsNativeResource, … */

describe('resource name constants', () => {
  it('are the API names', () => {
    expect([CPU, MEMORY, EPHEMERAL_STORAGE, PODS]).toEqual(['cpu', 'memory', 'ephemeral-storage', 'pods']);
  });
});

// name, hugepages, prefixed native, native, extended, scalar
const cases: Array<[string, boolean, boolean, boolean, boolean, boolean]> = [
  ['cpu', false, false, true, false, false],
  ['memory', false, false, true, false, false],
  ['ephemeral-storage', false, false, true, false, false],
  ['pods', false, false, true, false, false],
  ['hugepages-2Mi', true, false, true, false, true],
  ['hugepages-1Gi', true, false, true, false, true],
  ['hugepages', false, false, true, false, false],
  ['my-hugepages-2Mi', false, false, true, false, false],
  ['attachable-volumes-aws-ebs', false, false, true, false, true],
  ['attachable-volumes', false, false, true, false, false],
  ['kubernetes.io/batch', false, true, true, false, true],
  ['example.kubernetes.io/thing', false, true, true, false, true],
  ['nvidia.com/gpu', false, false, false, true, true],
  ['example.com/foo', false, false, false, true, true],
  ['kubernetes.io.example.com/foo', false, false, false, true, true],
  ['requests.nvidia.com/gpu', false, false, false, false, false],
  ['requests.cpu', false, false, true, false, false],
];

describe.each(cases)('%s', (name, hugePage, prefixedNative, native, extended, scalar) => {
  it(`is ${hugePage ? '' : 'not '}a hugepages name`, () => {
    expect(isHugePageResourceName(name)).toBe(hugePage);
  });
  it(`is ${prefixedNative ? '' : 'not '}in the kubernetes.io namespace`, () => {
    expect(isPrefixedNativeResource(name)).toBe(prefixedNative);
  });
  it(`is ${native ? '' : 'not '}native`, () => {
    expect(isNativeResource(name)).toBe(native);
  });
  it(`is ${extended ? '' : 'not '}extended`, () => {
    expect(isExtendedResourceName(name)).toBe(extended);
  });
  it(`is ${scalar ? '' : 'not '}scalar`, () => {
    expect(isScalarResourceName(name)).toBe(scalar);
  });
});
