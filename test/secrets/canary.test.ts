import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * Secret values put where manifests hold them, and every output of lint, plan and check
 * searched for them: none may appear, in any format, whatever else goes wrong around them.
 */
const CANARY = {
  data: 'kp-canary-data-1',
  stringData: 'kp-canary-stringdata-2',
  dataNotMap: 'kp-canary-data-not-map-3',
  stringDataNotMap: 'kp-canary-stringdata-not-map-4',
  badBase64: 'kp-canary-bad-base64-5!',
  env: 'kp-canary-env-7',
  liveEnv: 'kp-canary-live-env-8',
  lastApplied: 'kp-canary-last-applied-9',
  liveSecret: 'kp-canary-live-secret-10',
};

/**
 * A mistyped `immutable` of a Secret: schema messages never quote it (it may be a value pasted in
 * the wrong place), but the diff shows it as any field of the object.
 */
const IMMUTABLE = 'kp-canary-immutable-6';

const base64 = (text: string): string => Buffer.from(text).toString('base64');

/** Each canary as written and as base64 (a Secret's `data` holds the encoded form). */
const FORBIDDEN = Object.values(CANARY).flatMap((c) => [c, base64(c)]);

const desired = `apiVersion: v1
kind: Secret
metadata:
  name: db
data:
  password: ${base64(CANARY.data)}
  broken: "${CANARY.badBase64}"
stringData:
  token: ${CANARY.stringData}
---
apiVersion: v1
kind: Secret
metadata: {name: not-a-map}
data: ${CANARY.dataNotMap}
---
apiVersion: v1
kind: Secret
metadata: {name: string-not-a-map}
stringData: ${CANARY.stringDataNotMap}
immutable: ${IMMUTABLE}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.2.3
          env:
            - name: DB_PASSWORD
              value: ${CANARY.env}
          resources:
            requests: {cpu: 100m, memory: 64Mi}
            limits: {memory: 64Mi}
`;

/** A live Deployment that the manifests do not change, with kubectl's copy of what was applied, and a live Secret. */
function current(): string {
  const applied = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'legacy', namespace: 'default' },
    spec: { template: { spec: { containers: [{ name: 'legacy', env: [{ name: 'X', value: CANARY.lastApplied }] }] } } },
  };
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: legacy
  namespace: default
  uid: 0b7a6a2c-0000-4000-8000-000000000001
  generation: 1
  creationTimestamp: "2026-01-01T00:00:00Z"
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: ${JSON.stringify(JSON.stringify(applied))}
  managedFields:
    - manager: kubectl-client-side-apply
      operation: Update
      apiVersion: apps/v1
      fieldsType: FieldsV1
      fieldsV1: {"f:spec": {"f:template": {}}}
spec:
  replicas: 1
  selector: {matchLabels: {app: legacy}}
  template:
    metadata: {labels: {app: legacy}}
    spec:
      containers:
        - name: legacy
          image: registry.example.com/legacy:1.0.0
          env:
            - name: API_TOKEN
              value: ${CANARY.liveEnv}
---
apiVersion: v1
kind: Secret
metadata: {name: db, namespace: default}
data:
  password: ${base64(CANARY.liveSecret)}
`;
}

type Run = { command: 'lint' | 'plan' | 'check' | 'diff'; format: string; current: boolean };

/** Every format of lint, plan (against the current state, with headroom) and check (without a current state: no diff). */
const RUNS: readonly Run[] = [
  ...['text', 'json', 'sarif', 'github', 'junit'].map((format) => ({
    command: 'lint' as const,
    format,
    current: false,
  })),
  ...['text', 'json', 'yaml'].map((format) => ({ command: 'plan' as const, format, current: true })),
  ...['text', 'json', 'markdown', 'sarif', 'github', 'junit'].map((format) => ({
    command: 'check' as const,
    format,
    current: false,
  })),
  ...['text', 'json', 'markdown', 'sarif', 'github', 'junit'].map((format) => ({
    command: 'check' as const,
    format,
    current: true,
  })),
  // The diff masks a Secret's values whatever its apiVersion, and a workload's plain-text env values.
  ...['text', 'json', 'markdown'].map((format) => ({ command: 'diff' as const, format, current: true })),
];

function argsOf(run: Run, dir: string): string[] {
  const args = [run.command, join(dir, 'desired'), '-f', run.format];
  if (run.command === 'lint' || run.command === 'check') args.push('--profile', 'all');
  if (run.current) args.push('--current', join(dir, 'current'));
  if (run.command === 'plan') args.push('--headroom');
  if (run.command === 'diff') args.push('--prune');
  return args;
}

describe('Secret values never appear in any output', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    mkdirSync(join(dir, 'desired'));
    mkdirSync(join(dir, 'current'));
    writeFileSync(join(dir, 'desired', 'app.yaml'), desired);
    writeFileSync(join(dir, 'current', 'live.yaml'), current());
  });
  afterAll(() => cleanup());

  async function expectNoCanary(run: Run): Promise<void> {
    const { stdout, stderr, code } = await runCli(argsOf(run, dir), { env: {} });
    // The run did report on the inputs: the Secrets' errors, the env value's warning, the changes.
    expect(stdout.length).toBeGreaterThan(200);
    expect(code).toBe(1);
    for (const canary of FORBIDDEN) {
      expect(stdout).not.toContain(canary);
      expect(stderr).not.toContain(canary);
    }
  }

  // Each run loads, validates and plans: give it time on a busy machine.
  it.each(RUNS)('$command -f $format (current state: $current)', (run) => expectNoCanary(run), 30_000);

  it('reports what it must without the values: the Secrets refused and the plain-text env value', async () => {
    const { stdout } = await runCli(['lint', join(dir, 'desired'), '-f', 'json']);
    const messages = (JSON.parse(stdout) as { findings: Array<{ ruleId: string; message: string }> }).findings.map(
      (f) => `${f.ruleId} ${f.message}`,
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        `schema-invalid data: expected object, got string of ${CANARY.dataNotMap.length} characters (value hidden)`,
        `schema-invalid stringData: expected object, got string of ${CANARY.stringDataNotMap.length} characters (value hidden)`,
        `schema-invalid immutable: expected boolean, got string of ${IMMUTABLE.length} characters (value hidden)`,
        'secret-in-env-value container "web": DB_PASSWORD is set in plain text in the manifest; reference a Secret with valueFrom.secretKeyRef',
      ]),
    );
  });
});
