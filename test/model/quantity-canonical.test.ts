import { describe, expect, it } from '@jest/globals';
import { addQuantities, canonicalQuantity, parseQuantity, type Quantity } from '../../src/model/quantity.js';

/**
 * Canonical forms as Kubernetes' `resource.Quantity.String()` writes them. Each expected value
 * is a fact from k8s.io/apimachinery's own tables (quantity_test.go: TestQuantityString with its
 * alternate spellings, TestQuantityParseEmit, TestQuantityParse), re-entered here as the
 * manifest text that produces the same value and format.
 */
const q = (text: string): Quantity => {
  const parsed = parseQuantity(text);
  if (!parsed) throw new Error(`not a quantity: ${text}`);
  return parsed;
};

describe('canonical quantities (upstream TestQuantityString)', () => {
  it.each([
    // BinarySI: the largest binary suffix that keeps a whole mantissa.
    ['1Ki', '1Ki'],
    ['1024', '1024'],
    ['1024Mi', '1Gi'],
    ['307200Ki', '300Mi'],
    ['6Ki', '6Ki'],
    ['1025024Mi', '1001Gi'],
    ['1024Gi', '1Ti'],
    ['1.5Gi', '1536Mi'],
    // BinarySI under 1024, or not whole, is written in decimal.
    ['0.0048828125Ki', '5'],
    ['0.00048828125Ki', '500m'],
    ['1.0009765625Ki', '1025'],
    ['1.2056318359375Ki', '1234567m'],
    ['0.5Ki', '512'],
    ['0.9765625Ki', '1k'],
    ['0Ki', '0'],
    // DecimalSI: the largest power of 1000 that keeps a whole mantissa.
    ['5000m', '5'],
    ['0.5', '500m'],
    ['1000M', '1G'],
    ['0.001T', '1G'],
    ['1000000k', '1G'],
    ['1000000000', '1G'],
    ['1000u', '1m'],
    ['1000m', '1'],
    ['80m', '80m'],
    ['100m', '100m'],
    ['1.08', '1080m'],
    ['1080000000n', '1080m'],
    ['300M', '300M'],
    ['1M', '1M'],
    ['1T', '1T'],
    ['1234567M', '1234567M'],
    ['3k', '3k'],
    ['1E', '1E'],
    ['1n', '1n'],
    ['80n', '80n'],
    ['1080n', '1080n'],
    ['1u', '1u'],
    ['80u', '80u'],
    ['1080u', '1080u'],
    ['0', '0'],
    ['00', '0'],
    // DecimalSI has no suffix past E: exponent notation instead of losing the magnitude.
    ['1000E', '1e21'],
    ['5000E', '5e21'],
    ['1000000E', '1e24'],
    // DecimalExponent keeps exponent notation, in multiples of 3.
    ['1e3', '1e3'],
    ['3e3', '3e3'],
    ['12e6', '12e6'],
    ['.001e12', '1e9'],
    ['0.001e0', '1e-3'],
    ['1000e-12', '1e-9'],
    ['80e-3', '80e-3'],
    ['300e6', '300e6'],
    ['1e12', '1e12'],
    ['1e21', '1e21'],
    ['1.2e3', '1200'],
    ['1.3E+6', '1300e3'],
  ])('%s is written %s (negated too)', (text, canonical) => {
    expect(canonicalQuantity(q(text))).toBe(canonical);
    expect(canonicalQuantity(q(`-${text}`))).toBe(canonical === '0' ? '0' : `-${canonical}`);
    // The canonical form reads back as the same value and is already canonical.
    expect(canonicalQuantity(q(canonical))).toBe(canonical);
  });
});

describe('values as the API server reads them (upstream TestQuantityParse, TestQuantityParseEmit)', () => {
  it.each([
    // Rounded away from zero to whole nano-units.
    ['.001Ki', '1024m'],
    ['.000001Ki', '1024u'],
    ['.000000001Ki', '1024n'],
    ['.000000000001Ki', '2n'],
    ['3.001n', '4n'],
    ['1.1E-9', '2e-9'],
    ['0.0000000001', '1n'],
    ['0.0000000005', '1n'],
    ['0.5e-9', '1e-9'],
    ['0.9n', '1n'],
    ['0.00000012345', '124n'],
    // BinarySI is capped at 2^63 - 1; DecimalSI is not.
    ['9Ei', '9223372036854775807'],
    ['9223372036854775807Ki', '9223372036854775807'],
    ['12E', '12E'],
    // Fractional binary values, and other spellings.
    ['100.035Ki', '102435840m'],
    ['0.5Mi', '512Ki'],
    ['0.05Gi', '53687091200m'],
    ['0.025Ti', '27487790694400m'],
    ['100.035k', '100035'],
    ['0.0005k', '500m'],
    ['.0001k', '100m'],
    ['10.035M', '10035k'],
    ['7.123456M', '7123456'],
    ['6.987654321G', '6987654321'],
    ['5.444T', '5444G'],
    ['2.5P', '2500T'],
    ['1.01E', '1010P'],
    ['1.', '1'],
    ['1.G', '1G'],
    ['+1Ki', '1Ki'],
  ])('%s reads as %s', (text, canonical) => {
    expect(canonicalQuantity(q(text))).toBe(canonical);
  });

  it('reads a number without digits as zero, as the API server does', () => {
    for (const text of ['.', '-.', '-', '+', 'Mi', 'k', 'e3'])
      expect([text, canonicalQuantity(q(text))]).toEqual([text, '0']);
  });

  it.each(['', '1.1.M', '1+1.0M', '0.1mi', '0.1am', 'aoeu', '.5i', '1i', '-3.01i', '-3.01e-', ' 1', '1 ', 'e', '1Ki5'])(
    'refuses %j',
    (text) => {
      expect(parseQuantity(text)).toBeUndefined();
    },
  );

  it('keeps the format of the first term of a sum, and falls back past Ei', () => {
    // 2^70: a whole number of Ei times 1024, which has no binary suffix, and no trailing zeros.
    let sum = q('1Ei');
    for (let i = 0; i < 10; i++) sum = addQuantities(sum, sum);
    expect(canonicalQuantity(sum)).toBe('1180591620717411303424');
    expect(canonicalQuantity(addQuantities(q('0Ki'), q('1e70')))).toBe('10e69');
    expect(canonicalQuantity(addQuantities(q('0Ki'), q('2e70')))).toBe('20e69');
    expect(canonicalQuantity(addQuantities(q('0Ki'), q('1e72')))).toBe('1e72');
    // Exponent notation even where an SI suffix exists: 2^70 × 1000.
    expect(canonicalQuantity(addQuantities(q('0Ki'), q('1180591620717411303424k')))).toBe('1180591620717411303424e3');
    // 2^60 + 1Ki still has a binary form.
    expect(canonicalQuantity(addQuantities(q('1Ei'), q('1Ki')))).toBe('1125899906842625Ki');
    expect(canonicalQuantity(addQuantities(q('100m'), q('1Gi')))).toBe('1073741824100m');
  });
});
