import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const BROKEN = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\ndata:\n  workers: 3\n';

describe('--format sarif, github and junit', () => {
  it('lint --format sarif lists every rule and the findings with repository paths', async () => {
    const r = await runCli(['lint', '--format', 'sarif', 'fixtures/bad-input/duplicate-keys.yaml']);
    const run = JSON.parse(r.stdout).runs[0];
    expect(run.tool.driver.name).toBe('kubeplan');
    const ids = run.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ids).toEqual(
      expect.arrayContaining(['image-tag-latest', 'schema-invalid', 'yaml-duplicate-key', 'rule-error']),
    );
    expect(
      run.results.map(
        (x: {
          ruleId: string;
          locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>;
        }) =>
          `${x.ruleId} ${x.locations[0]!.physicalLocation.artifactLocation.uri}:${x.locations[0]!.physicalLocation.region.startLine}`,
      ),
    ).toEqual(['yaml-duplicate-key fixtures/bad-input/duplicate-keys.yaml:7']);
    expect(r.code).toBe(1);
  });

  it('check --format github prints workflow commands', async () => {
    const r = await runCli(['check', '--format', 'github', '-'], { stdin: BROKEN });
    expect(r.stdout).toBe(
      '::error file=<stdin>,line=7,endLine=7,col=12,endColumn=13,title=kubeplan schema-invalid::data.workers: expected string, got number 3\n',
    );
    expect(r.code).toBe(1);
  });

  it('lint --format junit has a case per object', async () => {
    const r = await runCli(['lint', '--format', 'junit', '-'], {
      stdin: `${BROKEN}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: fine, namespace: shop}\n`,
    });
    expect(r.stdout).toContain('<testsuites name="kubeplan" tests="2" failures="1" errors="0">');
    expect(r.stdout).toContain('<testcase classname="&lt;stdin&gt;" name="ConfigMap shop/fine"/>');
  });

  describe('in a GitHub Actions job', () => {
    let dir: string;
    let cleanup: () => void;
    beforeEach(() => {
      ({ dir, cleanup } = tempDir());
    });
    afterEach(() => cleanup());

    it('puts the findings beyond ten per level in the job summary', async () => {
      const many = Array.from({ length: 12 }, (_, i) => BROKEN.replace('settings', `settings-${i}`)).join('---\n');
      const summary = join(dir, 'summary.md');
      writeFileSync(summary, '');
      const r = await runCli(['lint', '--format', 'github', '-'], {
        stdin: many,
        env: { GITHUB_STEP_SUMMARY: summary },
      });
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(11);
      expect(lines[10]).toBe('kubeplan: 2 more findings did not fit as annotations; the job summary lists them');
      expect(readFileSync(summary, 'utf8')).toContain('### kubeplan: 2 more findings');
    });

    it('lists the findings beyond ten per level in the log without a job summary', async () => {
      const many = Array.from({ length: 12 }, (_, i) => BROKEN.replace('settings', `settings-${i}`)).join('---\n');
      for (const env of [{}, { GITHUB_STEP_SUMMARY: join(dir, 'no/such/dir/summary.md') }] as Array<
        Record<string, string>
      >) {
        const r = await runCli(['lint', '--format', 'github', '-'], { stdin: many, env });
        const lines = r.stdout.trimEnd().split('\n');
        expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10);
        expect(lines.slice(10)).toEqual([
          'kubeplan: 2 more findings did not fit as annotations (GitHub shows 10 of each level per step):',
          '<stdin>:87:12  error  data.workers: expected string, got number 3  schema-invalid',
          '<stdin>:95:12  error  data.workers: expected string, got number 3  schema-invalid',
        ]);
        expect(r.code).toBe(1);
      }
    });
  });
});
