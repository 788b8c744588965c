import { describe, expect, it } from '@jest/globals';
import { BILLING_APPLIED_HUNK } from '../diff/fixtures.js';
import { runCommand } from '../diff/run-command.js';

const SECRETS = [
  'fixtures/diff/secrets/desired.yaml',
  '--current',
  'fixtures/diff/secrets/current.yaml',
  '--no-consequences',
];

describe('kubeplan diff', () => {
  it('prints a header and the unified diff of each changed object, the findings and the counts', async () => {
    const { code, stdout, stderr } = await runCommand(['diff', ...SECRETS]);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toBe(`Changes against fixtures/diff/secrets/current.yaml

~ Secret pay/billing  fixtures/diff/secrets/desired.yaml:2
${BILLING_APPLIED_HUNK}
~ Secret pay/ci-token  fixtures/diff/secrets/desired.yaml:13
@@ -3,6 +3,8 @@
 metadata:
   name: ci-token
   namespace: pay
+  labels:
+    team: payments
 data:
   token: "***"
 type: Opaque

+ Secret pay/signing-key  fixtures/diff/secrets/desired.yaml:23
@@ -0,0 +1,8 @@
+apiVersion: v1
+kind: Secret
+metadata:
+  name: signing-key
+  namespace: pay
+type: Opaque
+data:
+  key.pem: "*** (after)"

fixtures/diff/secrets/desired.yaml:8:3  warning  Secret pay/billing keeps key "payment-key" although the manifest drops it: the last apply wrote it under stringData, which the API server stores only as data, so kubectl apply finds nothing to remove (delete it with kubectl edit or kubectl patch)  diff-apply-keeps-secret-key

0 errors, 1 warning, 0 info (2 files, 5 objects).
1 to create, 2 to update, 0 to delete (0 unchanged, 0 unmanaged)
`);
  });

  it('colours additions, removals and headers on a terminal', async () => {
    const { stdout } = await runCommand(['diff', ...SECRETS], { tty: true });
    expect(stdout).toContain('\u001b[33m~ Secret pay/billing\u001b[39m');
    expect(stdout).toContain('\u001b[31m-  database-url: "*** (before)"\u001b[39m');
    expect(stdout).toContain('\u001b[32m+  database-url: "*** (after)"\u001b[39m');
    expect(stdout).toContain('\u001b[36m@@ -4,7 +4,8 @@\u001b[39m');
  });

  it('exits like kubectl diff with --exit-code: 0 without changes, 1 with changes, 2 on an error', async () => {
    // Compared whole, the live objects differ from the manifests only by what the server fills in.
    const noneArgs = [
      'diff',
      'fixtures/diff/defaults-only/desired.yaml',
      '--current',
      'fixtures/diff/defaults-only/current.yaml',
      '--exit-code',
      '--no-consequences',
      '--whole-object',
    ];
    const none = { ...(await runCommand(noneArgs)), args: noneArgs };
    expect([none.code, none.stdout]).toEqual([
      0,
      'Changes against fixtures/diff/defaults-only/current.yaml\n\nNo problems found (2 files, 10 objects).\n0 to create, 0 to update, 0 to delete (5 unchanged, 0 unmanaged)\n',
    ]);
    // Applied by kubectl, the same manifests change nothing either (the dump has no last-applied annotation).
    const applied = await runCommand(none.args.filter((a) => a !== '--whole-object'));
    expect([applied.code, applied.stdout.split('\n').at(-2)]).toEqual([
      0,
      '0 to create, 0 to update, 0 to delete (5 unchanged, 0 unmanaged)',
    ]);
    expect((await runCommand(['diff', ...SECRETS, '--exit-code'])).code).toBe(1);
    const immutable = [
      'diff',
      'fixtures/diff/immutable/desired.yaml',
      '--current',
      'fixtures/diff/immutable/current.yaml',
      '--no-consequences',
    ];
    expect((await runCommand([...immutable, '--exit-code'])).code).toBe(2);
    // Without --exit-code, as every command: findings at or above --fail-on exit 1.
    expect((await runCommand(immutable)).code).toBe(1);
    expect((await runCommand([...immutable, '--fail-on', 'never'])).code).toBe(0);
  });

  it('stops with a usage error for a current state it cannot use at all', async () => {
    const { code, stdout, stderr } = await runCommand([
      'diff',
      'fixtures/demo',
      '--current',
      'git:no-such-revision-anywhere',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^kubeplan: --current git:no-such-revision-anywhere: unknown revision "no-such-revision-anywhere" in \S+\n$/,
    );
    expect(await runCommand(['diff', 'fixtures/demo'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'kubeplan: --current is required: a file or directory of manifests or of a cluster dump, or git:<revision>\n',
    });
  });

  it('compares what it can read of a damaged or missing dump, and exits 2 for the unreadable file', async () => {
    const { code, stdout } = await runCommand([
      'diff',
      'fixtures/diff/secrets/only-token.yaml',
      '--current',
      'fixtures/diff/bad-dump.yaml',
      '--current',
      'fixtures/diff/no-such-dump.yaml',
      '--no-consequences',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe(`Changes against fixtures/diff/bad-dump.yaml, fixtures/diff/no-such-dump.yaml

fixtures/diff/bad-dump.yaml:5:5  error    items[0] is a string of 13 characters, not a Kubernetes object  document-not-object
fixtures/diff/bad-dump.yaml:6:5  error    items[1] is a number, not a Kubernetes object  document-not-object

fixtures/diff/no-such-dump.yaml:1:1  error    cannot read file: no such file or directory  file-unreadable

3 errors, 0 warnings, 0 info (3 files, 2 objects).
0 to create, 0 to update, 0 to delete (1 unchanged, 0 unmanaged)
`);
  });

  it('prints each change with its RFC 6902 patch and unified text as JSON', async () => {
    const { code, stdout } = await runCommand(['diff', ...SECRETS, '--format', 'json']);
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as Record<string, any>;
    expect(Object.keys(document)).toEqual(['current', 'changes', 'consequences', 'findings', 'summary']);
    expect(document.changes[0]).toEqual({
      action: 'update',
      object: { apiVersion: 'v1', kind: 'Secret', namespace: 'pay', name: 'billing' },
      desired: { file: 'fixtures/diff/secrets/desired.yaml', line: 2 },
      current: { file: 'fixtures/diff/secrets/current.yaml', line: 4 },
      refused: null,
      patch: [
        { op: 'replace', path: '/data/database-url', value: '*** (after)' },
        { op: 'add', path: '/data/webhook-secret', value: '*** (after)' },
      ],
      text: expect.stringMatching(
        /^--- current\/Secret\/pay\/billing\n\+\+\+ desired\/Secret\/pay\/billing\n@@ -4,7 \+4,8 @@\n/,
      ),
    });
    expect(document.consequences).toBeNull();
    expect(document.summary).toEqual({
      create: 1,
      update: 2,
      delete: 0,
      unchanged: 0,
      unmanaged: 0,
      generated: 0,
      outside: 0,
      files: 2,
      documents: 4,
      objects: 5,
      errors: 0,
      warnings: 1,
      infos: 0,
      ioErrors: 0,
    });
  });

  it('prints a pull-request comment with --format markdown', async () => {
    const { stdout } = await runCommand([
      'diff',
      'fixtures/diff/immutable/desired.yaml',
      '--current',
      'fixtures/diff/immutable/current.yaml',
      '--no-consequences',
      '--format',
      'markdown',
    ]);
    expect(stdout.split('\n<details>')[0]).toBe(`### kubeplan diff

**0 to create, 7 to update, 0 to delete (0 unchanged, 0 unmanaged) against \`fixtures/diff/immutable/current.yaml\`**

| | object | file | note |
|---|---|---|---|
| update | PersistentVolumeClaim prod/uploads | \`fixtures/diff/immutable/desired.yaml:63\` | refused: spec.resources.requests.storage: a claim cannot shrink below its volume's capacity ("100Gi" → "50Gi") |
| update | Secret prod/vendor | \`fixtures/diff/immutable/desired.yaml:99\` | refused: data: field is immutable when \`immutable\` is set |
| update | Service prod/db | \`fixtures/diff/immutable/desired.yaml:74\` | refused: spec.clusterIP: field is immutable ("10.96.88.9" → "None") |
| update | Deployment prod/web | \`fixtures/diff/immutable/desired.yaml:1\` | refused: spec.selector: field is immutable |
| update | StatefulSet prod/db | \`fixtures/diff/immutable/desired.yaml:22\` | refused: spec.volumeClaimTemplates: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden ("20Gi" → "50Gi") |
| update | Job prod/backfill | \`fixtures/diff/immutable/desired.yaml:50\` | refused: spec.template: field is immutable ("ghcr.io/example/backfill:1.0.0" → "ghcr.io/example/backfill:1.1.0") |
| update | RoleBinding prod/deployers | \`fixtures/diff/immutable/desired.yaml:86\` | refused: roleRef: cannot change roleRef ("edit" → "admin") |

#### Errors (7)

- **error** \`fixtures/diff/immutable/desired.yaml:11:13\` spec.selector: field is immutable; the API server rejects this update of Deployment prod/web (\`immutable-field\`)
- **error** \`fixtures/diff/immutable/desired.yaml:48:22\` spec.volumeClaimTemplates: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden ("20Gi" → "50Gi"); the API server rejects this update of StatefulSet prod/db (\`immutable-field\`)
- **error** \`fixtures/diff/immutable/desired.yaml:61:18\` spec.template: field is immutable ("ghcr.io/example/backfill:1.0.0" → "ghcr.io/example/backfill:1.1.0"); the API server rejects this update of Job prod/backfill (\`immutable-field\`)
- **error** \`fixtures/diff/immutable/desired.yaml:72:16\` spec.resources.requests.storage: a claim cannot shrink below its volume's capacity ("100Gi" → "50Gi"); the API server rejects this update of PersistentVolumeClaim prod/uploads (\`immutable-field\`)
- **error** \`fixtures/diff/immutable/desired.yaml:80:14\` spec.clusterIP: field is immutable ("10.96.88.9" → "None"); the API server rejects this update of Service prod/db (\`immutable-field\`)
- **error** \`fixtures/diff/immutable/desired.yaml:94:9\` roleRef: cannot change roleRef ("edit" → "admin"); the API server rejects this update of RoleBinding prod/deployers (\`immutable-field\`)
- **error** \`fixtures/diff/immutable/desired.yaml:106:12\` data: field is immutable when \`immutable\` is set; the API server rejects this update of Secret prod/vendor (\`immutable-field\`)
`);
    expect(stdout.match(/<details>/g)).toHaveLength(7);
  });
});
