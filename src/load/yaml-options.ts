import {
  type CreateNodeOptions,
  type DocumentOptions,
  type ParseOptions,
  Scalar,
  type ScalarTag,
  Schema,
  type SchemaOptions,
  stringify,
  type ToJSOptions,
  type ToStringOptions,
} from 'yaml';
import { KUBECTL_SCALAR_TAGS } from './kubectl-scalars.js';

/**
 * How kubectl reads YAML (see kubectl-scalars.ts for unquoted scalars): YAML 1.1 with `<<` merge
 * keys, and the package's explicit tags (`!!binary`, `!!set`...) as they are. This schema reads
 * every document of the full parser and writes every YAML text kubeplan prints, so a string it
 * would read as something else is printed quoted.
 */
export const KUBECTL_SCHEMA = new Schema({
  schema: 'yaml-1.1',
  resolveKnownTags: false,
  // The YAML 1.1 tags include `<<` merge keys; `merge: true` would add the package's tag again.
  customTags: (tags) => [
    ...tags
      // The package's own rules for unquoted scalars give way to kubectl's.
      .filter((tag) => typeof tag !== 'object' || !(tag.default === true && tag.test))
      .map((tag) => {
        if (typeof tag !== 'object') return tag;
        // The package's merge tag also claims the string "<<" when printing, and prints it as a
        // bare `<<` key, which reads back as a merge key. Claiming only the parser's merge
        // symbol lets the string be printed like any other, quoted because `<<` matches the tag.
        if (tag.tag === 'tag:yaml.org,2002:merge')
          return { ...tag, identify: (value: unknown) => typeof value === 'symbol' && value.description === '<<' };
        if (tag.tag === 'tag:yaml.org,2002:str' && tag.stringify)
          return { ...tag, stringify: quoteBlankLines(tag.stringify) };
        return tag;
      }),
    ...KUBECTL_SCALAR_TAGS,
  ],
});

/**
 * The package prints a string of only blanks and line breaks (`" \n"`) as a block scalar that
 * reads back without its blanks: such a string is printed double-quoted instead.
 */
function quoteBlankLines(stringify: NonNullable<ScalarTag['stringify']>): NonNullable<ScalarTag['stringify']> {
  const blankLines = (value: unknown): boolean =>
    typeof value === 'string' && /^[ \t\n]*$/.test(value) && value.includes('\n') && /[ \t]/.test(value);
  return (item, ctx, onComment, onChompKeep) => {
    if (!blankLines(item.value)) return stringify(item, ctx, onComment, onChompKeep);
    const quoted = new Scalar(item.value);
    quoted.type = Scalar.QUOTE_DOUBLE;
    return stringify(quoted, ctx, onComment, onChompKeep);
  };
}

/** One schema instance for every document: building it per document costs more than it seems. */
export const YAML_PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  schema: KUBECTL_SCHEMA,
  uniqueKeys: true,
  prettyErrors: false,
  // The package would print some warnings itself, on stderr with the process id (a collection as
  // a map key, when read as JSON): kubeplan reports what matters as findings, and output must not
  // vary from run to run.
  logLevel: 'error',
};

/**
 * Bounds alias expansion: a "billion laughs" document stops with an error after this many
 * alias resolutions instead of exhausting memory (`.kubeplan.yaml`).
 */
export const YAML_TO_JS_OPTIONS: ToJSOptions = { maxAliasCount: 100 };

/**
 * Manifests: alias expansion is bounded before a document is read, as kubectl bounds it
 * (alias-expansion.ts); the package's own count is only a backstop, far above what that bound
 * lets through, so that a document kubectl reads is read here too.
 */
export const MANIFEST_TO_JS_OPTIONS: ToJSOptions = { maxAliasCount: 1_000_000 };

/**
 * How kubeplan prints YAML (the text of diffs, `plan -o yaml`): block style, two-space
 * indents, sequences indented under their key, no line folding, no anchors for repeated
 * objects, multi-line strings as block scalars.
 */
const YAML_WRITE_OPTIONS: DocumentOptions & SchemaOptions & CreateNodeOptions & ToStringOptions = {
  version: '1.1',
  schema: KUBECTL_SCHEMA,
  lineWidth: 0,
  minContentWidth: 0,
  aliasDuplicateObjects: false,
  // No `%YAML` or `%TAG` lines are ever printed; not looking for them saves a walk of the tree.
  directives: false,
};

/**
 * YAML text of a JSON value that kubectl, and kubeplan's loader, read back as the same value:
 * a string that would read as a boolean, null, number or merge key (`yes`, `~`, `1_000`,
 * `0b101`, `<<`) is quoted.
 */
export function writeYaml(value: unknown): string {
  return stringify(value, YAML_WRITE_OPTIONS);
}
