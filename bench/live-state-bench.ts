/**
 * `npm run bench:live-state`: replays pairs of real live objects and the manifests they came from
 * (../shared/corpora/live-state, or $KUBEPLAN_LIVE_STATE; kept outside the repository) through
 * `kubeplan diff --current <live>` and prints, per pair, what kubeplan says against what is known
 * of it: `in sync` pairs (a live object and its own last applied manifest, kubectl-neat's cleaned
 * copy, gitops-engine's `Modified=false` cases) must come out unchanged, and `changed` pairs
 * (gitops-engine's `Modified=true` cases, Argo CD's targets) must show a change. Ends with
 * `pairs / noisy / missed` for each apply mode.
 *
 * `LIVE_STATE_SHOW=1` prints the diff text of every pair that disagrees.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { lastAppliedOf } from '../src/diff/apply/predict-applied.js';
import { APPLY_MODES, type ApplyMode, diff } from '../src/index.js';
import type { KubeObject } from '../src/model/manifest.js';

type Expect = 'in sync' | 'changed';

interface Pair {
  name: string;
  /** The manifest: a file of the corpus, or an object made from one (its last applied manifest). */
  manifest: string | KubeObject;
  live: string;
  /** What applying the manifest does, per mode where the modes differ. */
  expect: Expect | Record<ApplyMode, Expect>;
  /** The field manager that applied the live object server-side (its managedFields say so). */
  fieldManager?: string;
}

/**
 * Manifests that only drop fields of a live object that has no last-applied annotation:
 * `kubectl apply` removes none of them (server-side apply would), replacing the object does.
 * smd-service-config-ports adds ports whose numbers the Service already has over another
 * protocol, which `kubectl apply` cannot add (its merge key is the port number alone). Not
 * here: smd-deploy2-config lists its container ports in another order than the live object,
 * and `kubectl apply` stores the manifest's order, a new pod template.
 */
const ONLY_WITHOUT_KUBECTL_APPLY: Record<ApplyMode, Expect> = {
  client: 'in sync',
  'server-side': 'changed',
  'whole-object': 'changed',
};
/**
 * Applied server-side by Argo CD, this manifest changes nothing the field manager decides: the
 * change gitops-engine's predicted live object shows is a mutating webhook's label, which no
 * offline tool sees. Its live object has no last-applied annotation: kubectl apply changes nothing either.
 */
const ONLY_BY_WEBHOOK = 'ssd-service-config.yaml';
const SERVER_SIDE_ONLY = new Set(['smd-service-config-ports.yaml', 'ssd-svc-no-label-config.yaml']);

const expected = (pair: Pair, mode: ApplyMode): Expect =>
  typeof pair.expect === 'string' ? pair.expect : pair.expect[mode];

const G = 'gitops-engine/pkg/diff/testdata';
/** The field manager of gitops-engine's server-side cases (Argo CD's, which forces conflicts). */
const ARGO_CD = 'argocd-controller';
const H = 'gitops-engine-health/pkg/health/testdata';

/** gitops-engine's three-way cases (pkg/diff/diff_test.go) with their `Modified` expectations. */
const GITOPS_THREE_WAY: ReadonlyArray<[string, Pair['expect']]> = [
  ['aggr-clusterrole', 'in sync'], // with IgnoreAggregatedRoles: the rules are the aggregation's
  ['elasticsearch', 'in sync'],
  ['deployment', 'in sync'],
  ['mutatingwebhookconfig', 'in sync'],
  ['spinnaker-sa', 'in sync'],
  ['wordpress', 'in sync'],
  ['grafana-clusterrole', 'in sync'],
  ['sealedsecret', 'in sync'],
  // Server-side, a conflict: the manifest's ports lack the protocol the server defaulted, and
  // \`subsets\` is atomic and owned by another manager, so kubectl apply --server-side fails.
  ['endpoints', { client: 'in sync', 'server-side': 'changed', 'whole-object': 'in sync' }],
];

/** gitops-engine's structured-merge and server-side cases: the manifest really changes the object. */
const GITOPS_CHANGED: ReadonlyArray<[string, string]> = [
  ['smd-service-config.yaml', 'smd-service-live.yaml'],
  ['smd-service-config-2-ports.yaml', 'smd-service-live.yaml'],
  ['smd-service-config.yaml', 'smd-service-live-with-type.yaml'],
  ['smd-service-config-ports.yaml', 'smd-service-live.yaml'],
  ['ssd-service-config.yaml', 'ssd-service-live.yaml'],
  ['smd-deploy2-config.yaml', 'smd-deploy2-live.yaml'],
  ['ssd-deploy-nested-config.yaml', 'ssd-deploy-nested-live.yaml'],
  ['ssd-deploy-with-manual-apply-config.yaml', 'ssd-deploy-with-manual-apply-live.yaml'],
  ['ssd-svc-no-label-config.yaml', 'ssd-svc-label-live.yaml'],
  ['ssd-deploy-composite-key-config.yaml', 'ssd-deploy-composite-key-live.yaml'],
];

function pairs(root: string): Pair[] {
  const list: Pair[] = GITOPS_THREE_WAY.map(([name, expect]) => ({
    name: `${G}/${name}`,
    manifest: `${G}/${name}-config.json`,
    live: `${G}/${name}-live.json`,
    expect,
  }));
  // TestThreeWayDiffExample2WithDifference: the same manifest with its labels edited (one added,
  // one changed, one removed) is a change.
  const elasticsearch = JSON.parse(readFileSync(join(root, G, 'elasticsearch-config.json'), 'utf8')) as KubeObject;
  const metadata = elasticsearch.metadata as { labels: Record<string, string> };
  metadata.labels = { ...metadata.labels, foo: 'bar', chart: 'elasticsearch-1.7.1' };
  delete metadata.labels.release;
  list.push({
    name: `${G}/elasticsearch, its labels edited`,
    manifest: elasticsearch,
    live: `${G}/elasticsearch-live.json`,
    expect: 'changed',
  });
  list.push({
    name: `${G}/smd-deploy`,
    manifest: `${G}/smd-deploy-config.yaml`,
    live: `${G}/smd-deploy-live.yaml`,
    expect: 'in sync',
  });
  for (const [manifest, live] of GITOPS_CHANGED) {
    const expect = SERVER_SIDE_ONLY.has(manifest)
      ? ONLY_WITHOUT_KUBECTL_APPLY
      : manifest === ONLY_BY_WEBHOOK
        ? { ...ONLY_WITHOUT_KUBECTL_APPLY, 'server-side': 'in sync' as const }
        : 'changed';
    list.push({
      name: `${G}/${manifest} → ${live}`,
      manifest: `${G}/${manifest}`,
      live: `${G}/${live}`,
      expect,
      fieldManager: ARGO_CD,
    });
  }
  list.push(
    {
      name: 'argo-cd ssd-configmap (a key removed)',
      manifest: 'argo-cd/gitops-engine/pkg/diff/testdata/ssd-configmap-config.yaml',
      live: 'argo-cd/gitops-engine/pkg/diff/testdata/ssd-configmap-live.yaml',
      expect: ONLY_WITHOUT_KUBECTL_APPLY,
      fieldManager: ARGO_CD,
    },
    {
      name: 'argo-cd controller deployment (annotation 1.0 → 2.0)',
      manifest: 'argo-cd/controller/testdata/target-deployment.yaml',
      live: 'argo-cd/controller/testdata/live-deployment.yaml',
      expect: 'changed',
    },
    {
      name: 'argo-cd controller pdb (selector v1 → v2)',
      manifest: 'argo-cd/controller/testdata/target-pdb.yaml',
      live: 'argo-cd/controller/testdata/live-pdb.yaml',
      expect: 'changed',
    },
    {
      name: 'argo-cd util deployment (revisionHistoryLimit 3 → 1)',
      manifest: 'argo-cd/util/argo/testdata/desired_deployment.yaml',
      live: 'argo-cd/util/argo/testdata/live_deployment_with_managed_replica.yaml',
      expect: 'changed',
    },
  );
  for (const name of ['list1', 'pod1', 'pv1', 'role', 'secret1', 'service1']) {
    const dir = 'kubectl-neat/test/fixtures';
    list.push({
      name: `${dir}/${name}`,
      manifest: `${dir}/${name}-neat.json`,
      live: `${dir}/${name}-raw.json`,
      expect: 'in sync',
    });
  }
  // Every live object that carries its last applied manifest, applied again.
  for (const file of [
    `${H}/statefulset.yaml`,
    `${H}/deployment-degraded.yaml`,
    `${H}/pvc-bound.yaml`,
    `${H}/deployment-suspended.yaml`,
    `${H}/pvc-pending.yaml`,
    `${H}/hpa-v2beta1-healthy.yaml`,
    `${H}/svc-clusterip.yaml`,
    `${H}/deployment-progressing.yaml`,
    `${H}/statefulset-ondelete.yaml`,
    'kubectl/rc-managedfields-lastapplied.yaml',
  ]) {
    const object = parse(readFileSync(join(root, file), 'utf8'), { uniqueKeys: false }) as KubeObject;
    const last = lastAppliedOf(object);
    if (last) list.push({ name: `${file} (its last applied manifest)`, manifest: last, live: file, expect: 'in sync' });
  }
  // A webhook's caBundle injected after the last apply, which set an empty one: applying it again
  // writes the empty one back (until the injector runs again).
  const webhook = 'argo-cd/util/argo/testdata/live_validating_webhook.yaml';
  const last = lastAppliedOf(parse(readFileSync(join(root, webhook), 'utf8')) as KubeObject);
  if (last)
    list.push({ name: `${webhook} (its last applied manifest)`, manifest: last, live: webhook, expect: 'changed' });
  return list;
}

async function judge(
  root: string,
  pair: Pair,
  mode: ApplyMode,
  scratch: string,
): Promise<{ changed: boolean; text: string }> {
  let manifest: string;
  if (typeof pair.manifest === 'string') manifest = join(root, pair.manifest);
  else {
    manifest = join(scratch, 'manifest.json');
    writeFileSync(manifest, JSON.stringify(pair.manifest));
  }
  const live = parse(readFileSync(join(root, pair.live), 'utf8'), { uniqueKeys: false }) as KubeObject;
  // As `kubectl apply -n <the live object's namespace>`: the pairs do not always name it.
  const namespace = (live.metadata as { namespace?: string } | undefined)?.namespace;
  const result = await diff([manifest], {
    current: [join(root, pair.live)],
    mode,
    // Argo CD applies server-side with --force-conflicts.
    ...(mode === 'server-side' && pair.fieldManager ? { fieldManager: pair.fieldManager, forceConflicts: true } : {}),
    consequences: false,
    ...(namespace ? { namespace } : {}),
  });
  const changes = result.changes.filter((c) => c.action === 'update' || c.action === 'create');
  // An apply the API server refuses is reported too, as the error that says why.
  const refused = result.findings.filter((f) => f.ruleId === 'diff-apply-refused');
  return {
    changed: changes.length > 0 || refused.length > 0,
    text: [...changes.map((c) => c.text), ...refused.map((f) => f.message)].join('\n'),
  };
}

async function main(): Promise<void> {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const root = resolve(
    process.env.KUBEPLAN_LIVE_STATE ?? join(here, '..', '..', '..', 'shared', 'corpora', 'live-state'),
  );
  if (!existsSync(join(root, 'SOURCES.md'))) {
    console.log(`skipped: no live-state corpus at ${root} (set KUBEPLAN_LIVE_STATE to its folder)`);
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'kubeplan-live-state-'));
  try {
    const list = pairs(root);
    for (const mode of APPLY_MODES) {
      let noisy = 0;
      let missed = 0;
      console.log(`\nmode ${mode}:`);
      for (const pair of list) {
        const { changed, text } = await judge(root, pair, mode, scratch);
        const expect = expected(pair, mode);
        const wrong = expect === 'in sync' ? changed : !changed;
        if (wrong && expect === 'in sync') noisy++;
        if (wrong && expect === 'changed') missed++;
        console.log(
          `  ${wrong ? 'WRONG' : 'ok   '} ${expect.padEnd(7)} ${changed ? 'changed' : 'unchanged'}  ${pair.name}`,
        );
        if (wrong && process.env.LIVE_STATE_SHOW) console.log(text.replace(/^/gm, '        '));
      }
      const inSync = list.filter((p) => expected(p, mode) === 'in sync').length;
      console.log(
        `  pairs ${list.length} (${inSync} in sync, ${list.length - inSync} changed) / noisy ${noisy} / missed ${missed}`,
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
