import { RE2JS } from 're2js';

/**
 * Regular expressions as the API server runs them: Go's `regexp` (RE2 syntax), for a CRD schema's
 * `pattern` and CEL's `matches()`, `find()` and `findAll()`. JavaScript's RegExp reads another
 * syntax (no `(?i)`, `\z`, `[[:alpha:]]`, `\pL`, `\Q...\E`; `\s` and `.` match other characters),
 * so patterns run on re2js, a port of Go's regexp whose syntax, errors and matches are Go's.
 */

/** A pattern Go's regexp compiles but re2js does not, or one neither compiles: its message is Go's. */
export class Re2SyntaxError extends Error {}

/** Compiled patterns: CRDs repeat theirs on every object, rules on every evaluation. */
const compiled = new Map<string, RE2JS | Re2SyntaxError>();
/** Past this many patterns (a rule building them from object data) the cache starts over. */
const CACHE_LIMIT = 5000;

/** The pattern as `regexp.Compile` reads it, or the error (`error parsing regexp: ...`). */
export function compileRe2(pattern: string): RE2JS | Re2SyntaxError {
  let result = compiled.get(pattern);
  if (!result) {
    try {
      result = RE2JS.compile(pattern);
    } catch (error) {
      result = new Re2SyntaxError(error instanceof Error ? error.message : String(error));
    }
    if (compiled.size >= CACHE_LIMIT) compiled.clear();
    compiled.set(pattern, result);
  }
  return result;
}

function compileOrThrow(pattern: string): RE2JS {
  const re = compileRe2(pattern);
  if (re instanceof Re2SyntaxError) throw re;
  return re;
}

/** `regexp.MatchString`: the pattern matches somewhere in the text (anchors are the pattern's). */
export function re2Matches(text: string, pattern: string): boolean {
  return compileOrThrow(pattern).test(text);
}

/** `FindString`: the leftmost match, or '' when there is none. */
export function re2Find(text: string, pattern: string): string {
  const m = compileOrThrow(pattern).matcher(text);
  return m.find() ? text.slice(m.start(), m.end()) : '';
}

/**
 * `FindAllString(text, limit)`: successive non-overlapping matches, at most `limit` of them (all
 * when negative). As Go, an empty match right after the previous match is skipped, and the search
 * moves one character past an empty match.
 */
export function re2FindAll(text: string, pattern: string, limit = -1): string[] {
  const m = compileOrThrow(pattern).matcher(text);
  const found: string[] = [];
  let pos = 0;
  let previousEnd = -1;
  while ((limit < 0 || found.length < limit) && pos <= text.length && m.find(pos)) {
    const start = m.start();
    const end = m.end();
    if (end === start) {
      if (start !== previousEnd) found.push('');
      // One code point on, so a surrogate pair is never split.
      pos = end + (end < text.length ? String.fromCodePoint(text.codePointAt(end)!).length : 1);
    } else {
      found.push(text.slice(start, end));
      pos = end;
    }
    previousEnd = end;
  }
  return found;
}
