// The mutation fuzzer of kubeplan (docs/testing.md): seeded mutants of the fixtures, run through
// the CLI (in-process or as a process), each checked against the properties every input must keep.
// Plain JavaScript so that both the jest test (test/fuzz/fuzz.test.ts, against src/) and the long
// run (test/fuzz/run.mjs, against the build in lib/) share it; fuzzer.d.mts gives its types.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execFile } from 'node:child_process';
import { basename, join, relative, resolve } from 'node:path';
import ajvModule from 'ajv';
import { parse as parseYaml } from 'yaml';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness: xmur3 hashes the seed string, sfc32 generates. No Math.random.

function hashString(text) {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
}

/** A seeded generator: the same seed always gives the same sequence. */
export function createRng(seed) {
  const s = hashString(String(seed));
  let a = s();
  let b = s();
  let c = s();
  let d = s();
  const next = () => {
    const t0 = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const t = (t0 + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) next();
  return {
    next,
    int: (n) => (n <= 0 ? 0 : next() % n),
    pick: (items) => items[next() % items.length],
    chance: (p) => next() / 4294967296 < p,
  };
}

// ---------------------------------------------------------------------------------------------
// Fixtures

const MAX_FIXTURE_BYTES = 64 * 1024;

/** Every fixtures/**.yaml|yml|json under root (sorted, so the seed picks the same ones everywhere). */
export function loadFixtures(root) {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ya?ml|json)$/.test(entry.name) && statSync(path).size <= MAX_FIXTURE_BYTES) {
        out.push({ path: relative(join(root, '..'), path), text: readFileSync(path, 'utf8') });
      }
    }
  };
  walk(root);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Mutations: each takes the text, the generator and the other fixtures, and returns a new text.

const SPECIAL_CHARS = [
  ':',
  '-',
  ' ',
  '\n',
  '{',
  '}',
  '[',
  ']',
  '&',
  '*',
  '!',
  '#',
  '"',
  "'",
  '|',
  '>',
  '%',
  '@',
  '`',
  ',',
  '?',
  '\t',
  '\\',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u00e9',
  '\u200b',
  '\u{1f600}',
  '\uffff',
  '\u2028',
  '0',
  '9',
  'x',
  'Z',
];

const SCALARS = [
  '0',
  '-1',
  '1e400',
  '-1e400',
  '0x1F',
  '0o17',
  '1_000',
  'true',
  'false',
  'yes',
  'no',
  'on',
  'null',
  '~',
  '""',
  "''",
  '[]',
  '{}',
  '.nan',
  '.inf',
  '-.inf',
  '-0',
  '9007199254740993',
  '123456789012345678901234567890',
  '2024-01-01',
  '2024-01-01T00:00:00Z',
  '1.5',
  '"1"',
  '"true"',
  '[1, 2]',
  '{a: b}',
  '[[]]',
  '[{}]',
  '{a: {b: [c]}}',
  '"\\u0000"',
  '"\\ud800"',
  '-5m',
  '0.0001Gi',
  '1Ei',
  '999999999999Ti',
  '"-1"',
  "'*'",
  "'/'",
  "'..'",
  '"a\\nb"',
  '" lead"',
  '|\n  block\n',
  '>-\n  folded',
  '!!null ""',
  `"${'x'.repeat(3000)}"`,
  '=',
  '<<',
  '"__proto__"',
  '{__proto__: 1}',
];

const PROTO_LINES = [
  '__proto__: {polluted: 1}',
  '__proto__: null',
  '__proto__: [1, 2]',
  '"__proto__": {metadata: {name: x}}',
  'constructor: {prototype: {polluted: 1}}',
  'constructor: 1',
  'prototype: null',
  'hasOwnProperty: 1',
  'toString: x',
  'valueOf: []',
  'length: 5',
];

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'];

const TAGS = [
  '!!binary',
  '!!omap',
  '!!set',
  '!!pairs',
  '!!timestamp',
  '!!int',
  '!!float',
  '!!bool',
  '!!null',
  '!!str',
  '!!map',
  '!!seq',
  '!custom',
  '!Ref',
  '!<tag:example.com,2000:app/foo>',
  '!!python/object:os.system',
  '!!js/function',
  '!',
  '!!merge',
  '!!yaml',
];

const ODD_KEYS = [
  '"": empty-key',
  '? [a, b]\n: complex-seq-key',
  '? {a: 1}\n: complex-map-key',
  '1: numeric-key',
  'null: null-key',
  'true: bool-key',
  '~: tilde-key',
  '"a.b/c": dotted',
  '"\\u0000": nul-key',
  '? |\n  block key\n: v',
];

const PREFIXES = [
  '%YAML 1.1\n---\n',
  '%YAML 1.2\n---\n',
  '%YAML 2.0\n---\n',
  '%TAG ! tag:example.com,2000:\n---\n',
  '\ufeff',
  '# comment\n',
  '---\n---\n',
  '%FOO bar\n---\n',
  '...\n',
  '--- |\n',
  '--- !!map\n',
  '--- !!str\n',
];

const KEY_LINE = /^(\s*(?:- )?)((?:[\w./-]+)|"[^"]*"):(?:\s+(.*))?$/;

function linesOf(text) {
  return text.split('\n');
}

/** Indices of the lines that are `key:` or `key: value`, with an optional `- `. */
function keyLines(lines) {
  const out = [];
  for (let i = 0; i < lines.length; i++) if (KEY_LINE.test(lines[i])) out.push(i);
  return out;
}

function indentOf(line) {
  const m = /^(\s*)(- )?/.exec(line);
  return (m?.[1] ?? '') + (m?.[2] ? '  ' : '');
}

function replaceValue(line, value) {
  const m = KEY_LINE.exec(line);
  if (!m) return line;
  return `${m[1]}${m[2]}: ${value}`;
}

const isJson = (text) => /^\s*[[{]/.test(text);

export const MUTATORS = [
  {
    name: 'delete-lines',
    apply(text, rng) {
      const lines = linesOf(text);
      lines.splice(rng.int(lines.length), 1 + rng.int(3));
      return lines.join('\n');
    },
  },
  {
    name: 'duplicate-lines',
    apply(text, rng) {
      const lines = linesOf(text);
      const start = rng.int(lines.length);
      const copy = lines.slice(start, start + 1 + rng.int(3));
      const at = rng.chance(0.6) ? start + copy.length : rng.int(lines.length + 1);
      lines.splice(at, 0, ...copy);
      return lines.join('\n');
    },
  },
  {
    name: 'reindent',
    apply(text, rng) {
      const lines = linesOf(text);
      const i = rng.int(lines.length);
      const line = lines[i];
      const body = line.trimStart();
      const old = line.length - body.length;
      lines[i] = rng.chance(0.15)
        ? `\t${body}`
        : ' '.repeat(Math.max(0, old + rng.pick([-4, -2, -1, 1, 2, 4, 8]))) + body;
      return lines.join('\n');
    },
  },
  {
    name: 'flip-chars',
    apply(text, rng) {
      if (!text.length) return rng.pick(SPECIAL_CHARS);
      let out = text;
      for (let n = 1 + rng.int(3); n > 0; n--) {
        const at = rng.int(out.length);
        const ch = rng.chance(0.7) ? rng.pick(SPECIAL_CHARS) : String.fromCharCode(32 + rng.int(95));
        out = out.slice(0, at) + ch + out.slice(at + 1);
      }
      return out;
    },
  },
  {
    name: 'change-scalar-type',
    apply(text, rng) {
      const lines = linesOf(text);
      if (isJson(text)) {
        const candidates = lines.map((l, i) => (/":\s*[^\s{[]/.test(l) ? i : -1)).filter((i) => i >= 0);
        if (!candidates.length) return text;
        const i = rng.pick(candidates);
        const value = rng.pick(['0', '-1', '1e400', 'true', 'null', '""', '[]', '{}', '"1"', '[1, 2]', '{"a": 1}']);
        lines[i] = lines[i].replace(/(":\s*)("(?:[^"\\]|\\.)*"|[^,\s}\]]+)/, `$1${value}`);
        return lines.join('\n');
      }
      const candidates = lines
        .map((l, i) => (KEY_LINE.exec(l)?.[3] || /^\s*- \S/.test(l) ? i : -1))
        .filter((i) => i >= 0);
      if (!candidates.length) return text;
      const i = rng.pick(candidates);
      const value = rng.pick(SCALARS);
      lines[i] = KEY_LINE.test(lines[i]) ? replaceValue(lines[i], value) : lines[i].replace(/- .*/, `- ${value}`);
      return lines.join('\n');
    },
  },
  {
    name: 'proto-keys',
    apply(text, rng) {
      const lines = linesOf(text);
      if (isJson(text)) {
        const opens = lines.map((l, i) => (/\{\s*$/.test(l) ? i : -1)).filter((i) => i >= 0);
        if (!opens.length) return text.replace('{', '{"__proto__": {"polluted": 1}, ');
        const i = rng.pick(opens);
        const key = rng.pick(PROTO_KEYS);
        lines.splice(i + 1, 0, `"${key}": ${rng.pick(['{"polluted": 1}', 'null', '[]', '1', '{"metadata": {}}'])},`);
        return lines.join('\n');
      }
      const keys = keyLines(lines);
      if (!keys.length) return `${rng.pick(PROTO_LINES)}\n${text}`;
      const i = rng.pick(keys);
      if (rng.chance(0.35)) {
        // rename an existing key
        lines[i] = lines[i].replace(
          KEY_LINE,
          (_m, pre, _key, value) => `${pre}${rng.pick(PROTO_KEYS)}:${value !== undefined ? ` ${value}` : ''}`,
        );
      } else {
        const pre = /^(\s*)(- )?/.exec(lines[i]);
        const indent = (pre?.[1] ?? '') + (pre?.[2] ? '  ' : '');
        lines.splice(i + (pre?.[2] ? 1 : 0), 0, indent + rng.pick(PROTO_LINES));
      }
      return lines.join('\n');
    },
  },
  {
    name: 'anchors-aliases',
    apply(text, rng) {
      const lines = linesOf(text);
      const keys = keyLines(lines);
      if (keys.length < 2) return `${text}\nbomb: &a [*a]\n`;
      const a = rng.pick(keys);
      const b = rng.pick(keys);
      const m = KEY_LINE.exec(lines[a]);
      const variant = rng.int(6);
      if (variant === 0 || variant === 1) {
        // an anchor on one value, an alias (or a merge key) elsewhere
        lines[a] = `${m[1]}${m[2]}: &anc${m[3] ? ` ${m[3]}` : ''}`;
        if (variant === 0) lines[b] = replaceValue(lines[b], '*anc');
        else lines.splice(b + 1, 0, `${indentOf(lines[b])}${/:\s*$/.test(lines[b]) ? '  ' : ''}<<: *anc`);
      } else if (variant === 2) {
        // a structure that contains itself
        lines.splice(a, 0, `${indentOf(lines[a])}loop: &loop {self: *loop, list: [*loop]}`);
      } else if (variant === 3) {
        lines[b] = replaceValue(lines[b], '*undefined-anchor');
      } else if (variant === 4) {
        // a small billion laughs
        const bomb = ['l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
        for (let k = 1; k < 6; k++)
          bomb.push(
            `l${k}: &l${k} [${Array(10)
              .fill(`*l${k - 1}`)
              .join(', ')}]`,
          );
        lines.splice(a, 0, ...bomb.map((l) => indentOf(lines[a]) + l));
      } else {
        // the same anchor twice: the later one wins
        lines[a] = `${m[1]}${m[2]}: &dup${m[3] ? ` ${m[3]}` : ''}`;
        const c = rng.pick(keys);
        const mc = KEY_LINE.exec(lines[c]);
        if (mc) lines[c] = `${mc[1]}${mc[2]}: &dup${mc[3] ? ` ${mc[3]}` : ''}`;
        lines.push('aliased: *dup');
      }
      return lines.join('\n');
    },
  },
  {
    name: 'tags',
    apply(text, rng) {
      const lines = linesOf(text);
      const keys = keyLines(lines);
      if (!keys.length) return `${rng.pick(TAGS)} ${text}`;
      const i = rng.pick(keys);
      const m = KEY_LINE.exec(lines[i]);
      lines[i] = `${m[1]}${m[2]}: ${rng.pick(TAGS)}${m[3] ? ` ${m[3]}` : ''}`;
      return lines.join('\n');
    },
  },
  {
    name: 'odd-keys',
    apply(text, rng) {
      const lines = linesOf(text);
      const keys = keyLines(lines);
      const at = keys.length ? rng.pick(keys) : 0;
      const indent = keys.length ? indentOf(lines[at]) : '';
      const entry = rng
        .pick(ODD_KEYS)
        .split('\n')
        .map((l) => indent + l);
      lines.splice(at + (/^\s*- /.test(lines[at] ?? '') ? 1 : 0), 0, ...entry);
      return lines.join('\n');
    },
  },
  {
    name: 'truncate',
    apply(text, rng) {
      return text.slice(0, rng.int(text.length + 1));
    },
  },
  {
    name: 'join-documents',
    apply(text, rng, fixtures) {
      const other = rng.pick(fixtures).text;
      switch (rng.int(5)) {
        case 0:
          return `${text}\n---\n${other}`;
        case 1:
          return `${other}\n---\n${text}`;
        case 2:
          return text.replace(/^---\s*$/gm, '');
        case 3:
          return `${text}\n${other}`;
        default:
          return `${text}\n...\n${other}`;
      }
    },
  },
  {
    name: 'directives-and-endings',
    apply(text, rng) {
      switch (rng.int(4)) {
        case 0:
          return rng.pick(PREFIXES) + text;
        case 1:
          return text.replace(/\n/g, '\r\n');
        case 2:
          return text.replace(/\n/g, '\r');
        default:
          return `${text}\n${rng.pick(['...', '---', '--- |', '#', '%YAML 1.2', '\u0000', ''])}`;
      }
    },
  },
  {
    name: 'deep-nesting',
    apply(text, rng) {
      const depth = rng.pick([64, 500, 3000]);
      const lines = linesOf(text);
      const keys = keyLines(lines);
      const at = keys.length ? rng.pick(keys) : 0;
      const kind = rng.int(3);
      let value;
      if (kind === 0) value = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      else if (kind === 1) value = `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`;
      else value = null;
      if (value !== null && KEY_LINE.test(lines[at] ?? '')) lines[at] = replaceValue(lines[at], value);
      else {
        const indent = keys.length ? indentOf(lines[at]) : '';
        const nest = [];
        for (let k = 0; k < Math.min(depth, 400); k++) nest.push(`${indent}${' '.repeat(k)}n${k}:`);
        lines.splice(at, 0, ...nest);
      }
      return lines.join('\n');
    },
  },
];

// ---------------------------------------------------------------------------------------------
// The canary Secret: in every input set, on both sides of a diff; its values must never appear.

const CANARY_NEW = 'kpcanaryNEW7f3a9c2e1b';
const CANARY_OLD = 'kpcanaryOLD5d8e0a4f6c';
const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');

/** The needles that no output may contain. */
export const SECRET_NEEDLES = [CANARY_NEW, CANARY_OLD, b64(`${CANARY_NEW}-data`), b64(`${CANARY_OLD}-data`)];

function secretYaml(canary, variant) {
  const head = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: fuzz-canary\n  namespace: default\n';
  const data = b64(`${canary}-data`);
  switch (variant) {
    case 'binary':
      return `${head}data:\n  canary-data: !!binary ${data}\nstringData:\n  canary-string: ${canary}\n`;
    case 'block':
      return `${head}stringData:\n  canary-string: |\n    line one ${canary}\n    line two\ndata:\n  canary-data: ${data}\n`;
    case 'tls':
      return `${head}type: kubernetes.io/tls\ndata:\n  tls.crt: ${data}\n  tls.key: ${data}\nstringData:\n  ca.crt: ${canary}\n`;
    case 'wrong-types':
      return `${head}data:\n  canary-data: ${data}\n  canary-bad: "not base64 ${canary}"\nstringData:\n  canary-list: [${canary}]\n  canary-map: {k: ${canary}}\n  canary-num: ${canary}\n`;
    case 'list':
      return `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: fuzz-canary, namespace: default}\n  data: {canary-data: ${data}}\n  stringData: {canary-string: ${canary}}\n`;
    case 'last-applied': {
      const applied = JSON.stringify({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'fuzz-canary', namespace: 'default' },
        stringData: { 'canary-string': canary },
      });
      return `${head.replace('metadata:\n', `metadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: '${applied}'\n`)}data:\n  canary-data: ${data}\n  canary-string: ${b64(canary)}\n`;
    }
    case 'anchored':
      return `${head}stringData:\n  canary-string: &c ${canary}\n  canary-again: *c\ndata:\n  canary-data: ${data}\n`;
    default:
      return `${head}type: Opaque\ndata:\n  canary-data: ${data}\nstringData:\n  canary-string: ${canary}\n`;
  }
}

export const SECRET_VARIANTS = [
  'plain',
  'binary',
  'block',
  'tls',
  'wrong-types',
  'list',
  'last-applied',
  'anchored',
  'json',
];

function secretFile(canary, variant) {
  if (variant === 'json') {
    return {
      name: 'zz-fuzz-canary.json',
      text: JSON.stringify(
        {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'fuzz-canary', namespace: 'default' },
          data: { 'canary-data': b64(`${canary}-data`) },
          stringData: { 'canary-string': canary },
        },
        null,
        2,
      ),
    };
  }
  return { name: 'zz-fuzz-canary.yaml', text: secretYaml(canary, variant) };
}

// ---------------------------------------------------------------------------------------------
// Commands: which command and format a mutant runs through.

const COMMANDS = [
  {
    weight: 35,
    command: 'lint',
    formats: ['text', 'json', 'sarif', 'github', 'junit'],
    extras: [[], ['--profile', 'all'], ['--no-strict']],
  },
  { weight: 15, command: 'plan', formats: ['text', 'json', 'yaml'], extras: [[], ['--headroom']] },
  {
    weight: 25,
    command: 'diff',
    formats: ['text', 'json', 'markdown'],
    extras: [[], ['--server-side'], ['--whole-object'], ['--prune'], ['--exit-code']],
  },
  {
    weight: 25,
    command: 'check',
    formats: ['text', 'json', 'sarif', 'github', 'junit', 'markdown'],
    extras: [[], ['--profile', 'all']],
  },
];

function pickCommand(rng) {
  let r = rng.int(100);
  for (const c of COMMANDS) {
    if (r < c.weight) return { command: c.command, format: rng.pick(c.formats), extras: rng.pick(c.extras) };
    r -= c.weight;
  }
  return { command: 'lint', format: 'text', extras: [] };
}

/** The argv of a case, its inputs in dir. */
export function argvOf(c, dir) {
  const argv = [c.command, '-f', c.format, ...c.extras, join(dir, 'desired')];
  if (c.command === 'diff' || c.command === 'check') argv.push('--current', join(dir, 'current'));
  return argv;
}

/** The same argv as a command line to paste, run from the directory the inputs are saved in. */
export function commandLine(c) {
  return `kubeplan ${argvOf(c, '.').join(' ').replaceAll('./', '')}`;
}

// ---------------------------------------------------------------------------------------------
// Cases

/** Mutant number `index` of `seed`: the same pair always gives the same case. */
export function generateCase(fixtures, seed, index) {
  const rng = createRng(`${seed}/${index}`);
  const base = rng.pick(fixtures);
  let text = base.text;
  const ops = [];
  for (let n = 1 + rng.int(3); n > 0; n--) {
    const mutator = rng.pick(MUTATORS);
    text = mutator.apply(text, rng, fixtures);
    ops.push(mutator.name);
  }
  return {
    seed: String(seed),
    index,
    base: base.path,
    name: basename(base.path) === 'zz-fuzz-canary.yaml' ? 'input.yaml' : basename(base.path),
    ops,
    text,
    currentText: base.text,
    secret: rng.pick(SECRET_VARIANTS),
    ...pickCommand(rng),
  };
}

/** Writes the case's input set: desired/ (mutant, canary Secret) and current/ (original, old canary Secret). */
export function writeCase(c, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'desired'), { recursive: true });
  mkdirSync(join(dir, 'current'), { recursive: true });
  writeFileSync(join(dir, 'desired', c.name), c.text);
  writeFileSync(join(dir, 'current', c.name), c.currentText);
  if (c.secret !== 'none') {
    const desired = secretFile(CANARY_NEW, c.secret);
    const current = secretFile(CANARY_OLD, c.secret);
    writeFileSync(join(dir, 'desired', desired.name), desired.text);
    writeFileSync(join(dir, 'current', current.name), current.text);
  }
}

// ---------------------------------------------------------------------------------------------
// Properties

const require = createRequire(import.meta.url);
let sarifValidator;
function validateSarif(log) {
  if (!sarifValidator) {
    const schema = JSON.parse(
      readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
    );
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    const Ajv = ajvModule.Ajv ?? ajvModule.default ?? ajvModule;
    sarifValidator = new Ajv({ allErrors: false, strict: false, validateFormats: false, unicodeRegExp: false }).compile(
      schema,
    );
  }
  const problems = [];
  if (!sarifValidator(log)) {
    const e = sarifValidator.errors?.[0];
    problems.push(`schema: ${e?.instancePath || '/'} ${e?.message ?? ''}`);
  }
  if (log?.version !== '2.1.0') problems.push('version is not 2.1.0');
  if (!Array.isArray(log?.runs) || log.runs.length === 0) problems.push('no runs[]');
  for (const run of Array.isArray(log?.runs) ? log.runs : []) {
    if (typeof run?.tool?.driver?.name !== 'string') problems.push('runs[].tool.driver.name missing');
    if (!Array.isArray(run?.results)) {
      problems.push('runs[].results missing');
      continue;
    }
    for (const result of run.results) {
      if (typeof result?.message?.text !== 'string') problems.push('results[].message.text missing');
      if (!Array.isArray(result?.locations) || result.locations.length === 0) {
        problems.push('results[].locations missing');
        continue;
      }
      for (const location of result.locations) {
        const physical = location?.physicalLocation;
        if (typeof physical?.artifactLocation?.uri !== 'string')
          problems.push('locations[].artifactLocation.uri missing');
        const region = physical?.region;
        if (region && !(Number.isInteger(region.startLine) && region.startLine >= 1)) {
          problems.push('locations[].region.startLine not a positive integer');
        }
      }
    }
  }
  return [...new Set(problems)];
}

// Characters XML 1.0 does not allow, even escaped.
const XML_INVALID =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters looked for
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function checkXml(text) {
  if (!text.startsWith('<?xml')) return 'does not start with <?xml';
  if (XML_INVALID.test(text)) return 'contains a character XML 1.0 does not allow';
  const stack = [];
  const tag =
    /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<\?[^>]*\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<|&(?![a-z]+;|#\d+;|#x[0-9a-f]+;)/gi;
  for (const m of text.matchAll(tag)) {
    if (m[0] === '<') return 'a bare < in text';
    if (m[0].startsWith('&')) return 'an unescaped &';
    if (!m[2]) continue;
    if (m[4]) continue;
    if (m[1]) {
      if (stack.pop() !== m[2]) return `unbalanced </${m[2]}>`;
    } else stack.push(m[2]);
  }
  return stack.length ? `unclosed <${stack.at(-1)}>` : undefined;
}

const STACK_LINE = /^\s*at (?:async )?(?:[^\s(]+ )?\(?(?:file:|node:|\/|[A-Za-z]:\\|<anonymous>|native\b)[^\n]*$/m;
const ERROR_NAMES = /\b(?:TypeError|RangeError|ReferenceError|AggregateError)\b/;
// kubeplan's own `internal-error` finding: an exception it caught on one object or file
const INTERNAL_FINDING = /kubeplan failed to (.{1,60}?) this (object|file) \((.*?)\); (?:the|every)/;
const INTERNAL_TEXT =
  /Cannot read propert|is not a function|is not iterable|Maximum call stack size|Invalid array length|Cannot convert undefined|Cannot destructure/;

function firstLine(text, re) {
  return text.split('\n').find((l) => re.test(l)) ?? '';
}

/** Turns a crash's output into a class: error message and the first frame in kubeplan's code. */
function crashSignature(text) {
  const header = /((?:[A-Z]\w*)?Error(?: \[\w+\])?): ([^\n]*)/.exec(text) ?? /(internal error): ([^\n]*)/.exec(text);
  const message = header
    ? `${header[1]}: ${header[2]}`
    : firstLine(text, INTERNAL_TEXT).trim() || firstLine(text, STACK_LINE).trim();
  let frame = '';
  for (const line of text.split('\n')) {
    const m = /^\s*at (?:async )?(?:([^\s(]+) \()?(?:file:\/\/)?([^()\s]+?):\d+:\d+\)?$/.exec(line);
    if (m && /\/(src|rules)\//.test(m[2]) && !/node_modules/.test(m[2])) {
      frame = `${m[1] ?? '<anonymous>'} (${m[2].replace(/^.*\/((?:src|rules)\/.*?)(?:\.[jt]s)$/, '$1')})`;
      break;
    }
  }
  return `crash: ${message.slice(0, 200)}${frame ? ` @ ${frame}` : ''}`;
}

function excerpt(text, re, lines = 10) {
  const all = text.split('\n');
  const at = all.findIndex((l) => re.test(l));
  return all.slice(Math.max(0, at - 1), Math.max(0, at - 1) + lines).join('\n');
}

/** The property violations of one run's result. */
export function checkResult(c, result) {
  const failures = [];
  const label = `${c.command} -f ${c.format}`;
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.timedOut) {
    failures.push({ signature: `timeout: ${label}`, detail: `no answer within ${result.timeoutMs} ms` });
    return failures;
  }
  if (![0, 1, 2].includes(result.code)) {
    failures.push({ signature: `exit code ${result.code}: ${c.command}`, detail: result.stderr.slice(0, 2000) });
  }
  const internal = INTERNAL_FINDING.exec(output);
  if (internal && !STACK_LINE.test(output)) {
    failures.push({
      signature: `internal-error finding: failed to ${internal[1]} this ${internal[2]}: ${internal[3]}`,
      detail: excerpt(output, INTERNAL_FINDING, 3),
    });
    return failures;
  }
  if (STACK_LINE.test(output) || ERROR_NAMES.test(output)) {
    const re = STACK_LINE.test(output) ? /Error|at / : ERROR_NAMES;
    failures.push({ signature: crashSignature(output), detail: excerpt(output, re, 14) });
    // a crash is the cause of whatever else is wrong with this output
    return failures;
  }
  const warning = /^\(node:PID\) (\w*Warning): ([^\n]*)/m.exec(output);
  if (warning) {
    failures.push({
      signature: `Node.js ${warning[1]} on stderr: ${warning[2].replace(/"[^"]*"/g, '"..."').slice(0, 100)}`,
      detail: warning[0],
    });
  }
  if (INTERNAL_TEXT.test(output)) {
    failures.push({
      signature: `internal error message in output: ${INTERNAL_TEXT.exec(output)[0]}`,
      detail: excerpt(output, INTERNAL_TEXT, 3),
    });
  }
  if (output.includes('[object Object]')) {
    failures.push({
      signature: `[object Object] in output: ${label}`,
      detail: excerpt(output, /\[object Object\]/, 3),
    });
  }
  for (const needle of SECRET_NEEDLES) {
    if (output.includes(needle)) {
      failures.push({
        signature: `secret value in output: ${label}`,
        detail: excerpt(output, new RegExp(needle.replace(/[+/=]/g, '\\$&')), 3),
      });
      break;
    }
  }
  const stdout = result.stdout;
  if (c.format === 'json' || c.format === 'sarif') {
    let parsed;
    try {
      parsed = JSON.parse(stdout);
    } catch (error) {
      failures.push({
        signature: `invalid JSON: ${label}${stdout.trim() ? '' : ' (empty stdout)'}`,
        detail: `${error.message}\nexit ${result.code}; stdout: ${stdout.slice(0, 300)}\nstderr: ${result.stderr.slice(0, 500)}`,
      });
    }
    if (parsed !== undefined && c.format === 'sarif') {
      const problems = validateSarif(parsed);
      if (problems.length)
        failures.push({ signature: `invalid SARIF: ${c.command}: ${problems[0]}`, detail: problems.join('\n') });
    }
  } else if (c.format === 'yaml') {
    try {
      parseYaml(stdout, { maxAliasCount: -1 });
    } catch (error) {
      failures.push({ signature: `invalid YAML output: ${label}`, detail: String(error.message).slice(0, 500) });
    }
  } else if (c.format === 'junit') {
    const problem = checkXml(stdout);
    if (problem)
      failures.push({ signature: `invalid JUnit XML: ${c.command}: ${problem}`, detail: stdout.slice(0, 300) });
  } else if (c.format === 'github') {
    // workflow commands; findings beyond GitHub's annotation limit are plain lines of the log
    const bad = stdout
      .split('\n')
      .find((l) => l.startsWith('::') && !/^::(?:error|warning|notice|debug|group|endgroup)(?: [^\n]*?)?::/.test(l));
    if (bad !== undefined) {
      failures.push({
        signature: `github format: a malformed workflow command: ${c.command}`,
        detail: bad.slice(0, 300),
      });
    }
  }
  return failures;
}

/** Whether a run's output shows a crash or an internal error (which is reported as such). */
function crashed(r) {
  const text = `${r.stdout}\n${r.stderr}`;
  return STACK_LINE.test(text) || ERROR_NAMES.test(text) || INTERNAL_TEXT.test(text) || INTERNAL_FINDING.test(text);
}

function normalize(text, dir) {
  return text
    .split(dir)
    .join('$CASE')
    .replace(/^\(node:\d+\)/gm, '(node:PID)')
    .replace(/^\(Use `node --trace-[\w-]+ \.\.\.` to show where the warning was created\)\n/gm, '');
}

/**
 * Runs case `c` (inputs already written in dir) through `runner` twice and checks every property.
 * Returns the failures and the normalized outputs of the first run (to compare runners).
 */
export async function runCase(c, runner, dir, options = {}) {
  const argv = argvOf(c, dir);
  const first = await runner(argv, dir);
  first.stdout = normalize(first.stdout, dir);
  first.stderr = normalize(first.stderr, dir);
  const failures = checkResult(c, first);
  if (options.rerun !== false && !first.timedOut) {
    const second = await runner(argv, dir);
    second.stdout = normalize(second.stdout, dir);
    second.stderr = normalize(second.stderr, dir);
    const differs = second.code !== first.code || second.stdout !== first.stdout || second.stderr !== first.stderr;
    // a stack overflow may happen on one run and not the other: it is reported as itself
    if (differs && !crashed(first) && !crashed(second)) {
      failures.push({
        signature: `output differs on a rerun: ${c.command} -f ${c.format}`,
        detail: firstDifference(first, second),
      });
    }
  }
  return { failures, result: first };
}

export function firstDifference(a, b) {
  if (a.code !== b.code) return `exit ${a.code} then ${b.code}`;
  for (const stream of ['stdout', 'stderr']) {
    const x = a[stream].split('\n');
    const y = b[stream].split('\n');
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      if (x[i] !== y[i]) return `${stream} line ${i + 1}:\n- ${x[i] ?? '(none)'}\n+ ${y[i] ?? '(none)'}`;
    }
  }
  return '';
}

// ---------------------------------------------------------------------------------------------
// Shrinking: the smallest text (by lines, then by characters) that still fails the same way.

export async function shrinkCase(c, signature, reproduces, budget = 200) {
  let best = { ...c };
  let tries = 0;
  const attempt = async (candidate) => {
    if (tries >= budget) return false;
    tries++;
    if (await reproduces(candidate)) {
      best = candidate;
      return true;
    }
    return false;
  };
  // the other inputs first: an empty current side, no Secret when the class is not about it
  if (best.currentText !== '') await attempt({ ...best, currentText: '' });
  if (!signature.startsWith('secret') && best.secret !== 'none') await attempt({ ...best, secret: 'none' });
  // then lines, in chunks halving down to one line
  // lines end in \n, or only in \r (old Mac line ends, one of the mutations)
  const eol = best.text.includes('\n') || !best.text.includes('\r') ? '\n' : '\r';
  let lines = best.text.split(eol);
  let chunk = Math.max(1, Math.ceil(lines.length / 2));
  while (tries < budget) {
    let removed = false;
    for (let i = 0; i < lines.length && tries < budget; ) {
      const candidate = [...lines.slice(0, i), ...lines.slice(i + chunk)];
      if (await attempt({ ...best, text: candidate.join(eol) })) {
        lines = candidate;
        removed = true;
      } else i += chunk;
    }
    if (!removed) {
      if (chunk === 1) break;
      chunk = Math.max(1, Math.floor(chunk / 2));
    }
  }
  // then trailing characters of each line, for short inputs
  if (best.text.length < 4000) {
    lines = best.text.split(eol);
    for (let i = 0; i < lines.length && tries < budget; i++) {
      for (let cut = Math.floor(lines[i].length / 2); cut >= 1 && tries < budget; cut = Math.floor(cut / 2)) {
        const candidate = [...lines];
        candidate[i] = lines[i].slice(0, lines[i].length - cut);
        if (await attempt({ ...best, text: candidate.join(eol) })) {
          lines = candidate;
          cut = lines[i].length;
        }
      }
    }
  }
  return { case: best, tries };
}

/** Saves a case's input set, its command and its failure under dir. */
export function saveCase(c, failure, dir) {
  writeCase(c, dir);
  writeFileSync(
    join(dir, 'README.txt'),
    `${failure.signature}\n\nrun here: ${commandLine(c)}\n(seed ${c.seed}, mutant ${c.index}: ${c.base}, mutations ${c.ops.join(', ')}, Secret ${c.secret})\n\n${failure.detail}\n`,
  );
}

export function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/** The case's mutant text, indented, for a report. */
export function quote(text, max = 40) {
  const lines = text.split('\n');
  const shown = lines.slice(0, max).map((l) => {
    const q = JSON.stringify(l).slice(1, -1);
    return `    | ${q.length > 160 ? `${q.slice(0, 160)}... (${q.length} chars)` : q}`;
  });
  if (lines.length > max) shown.push(`    | ... ${lines.length - max} more lines`);
  return shown.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Runners: how a case's argv is run.

/** Runs kubeplan's `cli` function in this process, capturing what it writes. */
export function inProcessRunner(cli) {
  return async (argv, cwd) => {
    let stdout = '';
    let stderr = '';
    // what a process would print on its stderr: Node.js warnings (process.emitWarning)
    const warnings = [];
    const onWarning = (w) => warnings.push(`(node:PID) ${w.name}: ${w.message}\n`);
    process.on('warning', onWarning);
    try {
      const code = await cli(argv, {
        stdout: { write: (s) => (stdout += s), isTTY: false },
        stderr: { write: (s) => (stderr += s) },
        env: {},
        cwd,
      });
      await new Promise((resolve) => setImmediate(resolve));
      return { code, stdout, stderr: stderr + warnings.join('') };
    } catch (error) {
      return { code: 'rejected', stdout, stderr: `${stderr}\n${error?.stack ?? String(error)}` };
    } finally {
      process.off('warning', onWarning);
    }
  };
}

/** Runs `node bin argv` as a process, as a user would. */
export function processRunner(bin, timeoutMs = 120000) {
  const script = resolve(bin);
  return (argv, cwd) =>
    new Promise((resolve) => {
      execFile(
        process.execPath,
        [script, ...argv],
        {
          cwd,
          env: { PATH: process.env.PATH ?? '' },
          timeout: timeoutMs,
          maxBuffer: 256 * 1024 * 1024,
          encoding: 'utf8',
        },
        (error, stdout, stderr) => {
          if (error?.killed) resolve({ code: null, stdout, stderr, timedOut: true, timeoutMs });
          else resolve({ code: error ? (error.code ?? error.signal) : 0, stdout, stderr });
        },
      );
    });
}

// ---------------------------------------------------------------------------------------------
// A whole run, one case after the other (the jest test; run.mjs runs cases on worker threads).

function record(classes, failure, c, via) {
  const known = classes.get(failure.signature);
  if (known) known.count++;
  else classes.set(failure.signature, { signature: failure.signature, count: 1, via, first: c, failure });
}

/** Compares the in-process and the process outputs of one case. */
export function compareRunners(c, inProcess, asProcess) {
  if (asProcess.timedOut) return [];
  // a crash or a stack overflow is reported as such; where it happens depends on the stack size
  if (crashed(inProcess) || crashed(asProcess)) return [];
  if (
    inProcess.code === asProcess.code &&
    inProcess.stdout === asProcess.stdout &&
    inProcess.stderr === asProcess.stderr
  )
    return [];
  return [
    {
      signature: `in-process and process outputs differ: ${c.command} -f ${c.format}`,
      detail: firstDifference(inProcess, asProcess),
    },
  ];
}

/** The signatures of one case's failures through runner (with the process comparison when asked). */
export async function failuresOf(c, runner, dir, options = {}) {
  writeCase(c, dir);
  const { failures, result } = await runCase(c, runner, dir, options);
  if (options.process) {
    const other = await runCase(c, options.process, dir, options);
    failures.push(...other.failures, ...compareRunners(c, result, other.result));
  }
  const seen = new Set();
  return failures.filter((f) => !seen.has(f.signature) && seen.add(f.signature));
}

/**
 * Runs `count` mutants of `seed`, each in-process (and every `processEvery`-th also as a
 * process), then shrinks the first mutant of each failure class and saves it under saveDir.
 */
export async function fuzz(options) {
  const { fixtures, seed, count, runner, workDir, saveDir, log = () => {} } = options;
  const caseDir = join(workDir, 'fuzz-case');
  const classes = new Map();
  let runs = 0;
  const started = Date.now();
  for (let i = 0; i < count; i++) {
    const c = generateCase(fixtures, seed, i);
    const asProcess = options.processRunner && options.processEvery && i % options.processEvery === 0;
    const rerun = i % (options.rerunEvery ?? 1) === 0;
    const failures = await failuresOf(c, runner, caseDir, {
      rerun,
      ...(asProcess ? { process: options.processRunner } : {}),
    });
    runs += (asProcess ? 2 : 1) * (rerun ? 2 : 1);
    for (const f of failures) record(classes, f, c, asProcess ? 'process' : 'in-process');
  }
  const fuzzMs = Date.now() - started;
  const shrinkDeadline = Date.now() + (options.shrinkMs ?? 60000);
  let saved = 0;
  for (const cls of classes.values()) {
    const runnerFor =
      cls.via === 'process' && /process|timeout|exit code/.test(cls.signature) ? options.processRunner : runner;
    const opts = cls.signature.startsWith('in-process') ? { process: options.processRunner } : {};
    const reproduces = async (candidate) => {
      if (Date.now() > shrinkDeadline) return false;
      const found = await failuresOf(candidate, runnerFor, caseDir, {
        ...opts,
        rerun: cls.signature.startsWith('output differs'),
      });
      const same = found.find((f) => f.signature === cls.signature);
      if (same) cls.minimalFailure = same;
      return same !== undefined;
    };
    const shrunk = cls.signature.startsWith('timeout')
      ? { case: cls.first, tries: 0 }
      : await shrinkCase(cls.first, cls.signature, reproduces, options.shrinkBudget ?? 200);
    cls.minimal = shrunk.case;
    if (saveDir) {
      cls.savedIn = join(saveDir, `${String(++saved).padStart(2, '0')}-${slug(cls.signature)}`);
      saveCase(cls.minimal, cls.minimalFailure ?? cls.failure, cls.savedIn);
    }
    log(`shrunk ${cls.signature} in ${shrunk.tries} runs`);
  }
  return { seed: String(seed), count, runs, fuzzMs, classes: [...classes.values()] };
}

/** A run's result as text: seed, counts, then each failure class with its minimal input. */
export function formatReport(summary) {
  const out = [
    `kubeplan fuzz: seed ${summary.seed}, ${summary.count} mutants, ${summary.runs} runs in ${(summary.fuzzMs / 1000).toFixed(1)} s, ${summary.classes.length} failure classes`,
  ];
  summary.classes.forEach((cls, n) => {
    const m = cls.minimal ?? cls.first;
    out.push(
      '',
      `[${n + 1}] ${cls.signature}`,
      `  ${cls.count} mutants; first: mutant ${cls.first.index} of ${cls.first.base} (${cls.first.ops.join(', ')}), via ${cls.via}`,
      `  minimal input: desired/${m.name} (${m.text.split('\n').length} lines), Secret ${m.secret}${m.currentText === '' ? ', current side empty' : ''}; ${commandLine(m)}`,
      quote(m.text),
      (cls.minimalFailure ?? cls.failure).detail
        .split('\n')
        .slice(0, 8)
        .map((l) => `  > ${l}`)
        .join('\n'),
    );
    if (cls.savedIn) out.push(`  saved in ${cls.savedIn}`);
  });
  return out.join('\n');
}
