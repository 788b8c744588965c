import { Schema, type DocumentOptions, type ParseOptions, type SchemaOptions, type ToJSOptions } from 'yaml';

/**
 * kubectl reads manifests with a YAML 1.1 parser, so we do too: `yes`/`on` are booleans and
 * `0644` is the octal 420 (a file mode). It does not turn timestamps into dates or `22:22` into
 * base-60 numbers, so those YAML 1.1 tags are left out and such scalars stay strings.
 */
const KUBECTL_SCHEMA = new Schema({
  schema: 'yaml-1.1',
  resolveKnownTags: false,
  merge: true,
  customTags: (tags) =>
    tags.filter((tag) => {
      if (typeof tag !== 'object') return true;
      return tag.tag !== 'tag:yaml.org,2002:timestamp' && tag.format !== 'TIME';
    }),
});

/** One schema instance for every document: building it per document costs more than it seems. */
export const YAML_PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  schema: KUBECTL_SCHEMA,
  uniqueKeys: true,
  prettyErrors: false,
};

/**
 * Bounds alias expansion: a "billion laughs" document stops with an error after this many
 * alias resolutions instead of exhausting memory.
 */
export const YAML_TO_JS_OPTIONS: ToJSOptions = { maxAliasCount: 100 };
