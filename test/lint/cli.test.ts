import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { cli } from '../../src/cli.js';
import { BUILTIN_RULES } from '../../rules/index.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const LATEST =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\n  annotations:\n    kubeplan.io/ignore: all\nspec:\n  containers:\n    - name: debug\n      image: busybox\n';

/** Runs the CLI with a working directory, for the configuration found upward from it. */
async function runIn(cwd: string, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await cli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    cwd,
  });
  return { code, stdout, stderr };
}

describe('kubeplan rules', () => {
  it('lists every rule by category with its default severity', async () => {
    const r = await runCli(['rules']);
    expect(r.code).toBe(0);
    for (const rule of BUILTIN_RULES) expect(r.stdout).toContain(`  ${rule.meta.id} `);
    expect(r.stdout).toContain('Security (Pod Security Standards):');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      `${BUILTIN_RULES.length} rules. A run uses the rules of its profile (--profile; default: default) and those .kubeplan.yaml names; read one with kubeplan explain <id>.`,
    );
  });

  it('prints JSON', async () => {
    const rules = JSON.parse((await runCli(['rules', '--format', 'json'])).stdout) as Array<{
      id: string;
      severity: string;
      options: object;
    }>;
    expect(rules.map((r) => r.id)).toEqual(BUILTIN_RULES.map((r) => r.meta.id));
    expect(rules.find((r) => r.id === 'image-tag-latest')).toMatchObject({
      severity: 'warning',
      category: 'images',
      options: { mutableTags: ['latest'] },
    });
  });
});

describe('kubeplan explain', () => {
  it("prints a rule's documentation", async () => {
    const r = await runCli(['explain', 'hpa-replicas-conflict']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^## hpa-replicas-conflict\n\nA workload scaled by a HorizontalPodAutoscaler also sets `spec.replicas`\.\n/,
    );
    expect(r.stdout).toContain('**How to fix it.**');
  });

  it('exits 2 for an unknown rule, suggesting the closest', async () => {
    const r = await runCli(['explain', 'image-tag-lastest']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'kubeplan: unknown rule "image-tag-lastest"; did you mean "image-tag-latest"? (kubeplan rules lists them)\n',
    );
  });
});

describe('kubeplan lint with rules', () => {
  it('counts suppressed findings in the text and JSON summaries', async () => {
    const text = await runCli(['lint', '--profile', 'all', '-'], { stdin: LATEST });
    // A bare pod of busybox with nothing set: no tag, no requests or memory limit, no security
    // context (seccomp, non-root, privilege escalation, read-only root, capabilities) and the
    // default service account's token: 10 warnings of the rules of every profile, all
    // suppressed by `ignore: all`.
    expect(text.stdout).toBe(
      'No problems found (1 file, 1 object).\n10 findings suppressed by kubeplan.io/ignore annotations (--no-inline-ignores shows them).\n',
    );
    const json = JSON.parse((await runCli(['lint', '--profile', 'all', '-f', 'json', '-'], { stdin: LATEST })).stdout);
    expect(json.summary.suppressed).toBe(10);
    expect(json.findings).toEqual([]);
    const shown = await runCli(['lint', '--profile', 'all', '--no-inline-ignores', '-'], { stdin: LATEST });
    expect(shown.stdout).toContain('image-tag-latest');
    expect(shown.stdout).toContain('\n0 errors, 10 warnings, 0 info (1 file, 1 object).\n');
    // The default profile: no tag and no requests.
    const quiet = await runCli(['lint', '--no-inline-ignores', '-'], { stdin: LATEST });
    expect(quiet.stdout).toContain('\n0 errors, 3 warnings, 0 info (1 file, 1 object).\n');
  });

  it('checks against --kube-version and rejects one that is not a version', async () => {
    const pdb =
      'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: web}\n';
    expect((await runCli(['lint', '--kube-version', '1.24', '-'], { stdin: pdb })).stdout).toContain(
      'is deprecated and removed in Kubernetes 1.25 (target 1.24)',
    );
    expect((await runCli(['lint', '-'], { stdin: pdb })).stdout).toContain(
      'was removed in Kubernetes 1.25 (target 1.36)',
    );
    const bad = await runCli(['lint', '--kube-version', 'latest', '-'], { stdin: pdb });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('kubeplan: --kube-version "latest" is not a Kubernetes version such as 1.30\n');
  });

  it('reads .kubeplan.yaml upward from the working directory; flags win over it', async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, '.kubeplan.yaml'), 'failOn: warning\nrules:\n  image-tag-latest: off\n');
      writeFileSync(join(dir, 'pod.yaml'), LATEST.replace('    kubeplan.io/ignore: all\n', '    owner: shop\n'));
      const r = await runIn(dir, ['lint', join(dir, 'pod.yaml')]);
      expect(r.stdout).not.toContain('image-tag-latest');
      expect(r.code).toBe(1);
      expect((await runIn(dir, ['lint', '--fail-on', 'error', join(dir, 'pod.yaml')])).code).toBe(0);
    } finally {
      cleanup();
    }
  });

  it('exits 2 with the position of a bad key in the configuration', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const config = join(dir, 'kubeplan.yaml');
      writeFileSync(config, 'rules:\n  image-tag-latest: off\nfail-on: warning\n');
      const r = await runCli(['lint', '--config', config, '-'], { stdin: LATEST });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `kubeplan: ${config}:3:1: unknown key "fail-on" in the top level; did you mean "failOn"?\n`,
      );
    } finally {
      cleanup();
    }
  });
});
