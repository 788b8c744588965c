import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { BUILTIN_RULES } from '../../rules/index.js';
import { findConfigFile, formatConfigProblem, loadConfigFile, parseConfig } from '../../src/config/load-config.js';
import { loadInputs } from '../../src/load/inputs.js';
import { tempDir } from '../helpers/temp-dir.js';

function problems(text: string): string[] {
  const result = parseConfig('.kubeplan.yaml', text, BUILTIN_RULES);
  return result.ok ? [] : result.problems.map(formatConfigProblem);
}

describe('.kubeplan.yaml', () => {
  it('accepts every section', () => {
    const text = `kubernetesVersion: "1.30"
failOn: warning
ignorePaths: [charts/**, "*.generated.yaml"]
inlineIgnores:
  enabled: true
  forbid: [privileged-container]
rules:
  image-tag-latest: error
  liveness-probe-missing: off
  secret-in-env-value:
    severity: warning
    options:
      namePattern: "(PASSWORD|TOKEN)$"
cluster:
  nodeGroups:
    - name: general
      count: 3
      cpu: 3920m
      memory: 14880Mi
      pods: 58
      ephemeralStorage: 80Gi
      zones: [eu-1a, eu-1b]
      instanceType: m6i.xlarge
      labels: { pool: general }
      taints: [{ key: dedicated, value: batch, effect: NoSchedule }]
      unschedulable: false
`;
    const result = parseConfig('.kubeplan.yaml', text, BUILTIN_RULES);
    expect(result.ok && result.locate?.('/cluster/nodeGroups/0/cpu')).toEqual({
      line: 18,
      column: 12,
      endLine: 18,
      endColumn: 17,
    });
    expect({ ...result, locate: undefined }).toEqual({
      ok: true,
      file: '.kubeplan.yaml',
      config: {
        kubernetesVersion: '1.30',
        failOn: 'warning',
        ignorePaths: ['charts/**', '*.generated.yaml'],
        inlineIgnores: { enabled: true, forbid: ['privileged-container'] },
        rules: {
          'image-tag-latest': 'error',
          'liveness-probe-missing': 'off',
          'secret-in-env-value': { severity: 'warning', options: { namePattern: '(PASSWORD|TOKEN)$' } },
        },
        cluster: {
          nodeGroups: [
            {
              name: 'general',
              count: 3,
              cpu: '3920m',
              memory: '14880Mi',
              pods: 58,
              ephemeralStorage: '80Gi',
              zones: ['eu-1a', 'eu-1b'],
              instanceType: 'm6i.xlarge',
              labels: { pool: 'general' },
              taints: [{ key: 'dedicated', value: 'batch', effect: 'NoSchedule' }],
              unschedulable: false,
            },
          ],
        },
      },
    });
  });

  it('is empty when the file is', () => {
    expect(parseConfig('.kubeplan.yaml', '# nothing yet\n', BUILTIN_RULES)).toEqual({
      ok: true,
      config: {},
      file: '.kubeplan.yaml',
    });
  });

  it('names an unknown key at its line and column, with a suggestion', () => {
    expect(problems('failOn: error\nrulez:\n  image-tag-latest: off\n')).toEqual([
      '.kubeplan.yaml:2:1: unknown key "rulez" in the top level; did you mean "rules"?',
    ]);
    expect(problems('inlineIgnores:\n  enable: false\n')).toEqual([
      '.kubeplan.yaml:2:3: unknown key "enable" in inlineIgnores; did you mean "enabled"?',
    ]);
  });

  it('names an unknown rule id, and an unknown option of a known rule', () => {
    expect(problems('rules:\n  image-tag-lastest: off\n')).toEqual([
      '.kubeplan.yaml:2:3: unknown rule "image-tag-lastest" in rules; did you mean "image-tag-latest"?',
    ]);
    expect(problems('rules:\n  image-tag-latest:\n    options:\n      mutableTag: [main]\n')).toEqual([
      '.kubeplan.yaml:4:7: unknown key "mutableTag" in rules.image-tag-latest.options; did you mean "mutableTags"?',
    ]);
  });

  it('explains bad values', () => {
    expect(problems('rules:\n  image-tag-latest: critical\n')).toEqual([
      '.kubeplan.yaml:2:21: rules.image-tag-latest: "critical" is not one of off, error, warning, info',
    ]);
    expect(problems('rules:\n  image-tag-latest:\n    severity: high\n')).toEqual([
      '.kubeplan.yaml:3:15: rules.image-tag-latest.severity: "high" is not one of off, error, warning, info',
    ]);
    expect(problems('rules:\n  image-tag-latest:\n    options:\n      mutableTags: main\n')).toEqual([
      '.kubeplan.yaml:4:20: rules.image-tag-latest.options.mutableTags: expected array, got string "main"',
    ]);
    expect(problems('failOn: sometimes\n')).toEqual([
      '.kubeplan.yaml:1:9: failOn: "sometimes" is not one of error, warning, info, never',
    ]);
    expect(problems('profile: strict\n')).toEqual([
      '.kubeplan.yaml:1:10: profile: "strict" is not one of default, restricted, all',
    ]);
    expect(problems('kubernetesVersion: 1.30\n')).toEqual([
      '.kubeplan.yaml:1:20: kubernetesVersion: write the version in quotes (e.g. "1.30"): YAML reads 1.3 as a number',
    ]);
    expect(problems('kubernetesVersion: latest\n')).toEqual([
      '.kubeplan.yaml:1:20: kubernetesVersion: "latest" is not a Kubernetes version such as "1.36"',
    ]);
    expect(problems('inlineIgnores:\n  forbid: [privileged-containers]\n')).toEqual([
      '.kubeplan.yaml:2:12: inlineIgnores.forbid: unknown rule "privileged-containers"; did you mean "privileged-container"?',
    ]);
    expect(problems('rules:\n  secret-in-env-value:\n    options:\n      namePattern: "(unclosed"\n')).toEqual([
      '.kubeplan.yaml:4:20: rules.secret-in-env-value.options.namePattern: not a valid regular expression (Invalid regular expression: /(unclosed/: Unterminated group)',
    ]);
  });

  it('reports a collection used as a key in its own words, with nothing printed by the YAML package', () => {
    const warnings: unknown[] = [];
    const emit = process.emitWarning;
    process.emitWarning = ((warning: unknown) => void warnings.push(warning)) as typeof process.emitWarning;
    try {
      expect(problems('? [a, b]\n: c\n')).toEqual(['.kubeplan.yaml:1:1: unknown key "[ a, b ]" in the top level']);
    } finally {
      process.emitWarning = emit;
    }
    expect(warnings).toEqual([]);
  });

  it('accepts only the Kubernetes releases kubeplan supports', () => {
    expect(problems('kubernetesVersion: "2.0"\n')).toEqual([
      '.kubeplan.yaml:1:20: kubernetesVersion: "2.0" is not a Kubernetes release kubeplan supports (1.16 to 1.36)',
    ]);
    expect(problems('kubernetesVersion: "1.15"\n')).toEqual([
      '.kubeplan.yaml:1:20: kubernetesVersion: "1.15" is not a Kubernetes release kubeplan supports (1.16 to 1.36)',
    ]);
    expect(problems('kubernetesVersion: "v1.16.2"\nfailOn: error\n')).toEqual([]);
  });

  it('reports an alias bomb or an alias without its anchor as a problem of the file, at the alias', () => {
    const bomb = [
      'failOn: error',
      'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      '',
    ].join('\n');
    expect(problems(bomb)).toEqual([
      '.kubeplan.yaml:3:8: YAML aliases expand more than 100 times (an "alias bomb"); not read',
    ]);
    expect(problems('failOn: error\nignorePaths: [a, *paths]\n')).toEqual([
      '.kubeplan.yaml:2:18: Unresolved alias (the anchor must be set before the alias): paths',
    ]);
    // Anchors and aliases within bounds are read as usual.
    expect(
      problems('ignorePaths: &p [vendor/]\nrules:\n  image-tag-latest:\n    options:\n      mutableTags: [main]\n'),
    ).toEqual([]);
  });

  it('checks the node groups of the cluster section, listing problems in document order', () => {
    const text = `cluster:
  nodeGroups:
    - name: Web_1
      count: -1
      cpu: { value: 4 }
      memory: 16Gi
      pods: 1.5
      zones: []
      taints: [{ key: gpu, effect: Sometimes }]
      extra: 1
    - count: 1
  nodeGroup: []
`;
    expect(problems(text)).toEqual([
      '.kubeplan.yaml:3:13: cluster.nodeGroups[0].name: "Web_1" is not allowed: use lowercase letters, digits and "-", starting and ending with a letter or digit (it names the nodes <name>-1, <name>-2, ...)',
      '.kubeplan.yaml:4:14: cluster.nodeGroups[0].count: must be >= 0, got -1',
      '.kubeplan.yaml:5:12: cluster.nodeGroups[0].cpu: expected string or number, got a map',
      '.kubeplan.yaml:7:13: cluster.nodeGroups[0].pods: expected integer, got number 1.5',
      '.kubeplan.yaml:8:14: cluster.nodeGroups[0].zones: must not be empty',
      '.kubeplan.yaml:9:36: cluster.nodeGroups[0].taints[0].effect: "Sometimes" is not one of NoSchedule, PreferNoSchedule, NoExecute',
      '.kubeplan.yaml:10:7: unknown key "extra" in cluster.nodeGroups[0]',
      '.kubeplan.yaml:11:7: cluster.nodeGroups[1]: missing required key "name"',
      '.kubeplan.yaml:11:7: cluster.nodeGroups[1]: missing required key "cpu"',
      '.kubeplan.yaml:11:7: cluster.nodeGroups[1]: missing required key "memory"',
      '.kubeplan.yaml:12:3: unknown key "nodeGroup" in cluster; did you mean "nodeGroups"?',
    ]);
    expect(problems('cluster: [general]\n')).toEqual(['.kubeplan.yaml:1:10: cluster: expected object, got a list']);
  });

  it('reports YAML errors and documents that are not a map', () => {
    expect(problems('rules: [\n')).toHaveLength(1);
    expect(problems('- rules\n')).toEqual([
      '.kubeplan.yaml:1:1: the configuration must be a map of sections (rules, ignorePaths, ...)',
    ]);
    expect(problems('failOn: error\n---\nfailOn: info\n')).toEqual([
      '.kubeplan.yaml:2:1: the configuration must be a single YAML document',
    ]);
  });

  it('keeps ignorePaths as written and records its file, whose folder they are relative to', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, '.kubeplan.yaml');
      writeFileSync(file, 'ignorePaths: [charts/, "*.generated.yaml", "!keep.generated.yaml"]\n');
      const result = loadConfigFile(file, BUILTIN_RULES);
      expect(result).toEqual({
        ok: true,
        file,
        locate: expect.any(Function),
        config: { ignorePaths: ['charts/', '*.generated.yaml', '!keep.generated.yaml'], file },
      });
      // From a subfolder, `charts/` is still the configuration's charts folder.
      mkdirSync(join(dir, 'charts'));
      mkdirSync(join(dir, 'apps'));
      writeFileSync(join(dir, 'charts', 'a.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n');
      writeFileSync(join(dir, 'apps', 'b.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n');
      const config = result.ok ? result.config : {};
      const loaded = await loadInputs([dir], { config, cwd: join(dir, 'apps') });
      expect(loaded.desired.manifests.map((m) => m.ref.name)).toEqual(['b']);
    } finally {
      cleanup();
    }
  });

  it('is found in the working directory or a parent', () => {
    const { dir, cleanup } = tempDir();
    try {
      const nested = join(dir, 'apps', 'shop');
      mkdirSync(nested, { recursive: true });
      expect(findConfigFile(nested)).toBeUndefined();
      writeFileSync(join(dir, '.kubeplan.yaml'), 'failOn: warning\n');
      expect(findConfigFile(nested)).toBe(join(dir, '.kubeplan.yaml'));
      expect(loadConfigFile(join(dir, '.kubeplan.yaml'), BUILTIN_RULES)).toMatchObject({
        ok: true,
        config: { failOn: 'warning' },
      });
      expect(loadConfigFile(join(dir, 'missing.yaml'), BUILTIN_RULES)).toMatchObject({
        ok: false,
        problems: [{ message: 'cannot read the configuration: no such file' }],
      });
    } finally {
      cleanup();
    }
  });
});

describe('YAML 1.1 switches', () => {
  it('read an unquoted off (false) as turning a rule off, and on (true) as its default', () => {
    const result = parseConfig(
      '.kubeplan.yaml',
      'rules:\n  image-tag-latest: off\n  host-port: on\n  host-path-volume:\n    severity: off\n',
      BUILTIN_RULES,
    );
    expect(result).toMatchObject({
      ok: true,
      config: { rules: { 'image-tag-latest': 'off', 'host-path-volume': { severity: 'off' } } },
    });
    expect(result.ok && result.config.rules).not.toHaveProperty('host-port');
  });
});
