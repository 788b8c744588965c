import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { lastAppliedOf, predictLive } from '../../../src/diff/apply/predict-applied.js';
import { dropNulls } from '../../../src/model/json.js';
import type { KubeObject } from '../../../src/model/manifest.js';
import fc from 'fast-check';
import { Agreement, runParameters, startOracle } from '../../helpers/differential.js';
import { askOracle, oracleBinary } from '../../helpers/oracle.js';
import { printSkip } from '../../helpers/skip-notice.js';

/** One `kubectl apply`: the live object (its annotation holds the last applied manifest) and the new manifest. */
interface ApplyCase {
  name: string;
  live: KubeObject;
  manifest: KubeObject;
}

const LAST = 'kubectl.kubernetes.io/last-applied-configuration';

function live(object: KubeObject, lastApplied?: KubeObject): KubeObject {
  const metadata = { ...(object.metadata as object), uid: 'u1', resourceVersion: '7' } as Record<string, unknown>;
  if (lastApplied) metadata.annotations = { ...(metadata.annotations as object), [LAST]: JSON.stringify(lastApplied) };
  return { ...object, metadata };
}

const deployment = (spec: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', ...extra },
  spec: { selector: { matchLabels: { app: 'web' } }, ...spec },
});
const podSpec = (spec: Record<string, unknown>): Record<string, unknown> => ({
  template: { metadata: { labels: { app: 'web' } }, spec },
});
const app = (image = 'web:1', more: Record<string, unknown> = {}) => ({ name: 'app', image, ...more });
const sidecar = { name: 'proxy', image: 'envoy:1', imagePullPolicy: 'IfNotPresent' };

const CASES: ApplyCase[] = [
  {
    name: 'replicas an autoscaler set stay when the manifest never had them',
    live: live(
      deployment({ replicas: 7, ...podSpec({ containers: [app()] }) }),
      deployment(podSpec({ containers: [app()] })),
    ),
    manifest: deployment(podSpec({ containers: [app('web:2')] })),
  },
  {
    name: 'replicas the last apply set go when the manifest drops them',
    live: live(
      deployment({ replicas: 3, ...podSpec({ containers: [app()] }) }),
      deployment({ replicas: 3, ...podSpec({ containers: [app()] }) }),
    ),
    manifest: deployment(podSpec({ containers: [app()] })),
  },
  {
    name: 'a new image keeps the defaulted pull policy',
    live: live(
      deployment(
        podSpec({
          containers: [
            app('web:1', { imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log' }),
          ],
        }),
      ),
    ),
    manifest: deployment(podSpec({ containers: [app('web:latest')] })),
  },
  {
    name: 'an injected sidecar stays, a container the last apply had goes',
    live: live(
      deployment(podSpec({ containers: [app(), { name: 'old', image: 'old:1' }, sidecar] })),
      deployment(podSpec({ containers: [app(), { name: 'old', image: 'old:1' }] })),
    ),
    manifest: deployment(podSpec({ containers: [app()] })),
  },
  {
    name: 'containers take the manifest order, live-only ones keep their place',
    live: live(
      deployment(
        podSpec({
          containers: [{ name: 'a', image: 'a' }, sidecar, { name: 'b', image: 'b' }, { name: 'c', image: 'c' }],
        }),
      ),
    ),
    manifest: deployment(
      podSpec({
        containers: [
          { name: 'c', image: 'c' },
          { name: 'new', image: 'n' },
          { name: 'a', image: 'a' },
        ],
      }),
    ),
  },
  {
    name: 'env merges by name and loses what the last apply had',
    live: live(
      deployment(
        podSpec({
          containers: [
            app('web:1', {
              env: [
                { name: 'A', value: '1' },
                { name: 'B', value: '2' },
                { name: 'INJECTED', value: 'x' },
              ],
            }),
          ],
        }),
      ),
      deployment(
        podSpec({
          containers: [
            app('web:1', {
              env: [
                { name: 'A', value: '1' },
                { name: 'B', value: '2' },
              ],
            }),
          ],
        }),
      ),
    ),
    manifest: deployment(
      podSpec({
        containers: [
          app('web:1', {
            env: [
              { name: 'B', value: '3' },
              { name: 'C', value: '4' },
            ],
          }),
        ],
      }),
    ),
  },
  {
    name: 'a strategy changed to Recreate loses rollingUpdate (retainKeys)',
    live: live(
      deployment({
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
        ...podSpec({ containers: [app()] }),
      }),
    ),
    manifest: deployment({ strategy: { type: 'Recreate' }, ...podSpec({ containers: [app()] }) }),
  },
  {
    name: 'an unchanged strategy keeps the defaulted rollingUpdate',
    live: live(
      deployment({
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
        ...podSpec({ containers: [app()] }),
      }),
    ),
    manifest: deployment({ strategy: { type: 'RollingUpdate' }, ...podSpec({ containers: [app()] }) }),
  },
  {
    name: 'a volume whose source changes loses the old source (retainKeys in items)',
    live: live(
      deployment(
        podSpec({
          containers: [app()],
          volumes: [
            { name: 'conf', configMap: { name: 'c', defaultMode: 420 } },
            { name: 'tmp', emptyDir: {} },
          ],
        }),
      ),
    ),
    manifest: deployment(
      podSpec({
        containers: [app()],
        volumes: [
          { name: 'conf', secret: { secretName: 's' } },
          { name: 'tmp', emptyDir: {} },
        ],
      }),
    ),
  },
  {
    name: 'tolerations (no merge key) are replaced whole when they differ',
    live: live(
      deployment(
        podSpec({
          containers: [app()],
          tolerations: [
            { key: 'a', operator: 'Exists' },
            { key: 'b', operator: 'Exists' },
          ],
        }),
      ),
    ),
    manifest: deployment(podSpec({ containers: [app()], tolerations: [{ key: 'b', operator: 'Exists' }] })),
  },
  {
    name: 'labels: one the last apply set goes, one another tool set stays, a null deletes',
    live: live(
      deployment(podSpec({ containers: [app()] }), { labels: { team: 'a', old: 'x', tool: 'y', gone: 'z' } }),
      deployment(podSpec({ containers: [app()] }), { labels: { team: 'a', old: 'x' } }),
    ),
    manifest: deployment(podSpec({ containers: [app()] }), { labels: { team: 'b', gone: null } }),
  },
  {
    name: 'finalizers merge as a set',
    live: live(
      deployment(podSpec({ containers: [app()] }), { finalizers: ['a/one', 'b/two', 'c/three'] }),
      deployment(podSpec({ containers: [app()] }), { finalizers: ['a/one', 'b/two'] }),
    ),
    manifest: deployment(podSpec({ containers: [app()] }), { finalizers: ['d/four', 'a/one'] }),
  },
  {
    name: 'Service ports merge by port, the allocated clusterIP and nodePort stay',
    live: live({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's', namespace: 'shop' },
      spec: {
        clusterIP: '10.0.0.7',
        type: 'NodePort',
        ports: [
          { port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' },
          { port: 443, protocol: 'TCP' },
        ],
      },
    }),
    manifest: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's', namespace: 'shop' },
      spec: { type: 'NodePort', ports: [{ port: 80, targetPort: 9090 }] },
    },
  },
  {
    name: 'a custom resource gets a JSON merge patch: lists replaced, maps merged',
    live: live(
      {
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        metadata: { name: 'w', namespace: 'shop' },
        spec: { sizes: [1, 2, 3], owner: { name: 'a', team: 'x' }, extra: true, gone: 1 },
      },
      {
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        metadata: { name: 'w', namespace: 'shop' },
        spec: { sizes: [1, 2, 3], gone: 1 },
      },
    ),
    manifest: {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w', namespace: 'shop' },
      spec: { sizes: [3], owner: { name: 'b' } },
    },
  },
  {
    name: 'webhooks merge by name, their rules are replaced',
    live: live({
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingWebhookConfiguration',
      metadata: { name: 'v' },
      webhooks: [
        {
          name: 'a.example.com',
          clientConfig: { caBundle: 'Q0E=', service: { name: 's', namespace: 'n', port: 443 } },
          rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'], scope: '*' }],
          sideEffects: 'None',
          admissionReviewVersions: ['v1'],
          failurePolicy: 'Fail',
          timeoutSeconds: 10,
        },
      ],
    }),
    manifest: {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingWebhookConfiguration',
      metadata: { name: 'v' },
      webhooks: [
        {
          name: 'a.example.com',
          clientConfig: { service: { name: 's', namespace: 'n' } },
          rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] }],
          sideEffects: 'None',
          admissionReviewVersions: ['v1'],
        },
      ],
    },
  },
];

/** The live objects of the corpus that carry their last applied manifest: applying it again changes nothing. */
function corpusCases(): ApplyCase[] {
  const root = join('..', 'shared', 'corpora', 'live-state');
  if (!existsSync(root)) {
    printSkip(`the live-state corpus is not at ${root}`);
    return [];
  }
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort();
  const cases: ApplyCase[] = [];
  for (const file of files) {
    for (const doc of parseAllDocuments(readFileSync(join(root, file), 'utf8'))) {
      const object = doc.toJS() as KubeObject | null;
      if (!object || typeof object !== 'object' || !object.kind) continue;
      const last = lastAppliedOf(object);
      if (last) cases.push({ name: `${file}: its last applied manifest`, live: object, manifest: last });
    }
  }
  return cases;
}

/**
 * Generated cases (fast-check, so that a failure shrinks to a small case): containers and their
 * env as lists of the same few names (some dropped, moved, added or changed on each side),
 * labels with nulls, strategies, and a custom resource. Not generated: a null inside a map a
 * custom resource's manifest adds (`q: {x: null}`), where the JSON merge patch creates an empty
 * map or none depending on the last apply; see docs/diff.md.
 */
const someOf = (names: readonly string[]) => fc.shuffledSubarray([...names]);
const envArb = someOf(['A', 'B', 'C', 'D', 'E']).chain((names) =>
  fc.tuple(...names.map((name) => fc.constantFrom('1', '2').map((value) => ({ name, value })))),
);
const containersArb = someOf(['one', 'two', 'three']).chain((names) =>
  fc.tuple(
    ...['app', ...names].map((name) =>
      fc.record({ name: fc.constant(name), image: fc.constantFrom('x:1', 'x:2'), env: envArb }),
    ),
  ),
);
const labelsArb = someOf(['a', 'b', 'c']).chain((keys) =>
  fc
    .tuple(...keys.map((k) => fc.constantFrom<string | null>('1', '2', null).map((v) => [k, v] as const)))
    .map((entries) => Object.fromEntries(entries)),
);
const strategyArb = fc.constantFrom<Record<string, unknown>>(
  { type: 'Recreate' },
  { type: 'RollingUpdate' },
  { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
);
const deploymentArb: fc.Arbitrary<KubeObject> = fc
  .tuple(strategyArb, containersArb, labelsArb)
  .map(([strategy, containers, labels]) => deployment({ strategy, ...podSpec({ containers }) }, { labels }));
const widgetArb: fc.Arbitrary<KubeObject> = fc
  .tuple(
    labelsArb,
    someOf(['p', 'q', 'r']).chain((keys) =>
      fc.tuple(
        ...keys.map((k) =>
          fc
            .oneof(
              fc.constant<unknown>(1),
              fc.constant(null),
              fc.constant([1, 2]),
              fc.constantFrom(1, 2).map((x) => ({ x })),
            )
            .map((v) => [k, v] as const),
        ),
      ),
    ),
  )
  .map(([labels, spec]) => ({
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    metadata: { name: 'w', labels },
    spec: Object.fromEntries(spec),
  }));

/**
 * A live object never holds a null: the API server drops them. The containers of the last apply
 * are all still there (when one is gone and the manifest has it again, the server keeps kubectl's
 * deletion directives in its env; kubeplan does not reproduce that bug).
 */
const generatedCaseArb: fc.Arbitrary<ApplyCase> = fc
  .oneof(fc.tuple(deploymentArb, deploymentArb, deploymentArb), fc.tuple(widgetArb, widgetArb, widgetArb))
  .chain(([current, last, manifest]) =>
    fc.boolean().map((withLast) => {
      const liveObject = dropNulls(current) as KubeObject;
      const lastApplied = withLast ? keepingItemsOf(liveObject, structuredClone(last)) : undefined;
      return { name: 'generated case', live: live(liveObject, lastApplied), manifest };
    }),
  );

/** `last` without the containers `current` does not have. */
function keepingItemsOf(current: KubeObject, last: KubeObject): KubeObject {
  const names = new Set(containersOf(current).map((c) => c.name));
  const spec = (last.spec as { template?: { spec?: { containers?: Array<{ name: string }> } } }).template?.spec;
  if (spec?.containers) spec.containers = spec.containers.filter((c) => names.has(c.name));
  return last;
}

function containersOf(object: KubeObject): Array<{ name: string }> {
  return (
    (object.spec as { template?: { spec?: { containers?: Array<{ name: string }> } } }).template?.spec?.containers ?? []
  );
}

const oracle = oracleBinary();
(oracle ? describe : describe.skip)(
  'client-side apply gives the live object upstream kubectl and the API server give',
  () => {
    const cases = [...CASES, ...corpusCases()];
    const agreement = new Agreement('client-side-apply');
    afterAll(() => agreement.report());
    const answers = oracle
      ? askOracle(
          oracle,
          cases.map((c) => ({
            op: 'apply',
            original: lastAppliedOf(c.live) ?? null,
            modified: c.manifest,
            current: c.live,
          })),
        )
      : [];

    it.each(cases.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
      const answer = answers[i]!;
      expect(answer.error).toBeUndefined();
      expect(predictLive(cases[i]!.live, cases[i]!.manifest)).toEqual(answer.result);
      agreement.agree();
    });

    it('agrees on generated cases', async () => {
      const session = startOracle(oracle!);
      try {
        await fc.assert(
          fc.asyncProperty(generatedCaseArb, async (c) => {
            const answer = await session.ask({
              op: 'apply',
              original: lastAppliedOf(c.live) ?? null,
              modified: c.manifest,
              current: c.live,
            });
            expect(answer.error).toBeUndefined();
            expect(predictLive(c.live, c.manifest)).toEqual(answer.result);
            agreement.agree();
          }),
          runParameters(400, 42),
        );
      } finally {
        session.close();
      }
    });

    it('has the corpus cases where the corpus is present', () => {
      expect(cases.length).toBeGreaterThanOrEqual(CASES.length);
    });
  },
);
