import { Ajv } from 'ajv';
import { BUILTIN_RULES } from '../../rules/index.js';
import { lint } from '../../src/index.js';
import { DEFAULT_KUBERNETES_VERSION, parseKubeVersion } from '../../src/lint/kube-version.js';
import type { Rule } from '../../src/lint/rule.js';
import { dedentYaml as dedent } from '../../src/lint/yaml-example.js';
import { runRules } from '../../src/lint/run-rules.js';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { compareFindings, type Finding, type MessageData } from '../../src/model/finding.js';
import type { Manifest } from '../../src/model/manifest.js';

/** The file name cases are parsed as; messages that name a file (duplicate-object) show it. */
export const CASE_FILE = 'case.yaml';

/** A manifest (one or more YAML documents) the rule must not report. */
export interface ValidCase {
  /** What the case shows, for the test title; the first line of the YAML when not given. */
  name?: string;
  /** Indented as it reads in the test file: the common indentation and a leading newline are removed. */
  yaml: string;
  /** The rule's options, over its defaults (validated against the rule's schema). */
  options?: Record<string, unknown>;
  /** The Kubernetes release to check against (`"1.24"`); the default release otherwise. */
  kubeVersion?: string;
  /**
   * The YAML has the wrong shape on purpose (a string where a list belongs): the schema phase
   * must report something. Without it, the case must be a valid object, so a misspelt field
   * cannot make a case pass for the wrong reason.
   */
  malformed?: boolean;
}

/** One finding a case must produce, exactly. */
export interface ExpectedError {
  messageId: string;
  /** The values of the message's placeholders, compared exactly; the message is the template filled with them. */
  data?: MessageData;
  /** The whole message text. A case gives `data`, `message` or both. */
  message?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A manifest the rule reports, with every finding it must produce (and no other). */
export interface InvalidCase extends ValidCase {
  errors: readonly ExpectedError[];
}

export interface RuleCases {
  valid: ReadonlyArray<string | ValidCase>;
  invalid: readonly InvalidCase[];
}

/** Freezes an object graph, so a rule that writes to its input throws (and the test fails). */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  return value;
}

/** What a test compares of a finding: everything a user sees but the file. */
export interface SeenFinding {
  ruleId: string;
  messageId: string | undefined;
  data?: MessageData;
  message: string;
  line: number;
  column: number;
  endLine: number | undefined;
  endColumn: number | undefined;
}

function seen(f: Finding, withData: boolean): SeenFinding {
  const out: SeenFinding = {
    ruleId: f.ruleId,
    messageId: f.messageId,
    message: f.message,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
  };
  if (withData) out.data = f.data;
  return out;
}

const KNOWN_RULE_IDS = new Set(BUILTIN_RULES.map((r) => r.meta.id));
const ajv = new Ajv({ allErrors: true, strict: false });

/** The case's YAML as parsed by the loader, every object frozen. */
function parseCase(text: string): Manifest[] {
  const parsed = parseManifests(CASE_FILE, text);
  const problems = parsed.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`);
  if (problems.length) throw new Error(`the case does not load:\n${problems.join('\n')}`);
  return parsed.manifests.map((m) => deepFreeze(m));
}

/** Runs only `rule` over a case, as the engine runs it (suppression annotations included). */
export function runCase(rule: Rule, c: ValidCase): Finding[] {
  const version = parseKubeVersion(c.kubeVersion ?? DEFAULT_KUBERNETES_VERSION);
  if (!version) throw new Error(`invalid kubeVersion "${c.kubeVersion}"`);
  if (c.options) {
    const schema = rule.meta.options?.schema;
    if (!schema) throw new Error(`${rule.meta.id} takes no options`);
    const validate = ajv.compile(schema);
    if (!validate(c.options)) throw new Error(`invalid options: ${ajv.errorsText(validate.errors)}`);
  }
  const run = runRules(parseCase(dedent(c.yaml)), {
    settings: [{ rule, severity: rule.meta.severity, options: { ...rule.meta.options?.defaults, ...c.options } }],
    kubernetesVersion: version,
    inlineIgnores: true,
    forbidIgnore: new Set(),
    knownRuleIds: KNOWN_RULE_IDS,
  });
  return run.findings.sort(compareFindings);
}

/** Parse and schema problems of a case (custom resources without a schema aside). */
export async function schemaProblems(yaml: string): Promise<string[]> {
  const result = await lint(['-'], { onlyRules: [], readStdin: async () => Buffer.from(dedent(yaml)) });
  return result.findings
    .filter((f) => f.ruleId !== 'schema-missing')
    .map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`);
}

/** The finding a case expects, in the shape `seen` gives. */
export function expectedFinding(rule: Rule, e: ExpectedError): SeenFinding {
  const template = Object.hasOwn(rule.meta.messages, e.messageId) ? rule.meta.messages[e.messageId] : undefined;
  if (template === undefined) throw new Error(`${rule.meta.id} has no message "${e.messageId}"`);
  if (e.message === undefined && e.data === undefined)
    throw new Error(`expected ${e.messageId} at ${e.line}:${e.column}: give its data or its message`);
  let message = e.message;
  if (message === undefined) {
    message = template;
    for (const [name, value] of Object.entries(e.data!)) message = message.replaceAll(`{{${name}}}`, String(value));
  }
  const out: SeenFinding = {
    ruleId: rule.meta.id,
    messageId: e.messageId,
    message,
    line: e.line,
    column: e.column,
    endLine: e.endLine,
    endColumn: e.endColumn,
  };
  if (e.data !== undefined) out.data = e.data;
  return out;
}

/** What the case's findings look like, with data where the case states it. */
export function seenFindings(findings: readonly Finding[], withData: readonly boolean[]): SeenFinding[] {
  return findings.map((f, i) => seen(f, withData[i] ?? false));
}

export function caseTitle(c: ValidCase): string {
  return (
    c.name ??
    dedent(c.yaml)
      .split('\n')
      .find((l) => l.trim() !== '') ??
    '(empty)'
  );
}

export function asCase(c: string | ValidCase): ValidCase {
  return typeof c === 'string' ? { yaml: c } : c;
}

/** A comparable summary of findings, for checks that only ask whether two runs differ. */
export function outcome(findings: readonly Finding[]): string {
  return JSON.stringify(findings.map((f) => seen(f, true)));
}

/**
 * The findings as a reader checks them: each with the text it marks, then an expectation to
 * paste once the marks are right. Shown when a case fails, so writing a case does not mean
 * counting columns.
 */
export function describeFindings(yaml: string, findings: readonly Finding[]): string {
  const lines = dedent(yaml).split('\n');
  return findings
    .map((f) => {
      const text = lines[f.line - 1] ?? '';
      const end = f.endLine === f.line ? (f.endColumn ?? f.column + 1) : text.length + 1;
      const marks = `${' '.repeat(f.column - 1)}${'^'.repeat(Math.max(1, end - f.column))}`;
      const expectation = {
        messageId: f.messageId,
        data: f.data,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
      };
      return `${f.ruleId} ${f.message}\n  ${text}\n  ${marks}${f.endLine !== f.line ? ` (to line ${f.endLine})` : ''}\n  ${JSON.stringify(expectation)}`;
    })
    .join('\n');
}
