import { describe, expect, it } from '@jest/globals';
import { lint } from '../../src/index.js';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { parseKubeVersion } from '../../src/lint/kube-version.js';
import { defineRule } from '../../src/lint/rule.js';
import { resolveRuleSettings } from '../../src/lint/rule-settings.js';
import { runRules } from '../../src/lint/run-rules.js';
import { BUILTIN_RULES } from '../../rules/index.js';

const input = (yaml: string) => ({ readStdin: async () => Buffer.from(yaml) });
const brief = (f: { line: number; column: number; ruleId: string; message: string }) =>
  `${f.line}:${f.column} ${f.ruleId} ${f.message}`;

const WEB = (annotations: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  annotations:
${annotations}
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:latest
        - name: proxy
          image: envoyproxy/envoy:latest
`;

async function run(yaml: string, options = {}) {
  return lint(['-'], { ...input(yaml), onlyRules: ['image-tag-latest', 'liveness-probe-missing'], ...options });
}

describe('suppression annotations', () => {
  it('suppress the named rules on the whole object, and count them', async () => {
    const r = await run(WEB('    kubeplan.io/ignore: image-tag-latest, liveness-probe-missing'));
    expect(r.findings).toEqual([]);
    expect(r.summary.suppressed).toBe(4);
    expect(r.suppressed.map((s) => `${s.finding.line} ${s.finding.ruleId}`)).toEqual([
      '17 liveness-probe-missing',
      '18 image-tag-latest',
      '19 liveness-probe-missing',
      '20 image-tag-latest',
    ]);
  });

  it('suppress everything with "all", keeping the reason', async () => {
    const r = await run(
      WEB('    kubeplan.io/ignore: all\n    kubeplan.io/ignore-reason: vendor chart, pinned by digest at deploy time'),
    );
    expect(r.findings).toEqual([]);
    expect(new Set(r.suppressed.map((s) => s.reason))).toEqual(
      new Set(['vendor chart, pinned by digest at deploy time']),
    );
  });

  it('suppress per container with kubeplan.io/ignore.<container>', async () => {
    const r = await run(WEB('    kubeplan.io/ignore.proxy: image-tag-latest'));
    expect(r.findings.map(brief)).toEqual([
      '17:11 liveness-probe-missing container "web" has no liveness probe: if it hangs, nothing restarts it',
      '18:18 image-tag-latest container "web": image "nginx:latest" uses the moving tag "latest"; pin a version or a digest',
      '19:11 liveness-probe-missing container "proxy" has no liveness probe: if it hangs, nothing restarts it',
    ]);
    expect(r.summary.suppressed).toBe(1);
  });

  it('report unknown rule ids and containers, which would suppress nothing', async () => {
    const r = await lint(['-'], {
      ...input(WEB('    kubeplan.io/ignore: image-tag-lates\n    kubeplan.io/ignore.prxy: all')),
      onlyRules: [],
    });
    expect(r.findings.map(brief)).toEqual([
      '7:25 ignore-annotation-invalid suppression names unknown rule "image-tag-lates"; did you mean "image-tag-latest"? (it suppresses nothing)',
      '8:30 ignore-annotation-invalid suppression names container "prxy", which this object does not have; did you mean "proxy"?',
    ]);
  });

  it('are ineffective with inlineIgnores false (--no-inline-ignores)', async () => {
    const r = await run(WEB('    kubeplan.io/ignore: all'), { inlineIgnores: false });
    expect(r.findings).toHaveLength(4);
    expect(r.summary.suppressed).toBe(0);
  });

  it('cannot suppress the rules the configuration forbids', async () => {
    const config = { inlineIgnores: { forbid: ['image-tag-latest'] } };
    const r = await run(WEB('    kubeplan.io/ignore: all'), { config });
    expect(r.findings.map((f) => f.message)).toEqual([
      'container "web": image "nginx:latest" uses the moving tag "latest"; pin a version or a digest (not suppressed: .kubeplan.yaml forbids kubeplan.io/ignore for this rule)',
      'container "proxy": image "envoyproxy/envoy:latest" uses the moving tag "latest"; pin a version or a digest (not suppressed: .kubeplan.yaml forbids kubeplan.io/ignore for this rule)',
    ]);
    expect(r.summary.suppressed).toBe(2);
  });
});

describe('rule severities from the configuration', () => {
  it('override the default, and off disables a rule', async () => {
    const r = await run(WEB('    note: none'), {
      config: { rules: { 'image-tag-latest': 'error', 'liveness-probe-missing': { severity: 'off' } } },
    });
    expect(r.findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual([
      'image-tag-latest error',
      'image-tag-latest error',
    ]);
    expect(r.summary.errors).toBe(2);
  });
});

describe('the engine', () => {
  it('turns a rule that throws into a rule-error finding and runs the others', () => {
    const { manifests } = parseManifests('a.yaml', WEB('    note: none'));
    const broken = defineRule({
      meta: { ...BUILTIN_RULES[0]!.meta, id: 'broken' },
      check() {
        throw new TypeError("Cannot read properties of undefined (reading 'name')");
      },
    });
    const settings = [
      ...resolveRuleSettings([broken]),
      ...resolveRuleSettings(BUILTIN_RULES, {}, ['image-tag-latest']),
    ];
    const run = runRules(manifests, {
      settings,
      kubernetesVersion: parseKubeVersion('1.36')!,
      inlineIgnores: true,
      forbidIgnore: new Set(),
      knownRuleIds: new Set(),
    });
    expect(run.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.severity} ${f.message}`)).toEqual([
      "1:1 rule-error error rule broken failed on this object (Cannot read properties of undefined (reading 'name')); the other rules still ran; please report this",
      '18:18 image-tag-latest warning container "web": image "nginx:latest" uses the moving tag "latest"; pin a version or a digest',
      '20:18 image-tag-latest warning container "proxy": image "envoyproxy/envoy:latest" uses the moving tag "latest"; pin a version or a digest',
    ]);
  });

  it('attaches the rule id, phase and remediation to findings', async () => {
    const r = await run(WEB('    note: none'));
    const finding = r.findings.find((f) => f.ruleId === 'image-tag-latest');
    expect(finding).toMatchObject({
      phase: 'rule',
      pointer: '/spec/template/spec/containers/0/image',
      object: { kind: 'Deployment', namespace: 'shop', name: 'web' },
    });
    expect(finding!.remediation).toContain('Pin the image');
  });

  it('leaves objects of unknown API versions to the schema phase', async () => {
    const r = await lint(['fixtures/bad-input/unknown-api.yaml']);
    expect(r.findings.filter((f) => f.phase === 'rule')).toEqual([]);
  });
});

describe('the engine, driven directly', () => {
  const versions = parseKubeVersion('1.36')!;
  const everywhere = (check: () => void) =>
    defineRule({
      meta: { ...BUILTIN_RULES[0]!.meta, id: 'probe', target: 'all', messages: { seen: 'seen' } },
      check,
    });
  const runWith = (yaml: string, rules: ReturnType<typeof defineRule>[], knownRuleIds: string[] = []) =>
    runRules(parseManifests('a.yaml', yaml).manifests, {
      settings: resolveRuleSettings(rules),
      kubernetesVersion: versions,
      inlineIgnores: true,
      forbidIgnore: new Set(),
      knownRuleIds: new Set(knownRuleIds),
    });

  it('reports only the first line of a thrown message, cut to 200 characters, on the object itself', () => {
    const long = `${'x'.repeat(210)}\nsecond line`;
    const run = runWith('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n', [
      everywhere(() => {
        throw new Error(long);
      }),
    ]);
    expect(run.findings).toHaveLength(1);
    expect(run.findings[0]).toMatchObject({ ruleId: 'rule-error', severity: 'error', pointer: '', phase: 'rule' });
    expect(run.findings[0]!.message).toBe(
      `rule probe failed on this object (${'x'.repeat(200)}); the other rules still ran; please report this`,
    );
  });

  it('skips built-in kinds in an apiVersion Kubernetes never served, even for rules that target every object', () => {
    let calls = 0;
    const run = runWith('apiVersion: apps/v9\nkind: Deployment\nmetadata: {name: web}\n', [everywhere(() => calls++)]);
    expect(calls).toBe(0);
    expect(run.findings).toEqual([]);
  });

  it('accepts container suppressions for init and ephemeral containers', () => {
    const run = runWith(
      `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    kubeplan.io/ignore.setup: probe
    kubeplan.io/ignore.debugger: probe
spec:
  initContainers: [{name: setup, image: busybox:1.36}]
  containers: [{name: app, image: nginx:1.27}]
  ephemeralContainers: [{name: debugger, image: busybox:1.36}]
`,
      [],
      ['probe'],
    );
    expect(run.findings).toEqual([]);
  });

  it('reports any container suppression on an object without a pod template as a warning of the rule phase', () => {
    const run = runWith(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    kubeplan.io/ignore.app: all\n',
      [],
    );
    expect(run.findings.map((f) => `${f.ruleId} ${f.severity} ${f.phase} ${f.pointer} ${f.message}`)).toEqual([
      'ignore-annotation-invalid warning rule /metadata/annotations/kubeplan.io~1ignore.app suppression names container "app", which this object does not have',
    ]);
  });

  it('keeps no reason key on suppressed findings when the object gives no kubeplan.io/ignore-reason', () => {
    const run = runWith(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    kubeplan.io/ignore: probe\n',
      [
        defineRule({
          meta: { ...BUILTIN_RULES[0]!.meta, id: 'probe', target: 'all', messages: { seen: 'seen' } },
          check: (ctx) => ctx.report({ pointer: '/metadata/name', messageId: 'seen' }),
        }),
      ],
      ['probe'],
    );
    expect(run.findings).toEqual([]);
    expect(run.suppressed).toHaveLength(1);
    expect(Object.keys(run.suppressed[0]!)).toEqual(['finding']);
  });
});
