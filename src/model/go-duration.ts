/**
 * Durations as Go's `time.ParseDuration` reads them: the API server uses it for CronJob schedules
 * of the form `@every <duration>`. A duration is an optional sign and one or more decimal numbers,
 * each with an optional fraction and a unit (`ns`, `us`, `µs` or `μs`, `ms`, `s`, `m`, `h`), as in
 * `1h30m`, `-1.5h` or `.5s`; the bare `0` (signed or not) is zero. The value is a signed 64-bit
 * count of nanoseconds: anything beyond it is invalid. Error texts are Go's, so users can search
 * for them.
 */

export type GoDuration = { ok: true; nanoseconds: bigint } | { ok: false; error: string };

const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['µs', 1_000n], // U+00B5 MICRO SIGN
  ['μs', 1_000n], // U+03BC GREEK SMALL LETTER MU
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
]);

/**
 * 2^63: one more than the largest duration, and the size of the smallest. Go checks for overflow
 * before each step so as not to wrap its 64 bits around; bigints do not wrap, so a check after
 * the step is enough.
 */
const LIMIT = 1n << 63n;

const DIGITS: ReadonlySet<string | undefined> = new Set('0123456789');
const isDigit = (c: string | undefined): boolean => DIGITS.has(c);

export function parseGoDuration(text: string): GoDuration {
  const fail = (message = 'invalid duration'): GoDuration => ({ ok: false, error: `time: ${message} ${quote(text)}` });
  let rest = text;
  let negative = false;
  if (rest[0] === '-' || rest[0] === '+') {
    negative = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '0') return { ok: true, nanoseconds: 0n };
  if (rest === '') return fail();
  let total = 0n;
  while (rest !== '') {
    // The whole part: too many digits is an error, not a rounding.
    let whole = 0n;
    let i = 0;
    for (; isDigit(rest[i]); i++) {
      whole = whole * 10n + BigInt(rest[i]!);
      if (whole > LIMIT) return fail();
    }
    const hasWhole = i > 0;
    rest = rest.slice(i);
    // The fraction: digits past what 63 bits hold are dropped, as Go drops them.
    let fraction = 0n;
    let scale = 1;
    let hasFraction = false;
    if (rest[0] === '.') {
      rest = rest.slice(1);
      let j = 0;
      for (; isDigit(rest[j]); j++) {
        const next = fraction * 10n + BigInt(rest[j]!);
        // Stryker disable next-line EqualityOperator: a fraction of 2^63 against the same digits but the last: float64 arithmetic (Go's too) gives the same nanoseconds in every unit
        if (next > LIMIT) break;
        fraction = next;
        scale *= 10;
      }
      while (isDigit(rest[j])) j++;
      hasFraction = j > 0;
      rest = rest.slice(j);
    }
    // Neither (a sign or a unit where a number should be) is Go's "invalid duration".
    if (!hasWhole && !hasFraction) return fail();
    let u = 0;
    while (u < rest.length && rest[u] !== '.' && !isDigit(rest[u])) u++;
    if (u === 0) return fail('missing unit in duration');
    const name = rest.slice(0, u);
    rest = rest.slice(u);
    const unit = UNITS.get(name);
    if (unit === undefined) return fail(`unknown unit ${quote(name)} in duration`);
    // Go computes the fraction's nanoseconds in float64 and truncates: the same IEEE arithmetic here.
    const value = whole * unit + BigInt(Math.trunc(Number(fraction) * (Number(unit) / scale)));
    if (value > LIMIT) return fail();
    // Go adds in unsigned 64 bits: 2^63 and 2^63 wrap around to 0, which it accepts.
    total = BigInt.asUintN(64, total + value);
    if (total > LIMIT) return fail();
  }
  if (negative) return { ok: true, nanoseconds: -total };
  if (total > LIMIT - 1n) return fail();
  return { ok: true, nanoseconds: total };
}

/**
 * A string in double quotes as Go's time package prints it in errors: `"` and `\` escaped, and
 * every byte of a non-ASCII or control character as `\xNN` (its UTF-8 encoding).
 */
function quote(text: string): string {
  let out = '"';
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (code >= 0x80 || code < 0x20) {
      for (const byte of new TextEncoder().encode(c)) out += `\\x${byte.toString(16).padStart(2, '0')}`;
    } else out += c === '"' || c === '\\' ? `\\${c}` : c;
  }
  return `${out}"`;
}
