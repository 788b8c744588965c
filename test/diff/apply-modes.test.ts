import { afterAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diff } from '../../src/commands/diff.js';
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
async function run(manifest: object, current: object, mode?: ApplyMode) {
  const n = files++;
  const desiredFile = join(dir, `desired-${n}.json`);
  const currentFile = join(dir, `current-${n}.json`);
  writeFileSync(desiredFile, JSON.stringify(manifest));
  writeFileSync(currentFile, JSON.stringify(current));
  return diff([desiredFile], { current: [currentFile], ...(mode ? { mode } : {}) });
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
