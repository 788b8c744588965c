import { afterAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diff, type DiffOptions } from '../../src/commands/diff.js';
import type { ApplyMode } from '../../src/diff/apply/predict-applied.js';
import { tempDir } from '../helpers/temp-dir.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const LAST = 'kubectl.kubernetes.io/last-applied-configuration';

interface Deployment {
  replicas?: number;
  containers: Array<Record<string, unknown>>;
}

function deployment({ replicas, containers }: Deployment): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      ...(replicas === undefined ? {} : { replicas }),
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers } },
    },
  };
}

/** The live Deployment as the API server returns it, with the manifest of its last apply (if any). */
function live(object: Record<string, unknown>, lastApplied?: Record<string, unknown>): Record<string, unknown> {
  const metadata = {
    ...(object.metadata as object),
    uid: 'f1e2',
    resourceVersion: '41',
    creationTimestamp: '2026-11-02T09:00:00Z',
    ...(lastApplied ? { annotations: { [LAST]: JSON.stringify(lastApplied) } } : {}),
  };
  return { ...object, metadata };
}

const container = (image: string, more: Record<string, unknown> = {}) => ({
  name: 'app',
  image,
  resources: { requests: { cpu: '100m', memory: '64Mi' } },
  ...more,
});
const defaulted = {
  imagePullPolicy: 'IfNotPresent',
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
};

let files = 0;
async function run(manifest: object, current: object, mode?: ApplyMode, more: Partial<DiffOptions> = {}) {
  const n = files++;
  const desiredFile = join(dir, `desired-${n}.json`);
  const currentFile = join(dir, `current-${n}.json`);
  writeFileSync(desiredFile, JSON.stringify(manifest));
  writeFileSync(currentFile, JSON.stringify(current));
  return diff([desiredFile], { current: [currentFile], ...(mode ? { mode } : {}), ...more });
}

const web = (result: Awaited<ReturnType<typeof run>>) => result.changes.find((c) => c.ref.name === 'web')!;
const workload = (result: Awaited<ReturnType<typeof run>>) =>
  result.consequences!.workloads.find((w) => w.ref.name === 'web');

describe('the diff against live objects, as kubectl apply changes them', () => {
  // An autoscaler runs 7 replicas; the manifest never set replicas, and moves to a new image.
  const manifest = deployment({ containers: [container('web:2')] });
  const scaled = live(
    deployment({ replicas: 7, containers: [container('web:1', defaulted)] }),
    deployment({ containers: [container('web:1')] }),
  );

  it('keeps the replicas an autoscaler set, and the new image rolls out over 7 pods', async () => {
    const result = await run(manifest, scaled);
    expect(web(result).action).toBe('update');
    expect(web(result).text).toMatch(/^- +image: web:1$/m);
    expect(web(result).text).not.toContain('replicas');
    expect(workload(result)).toMatchObject({ change: 'rollout', podsBefore: 7, podsAfter: 7 });
  });

  it('--whole-object compares with the whole live object: replicas 7 → 1', async () => {
    const result = await run(manifest, scaled, 'whole-object');
    expect(web(result).text).toContain('-  replicas: 7');
    expect(web(result).text).toContain('+  replicas: 1');
    expect(workload(result)).toMatchObject({ podsBefore: 7, podsAfter: 1 });
  });

  it('removes what the last apply set and the manifest no longer has', async () => {
    const before = deployment({ replicas: 3, containers: [container('web:1')] });
    const result = await run(
      deployment({ containers: [container('web:1')] }),
      live(deployment({ replicas: 3, containers: [container('web:1', defaulted)] }), before),
    );
    expect(web(result).text).toContain('-  replicas: 3');
    expect(web(result).text).toContain('+  replicas: 1');
  });

  it('keeps the pull policy the server defaulted when the tag moves to latest', async () => {
    const result = await run(
      deployment({ containers: [container('web:latest')] }),
      live(
        deployment({ containers: [container('web:1', defaulted)] }),
        deployment({ containers: [container('web:1')] }),
      ),
    );
    expect(web(result).text).toMatch(/^\+ +image: web:latest$/m);
    expect(web(result).text).not.toContain('imagePullPolicy');
  });

  it('keeps a sidecar something else injected, where the whole-object comparison removes it', async () => {
    const sidecar = { name: 'proxy', image: 'envoy:1', ...defaulted };
    const current = live(
      deployment({ containers: [container('web:1', defaulted), sidecar] }),
      deployment({ containers: [container('web:1')] }),
    );
    const same = deployment({ containers: [container('web:1')] });
    expect(web(await run(same, current)).action).toBe('unchanged');
    expect(web(await run(same, current, 'whole-object')).text).toMatch(/^- +image: envoy:1$/m);
  });

  it('stores the manifest order of containers, which changes the pod template and rolls out', async () => {
    const a = container('a:1', { name: 'a' });
    const b = container('b:1', { name: 'b' });
    const current = live(
      deployment({
        replicas: 2,
        containers: [
          { ...a, ...defaulted },
          { ...b, ...defaulted },
        ],
      }),
      deployment({ replicas: 2, containers: [a, b] }),
    );
    const reordered = deployment({ replicas: 2, containers: [b, a] });
    const applied = await run(reordered, current);
    expect(web(applied).action).toBe('update');
    expect(workload(applied)).toMatchObject({ change: 'rollout' });
    // Compared whole, containers are matched by name and the order alone is no change.
    expect(web(await run(reordered, current, 'whole-object')).action).toBe('unchanged');
  });

  it('removes nothing from a live object without the annotation, and says so once', async () => {
    const current = live(
      deployment({ replicas: 3, containers: [container('web:1', { ...defaulted, args: ['--debug'] })] }),
    );
    const result = await run(deployment({ containers: [container('web:1')] }), current);
    expect(web(result).action).toBe('unchanged');
    expect(
      result.findings.filter((f) => f.ruleId === 'diff-no-last-applied').map((f) => [f.severity, f.line, f.message]),
    ).toEqual([
      [
        'info',
        1,
        'the live Deployment shop/web has no kubectl.kubernetes.io/last-applied-configuration annotation (not made by kubectl apply): kubectl apply removes no field from it, it only sets those the manifests have (--whole-object compares whole objects)',
      ],
    ]);
  });

  it('compares with a current side of manifests (a directory, a git revision) as they are', async () => {
    const before = deployment({ replicas: 3, containers: [container('web:1')] });
    const result = await run(deployment({ containers: [container('web:1')] }), before);
    expect(web(result).text).toContain('-  replicas: 3');
    expect(result.findings.map((f) => f.ruleId)).not.toContain('diff-no-last-applied');
  });

  it('warns that updating a Service loses a port whose number an earlier port has over another protocol', async () => {
    const service = (ports: object[]) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'dns', namespace: 'shop' },
      spec: { selector: { app: 'dns' }, ports },
    });
    const tcp = { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 };
    const udp = { name: 'dns-udp', port: 53, protocol: 'UDP', targetPort: 53 };
    const result = await run(service([tcp, udp]), live(service([tcp]), service([tcp])));
    const lost = result.findings.filter((f) => f.ruleId === 'diff-apply-loses-item');
    expect(lost.map((f) => [f.severity, f.line, f.column, f.message])).toEqual([
      [
        'warning',
        1,
        // The JSON file has one line: the column is where the UDP port starts.
        JSON.stringify(service([tcp, udp])).indexOf('{"name":"dns-udp"') + 1,
        'kubectl apply merges spec.ports by port alone, and an earlier item has port 53 too: updating the live Service shop/dns keeps only the first, so this one never reaches the cluster (kubectl apply --server-side, or replace, keeps both)',
      ],
    ]);
    // And the prediction agrees: the UDP port is not in the object after the apply.
    expect(result.changes.find((c) => c.ref.name === 'dns')!.action).toBe('unchanged');
    // A live Service without ports takes the manifest's list whole: nothing is lost, nothing said.
    const bare = { ...service([]), spec: { selector: { app: 'dns' } } };
    const portless = await run(service([tcp, udp]), live(bare, bare));
    expect(portless.findings.map((f) => f.ruleId)).not.toContain('diff-apply-loses-item');
    expect(portless.changes.find((c) => c.ref.name === 'dns')!.text).toContain('dns-udp');
  });

  it('reports an object in a version the cluster no longer serves as refused, and plans no rollout for it', async () => {
    const old = { ...deployment({ containers: [container('web:2')] }), apiVersion: 'apps/v1beta1' };
    const result = await run(old, scaled);
    expect(web(result).refused).toMatch(/apps\/v1beta1/);
    expect(workload(result)).toBeUndefined();
  });
});

/** A managedFields entry: `fields` as paths of field names (a `k:` element written as is). */
function owned(manager: string, operation: 'Apply' | 'Update', paths: string[][], subresource?: string) {
  const fieldsV1: Record<string, any> = {};
  for (const path of paths) {
    let at = fieldsV1;
    for (const element of path) at = at[element] ??= {};
  }
  return {
    manager,
    operation,
    apiVersion: 'apps/v1',
    fieldsType: 'FieldsV1',
    fieldsV1,
    ...(subresource ? { subresource } : {}),
  };
}

describe('the diff against live objects, as kubectl apply --server-side changes them', () => {
  const app = 'k:{"name":"app"}';
  const template = ['f:spec', 'f:template', 'f:spec', 'f:containers', app];
  /** The live Deployment, applied server-side by kubectl and scaled to 7 by an autoscaler. */
  const scaled = (containers = [container('web:1', { ...defaulted, args: ['--debug'] })]) => {
    const object = live(deployment({ replicas: 7, containers }));
    (object.metadata as any).managedFields = [
      owned('kubectl', 'Apply', [
        ['f:spec', 'f:selector'],
        ['f:spec', 'f:template', 'f:metadata', 'f:labels', 'f:app'],
        [...template, '.'],
        [...template, 'f:name'],
        [...template, 'f:image'],
        [...template, 'f:args'],
        [...template, 'f:resources', 'f:requests', 'f:cpu'],
        [...template, 'f:resources', 'f:requests', 'f:memory'],
      ]),
      owned('kube-controller-manager', 'Update', [['f:spec', 'f:replicas']], 'scale'),
    ];
    return object;
  };

  it('keeps what others own (replicas), removes what the applier stopped setting (args)', async () => {
    const result = await run(deployment({ containers: [container('web:2')] }), scaled(), 'server-side');
    expect(web(result).text).toMatch(/^- +image: web:1$/m);
    expect(web(result).text).toMatch(/^- +- --debug$/m);
    expect(web(result).text).not.toContain('replicas');
    expect(workload(result)).toMatchObject({ change: 'rollout', podsBefore: 7, podsAfter: 7 });
    expect(result.findings.map((f) => f.ruleId)).not.toContain('diff-no-last-applied');
  });

  it('refuses a change to a field another manager owns, with the API server message at the field', async () => {
    const manifest = deployment({ replicas: 3, containers: [container('web:1', { args: ['--debug'] })] });
    const result = await run(manifest, scaled(), 'server-side');
    expect(web(result).action).toBe('unchanged');
    const refused = result.findings.filter((f) => f.ruleId === 'diff-apply-refused');
    expect(refused.map((f) => [f.severity, f.line, f.column, f.message])).toEqual([
      [
        'error',
        1,
        // At the value of replicas.
        JSON.stringify(manifest).indexOf('"replicas":3') + '"replicas":'.length + 1,
        'kubectl apply --server-side of Deployment shop/web fails: Apply failed with 1 conflict: conflict with "kube-controller-manager" with subresource "scale" using apps/v1: .spec.replicas: nothing of this manifest is applied (--force-conflicts takes the fields over; or leave them out of the manifest)',
      ],
    ]);
    // Forced, the applier takes replicas over: 7 → 3, no finding.
    const forced = await run(manifest, scaled(), 'server-side', { forceConflicts: true });
    expect(web(forced).text).toContain('-  replicas: 7');
    expect(web(forced).text).toContain('+  replicas: 3');
    expect(forced.findings.map((f) => f.ruleId)).not.toContain('diff-apply-refused');
  });

  it('counts ownership by field manager: the same change by the manager that owns replicas is no conflict', async () => {
    const manifest = deployment({ replicas: 3, containers: [container('web:1', { args: ['--debug'] })] });
    const result = await run(manifest, scaled(), 'server-side', { fieldManager: 'kube-controller-manager' });
    // An Apply by that name is another manager than its Update through the scale subresource.
    expect(result.findings.map((f) => f.ruleId)).toContain('diff-apply-refused');
  });

  it('stores the manifest order of containers, as the API server merges keyed lists', async () => {
    const a = { ...container('a:1', { name: 'a' }), ...defaulted };
    const b = { ...container('b:1', { name: 'b' }), ...defaulted };
    const current = live(deployment({ replicas: 2, containers: [a, b] }));
    (current.metadata as any).managedFields = [
      owned('kubectl', 'Apply', [
        ['f:spec', 'f:template', 'f:spec', 'f:containers', 'k:{"name":"a"}', 'f:image'],
        ['f:spec', 'f:template', 'f:spec', 'f:containers', 'k:{"name":"b"}', 'f:image'],
      ]),
    ];
    const reordered = deployment({
      replicas: 2,
      containers: [container('b:1', { name: 'b' }), container('a:1', { name: 'a' })],
    });
    expect(workload(await run(reordered, current, 'server-side'))).toMatchObject({ change: 'rollout' });
  });

  it('refuses a manifest that repeats a list key, as the API server does', async () => {
    const env = [
      { name: 'MODE', value: 'a' },
      { name: 'MODE', value: 'b' },
    ];
    const result = await run(deployment({ containers: [container('web:1', { env })] }), scaled(), 'server-side');
    expect(result.findings.filter((f) => f.ruleId === 'diff-apply-refused').map((f) => f.message)).toEqual([
      'kubectl apply --server-side of Deployment shop/web fails: failed to create typed patch object: .spec.template.spec.containers[name="app"].env: duplicate entries for key [name="MODE"]',
    ]);
  });

  it('without managedFields, guesses ownership from the last apply and says so once', async () => {
    const before = deployment({ containers: [container('web:1', { args: ['--debug'] })] });
    const current = live(
      deployment({ replicas: 7, containers: [container('web:1', { ...defaulted, args: ['--debug'] })] }),
      before,
    );
    const result = await run(deployment({ replicas: 3, containers: [container('web:1')] }), current, 'server-side');
    // The last manifest again changes nothing: the server's defaults and the autoscaler's replicas stay.
    expect(web(await run(before, current, 'server-side')).action).toBe('unchanged');
    // No conflict is predicted: replicas goes to 3; args, which the last apply set, goes.
    expect(web(result).text).toContain('+  replicas: 3');
    expect(web(result).text).toMatch(/^- +- --debug$/m);
    expect(
      result.findings.filter((f) => f.ruleId === 'diff-no-managed-fields').map((f) => [f.severity, f.message]),
    ).toEqual([
      [
        'info',
        'the live Deployment shop/web comes without metadata.managedFields (kubectl get leaves them out unless given --show-managed-fields): who owns which field is unknown, so no conflict is predicted and only the fields of the last apply (kubectl.kubernetes.io/last-applied-configuration) that the manifest drops are removed',
      ],
    ]);
  });
});

describe('an object that contains itself through YAML aliases', () => {
  it('is left to the diff to report in every mode, whether the live object or the manifest has the loop', async () => {
    const loop = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: loop, namespace: shop}\ndata: &d\n  self: *d\n';
    const liveLoop =
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: loop, namespace: shop, resourceVersion: "4"}\ndata: &d\n  self: *d\n';
    const plain =
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: loop, namespace: shop, resourceVersion: "4"}\ndata: {a: b}\n';
    for (const [desired, current] of [
      [loop, plain],
      ['apiVersion: v1\nkind: ConfigMap\nmetadata: {name: loop, namespace: shop}\ndata: {a: c}\n', liveLoop],
    ] as const) {
      const n = files++;
      writeFileSync(join(dir, `loop-desired-${n}.yaml`), desired);
      writeFileSync(join(dir, `loop-current-${n}.yaml`), current);
      for (const mode of ['client', 'server-side'] as const) {
        const result = await diff([join(dir, `loop-desired-${n}.yaml`)], {
          current: [join(dir, `loop-current-${n}.yaml`)],
          mode,
          consequences: false,
        });
        expect(result.findings.map((f) => f.ruleId)).toContain('diff-cyclic-object');
      }
    }
  });
});
