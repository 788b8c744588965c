/**
 * Manifests written inside code (rule examples, test cases), indented with the code that holds
 * them: the leading newline, the indentation all lines share and trailing spaces go.
 */
export function dedentYaml(text: string): string {
  const lines = text
    .replace(/^\n/, '')
    .replace(/\n[ \t]*$/, '')
    .split('\n');
  // Stryker disable next-line Regex: ` *` also matches the empty string, so exec always matches at the start of the line, anchored or not
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return `${lines.map((l) => l.slice(common).trimEnd()).join('\n')}\n`;
}

/** The same as a template tag: `` yaml`...` ``. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  return dedentYaml(String.raw({ raw: strings }, ...values));
}
