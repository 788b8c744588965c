import type { YAMLError } from 'yaml';

/**
 * Whether a parse error is a syntax error: every error but a duplicate key, which is read as
 * written and only makes kubectl refuse the document.
 */
export function isSyntaxError(error: YAMLError): boolean {
  return error.code !== 'DUPLICATE_KEY';
}

/**
 * The parse errors of a document that become findings. After a syntax error the parser goes on,
 * and reads what follows as something else: an unclosed quote brings errors about the keys and
 * brackets after it, one cause and five errors. kubectl's reader stops at the first, and the
 * document is skipped either way, so only the first syntax error is reported, with the duplicate
 * keys before it (those are real: the text up to the error was read as written).
 */
export function reportedErrors(errors: readonly YAMLError[]): YAMLError[] {
  // Where the parser's recursion gives out depends on the stack left (a warm process has
  // smaller frames): that error alone is reported, the others depend on where it broke.
  const overflow = errors.find(isStackOverflow);
  if (overflow) return [overflow];
  const byPosition = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const firstSyntax = byPosition.findIndex(isSyntaxError);
  return firstSyntax === -1 ? byPosition : byPosition.slice(0, firstSyntax + 1);
}

/**
 * The parser ran out of stack on a deeply nested document. Its position is where the stack gave
 * out, which varies from run to run: such an error is reported at the document's start.
 */
export function isStackOverflow(error: YAMLError): boolean {
  return STACK_OVERFLOW.test(error.message);
}

const STACK_OVERFLOW = /Maximum call stack size exceeded/;

/** Messages of the `yaml` package that end with a piece of the text: the piece is dropped. */
const ENDS_WITH_TEXT =
  /^(Invalid escape sequence|Block scalar header includes extra characters|Unresolved alias \(the anchor must be set before the alias\)):?\s.*$/;

/**
 * A parser message without the values it quotes. A syntax error inside a Secret quotes the
 * secret (`Unexpected scalar token in YAML stream: "hunter2"`), and every message goes to CI
 * logs and review comments: a quoted piece of text is kept only when it holds no letter or digit
 * (`"}"`, `","`: syntax, not data), else it is replaced by its length.
 */
export function withoutValues(message: string): string {
  // The parser's own recursion gave out: say what it means for the input, not where it broke.
  if (STACK_OVERFLOW.test(message))
    return 'the document nests too deeply (thousands of levels) for kubeplan to read; not checked';
  return message
    .replace(ENDS_WITH_TEXT, '$1')
    .replace(/"((?:[^"\\]|\\.)*)"/g, (quoted, inner: string) =>
      /[\p{L}\p{N}]/u.test(inner) ? `a text of ${inner.length} characters` : quoted,
    );
}
