import type { ASTNode } from '@marcbachmann/cel-js';

/**
 * A CRD rule rewritten, before cel-js compiles it, where cel-js reads CEL otherwise than cel-go
 * (the API server's CEL), into CEL that cel-js evaluates as cel-go evaluates the original:
 * - `has(e.f)` with any operand `e`: cel-js takes only a chain of fields on a variable
 *   (`has(self.a.b)`) and refuses `has(self.matches[0].path)` ("has() invalid argument"). The CEL
 *   spec evaluates `e` as usual and tests `f` on its value, which is what
 *   `cel.bind(v, e, has(v.f))` does;
 * - `matches()` runs Go's RE2 syntax, not JavaScript's: `s.matches(p)` and `matches(s, p)` call
 *   `re2Matches` (kubernetes-cel.ts), which runs the pattern on re2.ts.
 * The rewriting works on the text, at the places the parsed expression gives, so cel-js itself is
 * used unchanged.
 */

/** The name `matches` calls are given; kubernetes-cel.ts registers it. */
export const RE2_MATCHES = 're2Matches';

/** More rewrites than any rule needs: past this the text is left as it stands. */
const MAX_REWRITES = 64;

/** A replacement of `text.slice(start, end)`. */
interface Edit {
  start: number;
  end: number;
  replacement: string;
}

/**
 * `expression` with each `has()` on a computed operand, and each `matches()`, rewritten, as
 * `parse` parses it: the parse of the final text, which the caller uses as is (no second parse).
 */
export function rewriteForCelJs<Parsed extends { ast: ASTNode }>(
  expression: string,
  parse: (text: string) => Parsed,
): Parsed {
  let text = expression;
  const variable = freshName(expression);
  for (let i = 0; i < MAX_REWRITES; i++) {
    const parsed = parse(text);
    const edit = firstEdit(parsed.ast, text, variable(i));
    if (!edit) return parsed;
    text = text.slice(0, edit.start) + edit.replacement + text.slice(edit.end);
  }
  return parse(text);
}

/** Names for `cel.bind`, none of them found in the rule. */
function freshName(expression: string): (i: number) => string {
  let base = '__has';
  while (expression.includes(base)) base += '_';
  return (i) => `${base}${i}`;
}

/** The first rewrite the tree needs, walking from the root; undefined when there is none. */
function firstEdit(root: ASTNode, text: string, variable: string): Edit | undefined {
  const pending: unknown[] = [root];
  while (pending.length) {
    const node = pending.shift();
    if (Array.isArray(node)) {
      pending.unshift(...node);
      continue;
    }
    if (!isNode(node)) continue;
    const edit = hasEdit(node, text, variable) ?? matchesEdit(node, text);
    if (edit) return edit;
    pending.unshift(node.args);
  }
  return undefined;
}

function isNode(value: unknown): value is ASTNode {
  return typeof value === 'object' && value !== null && 'op' in value && 'args' in value;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `has(e.f1.f2)` where `e` is not a variable → `cel.bind(v, e, has(v.f1.f2))`. */
function hasEdit(node: ASTNode, text: string, variable: string): Edit | undefined {
  if (node.op !== 'call' || node.args[0] !== 'has' || node.args[1].length !== 1) return undefined;
  const fields: string[] = [];
  let operand = node.args[1][0]!;
  while (operand.op === '.') {
    fields.unshift(operand.args[1]);
    operand = operand.args[0];
  }
  if (!fields.length || operand.op === 'id' || !fields.every((f) => IDENTIFIER.test(f))) return undefined;
  // The argument's text, taken between has( and ), holds any parentheses around the operand, which
  // the operand's own range leaves out; the fields are then cut off its end.
  const call = text.slice(node.start, node.end);
  const open = /^has\s*\(/.exec(call);
  if (!open || !call.endsWith(')')) return undefined;
  let argument = call.slice(open[0].length, -1);
  for (const field of [...fields].reverse()) {
    const selected = new RegExp(`\\.\\s*${field}\\s*$`).exec(argument);
    if (!selected) return undefined;
    argument = argument.slice(0, selected.index);
  }
  return {
    start: node.start,
    end: node.end,
    replacement: `cel.bind(${variable}, ${argument.trim()}, has(${variable}.${fields.join('.')}))`,
  };
}

/** `s.matches(p)` → `s.re2Matches(p)`, `matches(s, p)` → `re2Matches(s, p)`: the name alone changes. */
function matchesEdit(node: ASTNode, text: string): Edit | undefined {
  if (node.op === 'call' && node.args[0] === 'matches' && node.args[1].length === 2) {
    const name = /^matches\b/.exec(text.slice(node.start, node.end));
    return name ? { start: node.start, end: node.start + name[0].length, replacement: RE2_MATCHES } : undefined;
  }
  if (node.op === 'rcall' && node.args[0] === 'matches' && node.args[2].length === 1) {
    // After the receiver come only the parentheses closing it, the dot and the name.
    const after = node.args[1].end;
    const name = /^[\s)]*\.\s*(matches)\s*\(/.exec(text.slice(after, node.end));
    if (!name) return undefined;
    const start = after + name[0].indexOf('matches', name[0].indexOf('.'));
    return { start, end: start + 'matches'.length, replacement: RE2_MATCHES };
  }
  return undefined;
}
