import { describe, expect, it } from '@jest/globals';
import { canonicalJson } from '../../src/model/json.js';
import { canonicalJsonFnv1a32, fnv1a32 } from '../../src/simulate/objects/names.js';

describe('canonicalJsonFnv1a32', () => {
  it.each([
    ['a scalar', 'web'],
    ['null and undefined', [null, undefined, { a: undefined, b: null }]],
    ['keys out of order', { spec: { b: 1, a: [true, false, 2.5, -0] }, metadata: {} }],
    ['empty containers', { a: {}, b: [], c: [{}] }],
    ['non-ASCII text', { clé: 'häfen', emoji: '🚀 launch', cjk: ['漢字'] }],
    ['escapes', { 'quote"key': 'line\nbreak\ttab\\', lone: '\ud800' }],
    ['a function and a symbol', [() => 1, Symbol('s')]],
  ])('hashes %s as fnv1a32 of its canonical JSON', (_, value) => {
    expect(canonicalJsonFnv1a32(value)).toBe(fnv1a32(canonicalJson(value)));
  });
});
