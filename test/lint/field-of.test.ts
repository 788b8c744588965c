import { describe, expect, it } from '@jest/globals';
import { fieldOf, isNumber, isString, WRONG_TYPE } from '../../src/lint/field-of.js';

describe('fieldOf', () => {
  it('reads a null step on the path as absent, as the API server reads null', () => {
    expect(fieldOf({ metadata: null }, ['metadata', 'namespace'], isString)).toBeUndefined();
    expect(fieldOf({ metadata: { namespace: null } }, ['metadata', 'namespace'], isString)).toBeUndefined();
  });

  it('reads a step that is not an object as the wrong type', () => {
    expect(fieldOf({ metadata: 'x' }, ['metadata', 'namespace'], isString)).toBe(WRONG_TYPE);
  });

  it('gives the value when it has the type, and the wrong type otherwise', () => {
    expect(fieldOf({ spec: { replicas: 3 } }, ['spec', 'replicas'], isNumber)).toBe(3);
    expect(fieldOf({ spec: { replicas: '3' } }, ['spec', 'replicas'], isNumber)).toBe(WRONG_TYPE);
  });
});
