/**
 * Kubernetes resource quantities (`500m`, `1.5Gi`, `2e3`, `128974848`) as exact rationals, so
 * that `0.1` CPU is exactly 100 millicores (floating point would make it 100.00000000000001 and
 * round it up to 101, as Kubernetes rounds fractional milli-values up).
 */
export interface Quantity {
  /** value = num / den, den > 0, in lowest terms. */
  num: bigint;
  den: bigint;
  /** The suffix family it was written in; canonical formatting keeps it. */
  format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
}

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/;

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  while (b) [a, b] = [b, a % b];
  return a || 1n;
}

function make(num: bigint, den: bigint, format: Quantity['format']): Quantity {
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den);
  return { num: num / g, den: den / g, format };
}

/** Parses a quantity as written in a manifest (string or number); undefined when it is not one. */
export function parseQuantity(input: unknown): Quantity | undefined {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return undefined;
    input = String(input);
  }
  if (typeof input !== 'string') return undefined;
  const m = QUANTITY.exec(input.trim());
  if (!m) return undefined;
  const [, sign, whole = '', fraction = '', suffix, exponent] = m;
  if (whole === '' && fraction === '') return undefined;
  let num = BigInt(`${sign}${whole}${fraction}` || '0');
  let den = 10n ** BigInt(fraction.length);
  let format: Quantity['format'] = 'DecimalSI';
  if (exponent !== undefined) {
    format = 'DecimalExponent';
    const e = Number(exponent);
    if (Math.abs(e) > 100) return undefined;
    if (e >= 0) num *= 10n ** BigInt(e);
    else den *= 10n ** BigInt(-e);
  } else if (suffix && suffix in BINARY_SUFFIXES) {
    format = 'BinarySI';
    num *= 2n ** BigInt(BINARY_SUFFIXES[suffix]!);
  } else {
    const e = DECIMAL_SUFFIXES[suffix ?? '']!;
    if (e >= 0) num *= 10n ** BigInt(e);
    else den *= 10n ** BigInt(-e);
  }
  return make(num, den, format);
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a > 0n ? q + 1n : q;
}

/** The value in thousandths, rounded up (Kubernetes `MilliValue`): CPU millicores. */
export function milliValue(q: Quantity): number {
  return Number(ceilDiv(q.num * 1000n, q.den));
}

/** The value rounded up to an integer (Kubernetes `Value`): bytes, counts. */
export function integerValue(q: Quantity): number {
  return Number(ceilDiv(q.num, q.den));
}

/** a + b, in the format of a (as Kubernetes `Add` keeps the receiver's). */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return make(a.num * b.den + b.num * a.den, a.den * b.den, a.format);
}

export function compareQuantities(a: Quantity, b: Quantity): number {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export function sameQuantity(a: unknown, b: unknown): boolean {
  const qa = parseQuantity(a);
  const qb = parseQuantity(b);
  return qa !== undefined && qb !== undefined && compareQuantities(qa, qb) === 0;
}

/**
 * The canonical spelling Kubernetes gives a quantity: binary suffixes stay binary when the value
 * is a whole multiple of 1024 (`1024Mi` → `1Gi`); otherwise the largest decimal suffix that keeps
 * an integer (`0.5` → `500m`, `1000` → `1k`); fractions below a nano-unit round up.
 */
export function canonicalQuantity(q: Quantity): string {
  const negative = q.num < 0n;
  const abs = negative ? -q.num : q.num;
  const sign = negative ? '-' : '';
  if (abs === 0n) return '0';
  if (q.format === 'BinarySI' && q.den === 1n && abs >= 1024n) {
    let value = abs;
    let i = 0;
    const names = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
    while (i < names.length - 1 && value % 1024n === 0n) {
      value /= 1024n;
      i++;
    }
    return `${sign}${value}${names[i]}`;
  }
  // Decimal: scale to nano-units (rounding up), then use the largest suffix that divides.
  let nanos = ceilDiv(abs * 1_000_000_000n, q.den);
  const exponents: Array<[number, string]> =
    q.format === 'DecimalExponent'
      ? [
          [18, 'e18'],
          [15, 'e15'],
          [12, 'e12'],
          [9, 'e9'],
          [6, 'e6'],
          [3, 'e3'],
          [0, ''],
          [-3, 'e-3'],
          [-6, 'e-6'],
          [-9, 'e-9'],
        ]
      : [
          [18, 'E'],
          [15, 'P'],
          [12, 'T'],
          [9, 'G'],
          [6, 'M'],
          [3, 'k'],
          [0, ''],
          [-3, 'm'],
          [-6, 'u'],
          [-9, 'n'],
        ];
  for (const [exp, suffix] of exponents) {
    const unit = 10n ** BigInt(exp + 9);
    if (nanos % unit === 0n) return `${sign}${nanos / unit}${suffix}`;
  }
  nanos = nanos || 1n;
  return `${sign}${nanos}n`;
}
