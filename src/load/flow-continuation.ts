/**
 * Where the lines of a flow collection (`[...]`, `{...}`) or a quoted scalar continue, as
 * kubectl's reader (go-yaml v2) scans them. go-yaml ignores indentation inside these: a
 * multi-line `args: ["...` may continue, and close, at any column, even the parent's or the
 * first. The YAML spec, and the `yaml` package with it, want every such line indented more than
 * the parent block, so the package stops the construct at the first line that is not, and reads
 * what follows as new (broken) block content. This scanner finds the lines go-yaml reads as part
 * of the construct, so that flow-indentation.ts can indent them for the package.
 */

/** A line that starts inside the construct. */
export interface ContinuationLine {
  /** Offset of the line's first character. */
  offset: number;
  /** Spaces at the start of the line. */
  spaces: number;
  /** Only blanks (or nothing) on the line. */
  blank: boolean;
  /**
   * The line continues an unquoted scalar and its indentation holds a tab: go-yaml refuses a tab
   * there ("found a tab character that violates indentation") unless it comes after the block
   * indentation, so the line is left for the `yaml` package to judge.
   */
  tabInPlain: boolean;
}

const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isBlankOrEnd = (c: string | undefined): boolean => c === undefined || isBlank(c) || isBreak(c);
const FLOW_INDICATORS = ',[]{}';

/** `---` or `...` at the start of a line, then a blank or the end: go-yaml ends any construct there, with an error. */
function isDocumentMarker(text: string, offset: number): boolean {
  const marker = text.slice(offset, offset + 3);
  return (marker === '---' || marker === '...') && isBlankOrEnd(text[offset + 3]);
}

class Scan {
  pos: number;
  readonly lines: ContinuationLine[] = [];
  constructor(
    readonly text: string,
    start: number,
  ) {
    this.pos = start;
  }

  /** Steps over the line break at `pos`; false at a document marker, which ends the scan with go-yaml's error. */
  newLine(inPlain: boolean): boolean {
    const { text } = this;
    const offset = ++this.pos;
    if (isDocumentMarker(text, offset)) return false;
    let spaces = 0;
    while (text[offset + spaces] === ' ') spaces++;
    let end = offset + spaces;
    while (isBlank(text[end])) end++;
    this.lines.push({
      offset,
      spaces,
      blank: end >= text.length || isBreak(text[end]),
      tabInPlain: inPlain && text[offset + spaces] === '\t',
    });
    return true;
  }

  /** A quoted scalar from its opening quote at `pos` to after its closing one; false when it never closes. */
  quoted(): boolean {
    const { text } = this;
    const quote = text[this.pos]!;
    this.pos++;
    while (this.pos < text.length) {
      const c = text[this.pos];
      if (c === '\n') {
        if (!this.newLine(false)) return false;
      } else if (quote === "'" && c === "'") {
        // `''` is an escaped quote.
        if (text[this.pos + 1] !== "'") {
          this.pos++;
          return true;
        }
        this.pos += 2;
      } else if (quote === '"' && c === '"') {
        this.pos++;
        return true;
      } else if (quote === '"' && c === '\\') {
        // An escape: the next character is not a closing quote. An escaped line break still starts a line.
        this.pos += text[this.pos + 1] === '\n' ? 1 : 2;
      } else {
        this.pos++;
      }
    }
    return false;
  }

  /**
   * A flow collection from its opening bracket at `pos` to after its closing one, token by token
   * as go-yaml's scanner reads flow content; false when it never closes.
   */
  flow(): boolean {
    const { text } = this;
    let depth = 0;
    // Inside an unquoted scalar, which runs across blanks and lines until an indicator ends it.
    let plain = false;
    while (this.pos < text.length) {
      const c = text[this.pos]!;
      if (c === '\n') {
        if (!this.newLine(plain)) return false;
        continue;
      }
      if (isBlank(c) || c === '\r') {
        this.pos++;
        continue;
      }
      // A comment starts at a token, or after a blank inside an unquoted scalar (`a#b` is text).
      if (c === '#' && (!plain || isBlankOrEnd(text[this.pos - 1]))) {
        plain = false;
        while (this.pos < text.length && text[this.pos] !== '\n') this.pos++;
        continue;
      }
      if (c === '[' || c === '{') {
        depth++;
        plain = false;
      } else if (c === ']' || c === '}') {
        plain = false;
        if (--depth === 0) {
          this.pos++;
          return true;
        }
      } else if (c === ',' || c === '?') {
        // go-yaml ends an unquoted scalar at `?` as well in flow content.
        plain = false;
      } else if (c === ':') {
        // In flow content `:` is a value indicator at a token, and inside an unquoted scalar when a blank follows.
        if (!plain || isBlankOrEnd(text[this.pos + 1])) plain = false;
      } else if (!plain && (c === '"' || c === "'")) {
        if (!this.quoted()) return false;
        continue;
      } else if (!plain && (c === '&' || c === '*' || c === '!')) {
        // An anchor, alias or tag runs to a blank or a flow indicator.
        this.pos++;
        while (this.pos < text.length && !isBlankOrEnd(text[this.pos]) && !FLOW_INDICATORS.includes(text[this.pos]!))
          this.pos++;
        continue;
      } else {
        plain = true;
      }
      this.pos++;
    }
    return false;
  }
}

/**
 * The lines that start inside the flow collection or quoted scalar opening at `start`, as go-yaml
 * reads it, or undefined when go-yaml refuses it there (it never closes, or a document marker
 * interrupts it).
 */
export function continuationLines(text: string, start: number): ContinuationLine[] | undefined {
  const scan = new Scan(text, start);
  const c = text[start];
  const closed = c === '"' || c === "'" ? scan.quoted() : c === '[' || c === '{' ? scan.flow() : false;
  return closed ? scan.lines : undefined;
}
