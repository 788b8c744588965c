import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { type Document, isMap, LineCounter, parseAllDocuments, visit } from 'yaml';
import type { Rule } from '../lint/rule.js';
import { createLocator } from '../load/source-map.js';
import { YAML_PARSE_OPTIONS, YAML_TO_JS_OPTIONS } from '../load/yaml-options.js';
import { appendPointer } from '../model/json-pointer.js';
import type { SourceRange } from '../model/source-range.js';
import { closestName } from '../validate/suggest.js';
import { describeConfigErrors, type ConfigProblem } from './config-errors.js';
import { configSchema } from './config-sections.js';
import { kubeReleaseProblem } from './kube-release.js';
import type { KubeplanConfig } from './config-types.js';

export const CONFIG_FILE_NAMES = ['.kubeplan.yaml', '.kubeplan.yml'];

export type ConfigResult =
  /** `locate` maps a JSON pointer into the file to its position, for findings about a valid file's content. */
  | { ok: true; config: KubeplanConfig; file?: string; locate?: (pointer: string) => SourceRange }
  | { ok: false; problems: ConfigProblem[] };

/** The nearest `.kubeplan.yaml` in `start` or one of its parents, or undefined. */
export function findConfigFile(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Every regular expression option of the rules must compile; a bad one is a config error, not a crash. */
function regexProblems(config: KubeplanConfig, rules: readonly Rule[]): Array<{ pointer: string; message: string }> {
  const out: Array<{ pointer: string; message: string }> = [];
  for (const rule of rules) {
    const entry = config.rules?.[rule.meta.id];
    const options = typeof entry === 'object' ? entry.options : undefined;
    for (const [name, schema] of Object.entries(
      (rule.meta.options?.schema.properties ?? {}) as Record<string, { description?: string }>,
    )) {
      const value = options?.[name];
      if (typeof value !== 'string' || !/regular expression/.test(schema.description ?? '')) continue;
      try {
        new RegExp(value);
      } catch (error) {
        out.push({
          pointer: appendPointer('/rules', rule.meta.id, 'options', name),
          message: `rules.${rule.meta.id}.options.${name}: not a valid regular expression (${(error as Error).message})`,
        });
      }
    }
  }
  return out;
}

/** Rule ids listed in `inlineIgnores.forbid` must exist. */
function forbidProblems(config: KubeplanConfig, rules: readonly Rule[]): Array<{ pointer: string; message: string }> {
  const ids = rules.map((r) => r.meta.id);
  return (config.inlineIgnores?.forbid ?? []).flatMap((id, i) => {
    if (ids.includes(id)) return [];
    const guess = closestName(id, ids);
    return [
      {
        pointer: `/inlineIgnores/forbid/${i}`,
        message: `inlineIgnores.forbid: unknown rule "${id}"${guess ? `; did you mean "${guess}"?` : ''}`,
      },
    ];
  });
}

/** `kubernetesVersion` must be a release kubeplan supports, as `--kube-version` must. */
function releaseProblems(config: KubeplanConfig): Array<{ pointer: string; message: string }> {
  const problem = config.kubernetesVersion === undefined ? undefined : kubeReleaseProblem(config.kubernetesVersion);
  return problem ? [{ pointer: '/kubernetesVersion', message: `kubernetesVersion: ${problem}` }] : [];
}

/**
 * The source offset of the alias an error of `toJS` is about: the one it names ("Unresolved
 * alias ...: x"), else the first (an alias bomb has no single culprit; its first alias is where
 * the expansion starts). Undefined for a document without aliases.
 */
function aliasOffset(doc: Document, message: string): number | undefined {
  const named = /: (\S+)$/.exec(message)?.[1];
  let first: number | undefined;
  let match: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      const offset = node.range?.[0];
      first ??= offset;
      if (named !== undefined && node.source === named) {
        match = offset;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return match ?? first;
}

/**
 * kubeplan reads YAML 1.1, where an unquoted `off` is the boolean false: a rule set to `off`
 * (or `false`) is turned off, and `on`/`true` keeps its default severity.
 */
function normalizeSwitches(config: KubeplanConfig): KubeplanConfig {
  const rules = config?.rules;
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) return config;
  const switched = (v: unknown): unknown => (v === false ? 'off' : v);
  for (const [id, entry] of Object.entries(rules as Record<string, unknown>)) {
    if (entry === true) delete (rules as Record<string, unknown>)[id];
    else if (entry === false) (rules as Record<string, unknown>)[id] = 'off';
    else if (entry && typeof entry === 'object' && 'severity' in entry) {
      const e = entry as { severity?: unknown };
      if (e.severity === true) delete e.severity;
      else e.severity = switched(e.severity);
    }
  }
  return config;
}

/**
 * Parses and validates the text of a config file. Every problem is reported with the line and
 * column of the key or value concerned; an empty file is an empty configuration.
 */
export function parseConfig(file: string, text: string, rules: readonly Rule[]): ConfigResult {
  const lineCounter = new LineCounter();
  // logLevel 'error': the package would print its warnings (a collection as a key) on the
  // process's stderr, outside kubeplan's own report; such a key is reported as unknown anyway.
  const docs = parseAllDocuments(text, { ...YAML_PARSE_OPTIONS, lineCounter, logLevel: 'error' });
  const problem = (offset: number, message: string): ConfigProblem => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col, message };
  };
  if (docs.length === 0) return { ok: true, config: {}, file };
  if (docs.length > 1)
    return { ok: false, problems: [problem(docs[1]!.range[0], 'the configuration must be a single YAML document')] };
  const doc = docs[0]!;
  if (doc.errors.length)
    return { ok: false, problems: doc.errors.map((e) => problem(e.pos[0], e.message.split('\n')[0]!)) };
  if (doc.contents === null) return { ok: true, config: {}, file };
  if (!isMap(doc.contents))
    return {
      ok: false,
      problems: [problem(doc.range[0], 'the configuration must be a map of sections (rules, ignorePaths, ...)')],
    };
  let value: unknown;
  try {
    // Aliases are resolved here: one that names no anchor, or too many of them (a "billion
    // laughs" file), throws; it is a problem of the file like any other.
    value = doc.toJS(YAML_TO_JS_OPTIONS);
  } catch (error) {
    const message = (error as Error).message;
    const text = /Excessive alias count/.test(message)
      ? `YAML aliases expand more than ${YAML_TO_JS_OPTIONS.maxAliasCount} times (an "alias bomb"); not read`
      : message.split('\n')[0]!;
    return { ok: false, problems: [problem(aliasOffset(doc, message) ?? doc.range[0], text)] };
  }
  const config = normalizeSwitches(value as KubeplanConfig);

  const locate = createLocator(doc, lineCounter);
  const at = (pointer: string, message: string, target: 'key' | 'value' = 'value'): ConfigProblem => {
    const pos = locate(pointer, target);
    return { file, line: pos.line, column: pos.column, message };
  };
  const validate = new Ajv({ allErrors: true, verbose: true, strict: false }).compile(configSchema(rules));
  if (!validate(config)) {
    const problems = describeConfigErrors(validate.errors ?? [], config).map((d) => at(d.pointer, d.message, d.target));
    // ajv reports by schema, not by position: problems are listed in document order.
    return { ok: false, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
  }
  const semantic = [...releaseProblems(config), ...forbidProblems(config, rules), ...regexProblems(config, rules)];
  if (semantic.length) return { ok: false, problems: semantic.map((p) => at(p.pointer, p.message)) };
  return { ok: true, config, file, locate: (pointer) => locate(pointer, 'value') };
}

/** Reads and validates a config file; a file that cannot be read is a problem too. */
export function loadConfigFile(file: string, rules: readonly Rule[]): ConfigResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      problems: [
        {
          file,
          line: 1,
          column: 1,
          message: `cannot read the configuration: ${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}`,
        },
      ],
    };
  }
  const result = parseConfig(file, text, rules);
  // `ignorePaths` are relative to the file's folder, as a repository's ignore files are, wherever
  // kubeplan runs from: the file goes along with the configuration (runFilter in load/inputs.ts).
  if (result.ok) result.config = { ...result.config, file };
  return result;
}

/** `file:line:column: message`, as the CLI prints config problems. */
export function formatConfigProblem(p: ConfigProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}
