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
/** Decimal exponents (multiples of 3) back to their SI suffix, for canonical formatting. */
const SUFFIX_OF_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([suffix, exp]) => [exp, suffix]));
const BINARY_NAMES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

const NANO = 1_000_000_000n;
/** The largest BinarySI magnitude the API server keeps (2^63 - 1); larger ones are capped to it. */
const MAX_BINARY = 2n ** 63n - 1n;

/**
 * The grammar of a quantity. Digits may be absent: the API server reads `Mi`, `.`, `-` or `e3`
 * alone as zero. No white space is allowed anywhere (" 1" and "1 " are refused).
 */
const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/;

function absolute(x: bigint): bigint {
  // Stryker disable next-line EqualityOperator: for x = 0, -x is 0 too
  return x < 0n ? -x : x;
}

function gcd(a: bigint, b: bigint): bigint {
  a = absolute(a);
  while (b) [a, b] = [b, a % b];
  return a || 1n;
}

/** The quantity num / den in lowest terms; den > 0 (NANO, or a product of two denominators). */
function make(num: bigint, den: bigint, format: Quantity['format']): Quantity {
  const g = gcd(num, den);
  return { num: num / g, den: den / g, format };
}

/** |a| / b rounded up (b > 0), with the sign of a: rounding away from zero. */
function divideAwayFromZero(a: bigint, b: bigint): bigint {
  const q = (absolute(a) + b - 1n) / b;
  // Stryker disable next-line EqualityOperator: for a = 0, q is 0 and -q is 0 too
  return a < 0n ? -q : q;
}

/**
 * Parses a quantity as written in a manifest (string or number); undefined when it is not one.
 * As the API server does when it reads one, the value is rounded away from zero to a whole
 * number of nano-units (`0.1n` is `1n`), a BinarySI value is capped at 2^63 - 1, and a BinarySI
 * value between -1 and 1 becomes DecimalSI.
 */
export function parseQuantity(input: unknown): Quantity | undefined {
  if (typeof input === 'number') {
    // Stryker disable next-line ConditionalExpression: String() gives `Infinity` or `NaN`, which the grammar refuses too
    if (!Number.isFinite(input)) return undefined;
    input = String(input);
  }
  if (typeof input !== 'string' || input === '') return undefined;
  const m = QUANTITY.exec(input);
  if (!m) return undefined;
  // Stryker disable next-line StringLiteral: the group of the whole digits, (\d*), always takes part in a match
  const [, sign, whole = '', fraction = '', suffix, exponent] = m;
  // Stryker disable next-line StringLiteral: BigInt('') is 0n too
  let num = BigInt(`${whole}${fraction}` || '0');
  if (sign === '-') num = -num;
  let den = 10n ** BigInt(fraction.length);
  let format: Quantity['format'] = 'DecimalSI';
  if (exponent !== undefined) {
    format = 'DecimalExponent';
    const e = Number(exponent);
    // Kubernetes allows any 32-bit exponent; exact arithmetic on 10^e stays cheap up to here.
    if (Math.abs(e) > 100) return undefined;
    // Stryker disable next-line EqualityOperator: for e = 0, den *= 10^0 leaves it as it is
    if (e >= 0) num *= 10n ** BigInt(e);
    else den *= 10n ** BigInt(-e);
  } else if (suffix && suffix in BINARY_SUFFIXES) {
    format = 'BinarySI';
    num *= 2n ** BigInt(BINARY_SUFFIXES[suffix]!);
  } else {
    const e = DECIMAL_SUFFIXES[suffix ?? '']!;
    // Stryker disable next-line EqualityOperator: for e = 0, den *= 10^0 leaves it as it is
    if (e >= 0) num *= 10n ** BigInt(e);
    else den *= 10n ** BigInt(-e);
  }
  let nanos = divideAwayFromZero(num * NANO, den);
  const magnitude = absolute(nanos);
  // Stryker disable next-line EqualityOperator: capping a value at the cap leaves it as it is
  if (format === 'BinarySI' && magnitude > MAX_BINARY * NANO)
    // Stryker disable next-line EqualityOperator: nanos is not 0 here (its magnitude is past the cap)
    nanos = nanos < 0n ? -MAX_BINARY * NANO : MAX_BINARY * NANO;
  if (format === 'BinarySI' && magnitude > 0n && magnitude < NANO) format = 'DecimalSI';
  return make(nanos, NANO, format);
}

/** a / b rounded up (towards +∞) for b > 0: BigInt division truncates towards zero, which is already up for a < 0. */
export function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  // Stryker disable next-line EqualityOperator: a = 0 leaves no remainder
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
 * A positive whole number as 1024^power × mantissa with the largest power, or undefined when
 * that power has no binary suffix (past `Ei`).
 */
function binaryForm(value: bigint): string | undefined {
  let power = 0;
  while (value % 1024n === 0n) {
    value /= 1024n;
    power++;
  }
  return power < BINARY_NAMES.length ? `${value}${BINARY_NAMES[power]}` : undefined;
}

/**
 * A positive number of nano-units as mantissa × 10^exponent: the largest exponent that is a
 * multiple of 3 and keeps the mantissa whole.
 */
function decimalForm(nanos: bigint): { mantissa: bigint; exponent: number } {
  let mantissa = nanos;
  let exponent = -9;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  const extra = ((exponent % 3) + 3) % 3;
  return { mantissa: mantissa * 10n ** BigInt(extra), exponent: exponent - extra };
}

/**
 * The canonical spelling Kubernetes gives a quantity (`resource.Quantity.String()`): BinarySI
 * values that are whole and at least 1024 in magnitude keep a binary suffix (`1024Mi` → `1Gi`,
 * `1025` stays `1025`); everything else is written with the largest power of 1000 that keeps a
 * whole mantissa (`0.5` → `500m`, `1000` → `1k`, `12e6` → `12e6`). DecimalSI has no suffix past
 * `E` and BinarySI none past `Ei`: such values fall back to exponent notation (`1000E` → `1e21`)
 * rather than lose their magnitude.
 */
export function canonicalQuantity(q: Quantity): string {
  const abs = absolute(q.num);
  // Stryker disable next-line EqualityOperator: zero is written `0` below, without its sign
  const sign = q.num < 0n ? '-' : '';
  if (abs === 0n) return '0';
  // Whether a power of 1000 is written as its SI suffix (`1k`) rather than as an exponent (`1e3`).
  let siSuffix = q.format === 'DecimalSI';
  if (q.format === 'BinarySI') {
    const bigWhole = q.den === 1n && abs >= 1024n; // whole, and at least 1Ki
    const binary = bigWhole ? binaryForm(abs) : undefined;
    if (binary !== undefined) return `${sign}${binary}`;
    // Small or fractional values read better in decimal; a whole value is here only when it is
    // past Ei, which has no binary suffix: it is written with an exponent.
    siSuffix = !bigWhole;
  }
  const { mantissa, exponent } = decimalForm(divideAwayFromZero(abs * NANO, q.den));
  const suffix =
    siSuffix && SUFFIX_OF_EXPONENT.has(exponent)
      ? SUFFIX_OF_EXPONENT.get(exponent)!
      : exponent === 0
        ? ''
        : `e${exponent}`;
  return `${sign}${mantissa}${suffix}`;
}
