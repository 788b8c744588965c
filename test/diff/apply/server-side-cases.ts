import fc from 'fast-check';
/**
 * Seeded live/manifest pairs for the server-side apply differential test: a live Deployment or
 * Service whose fields are shared out among managers as a cluster's would be (the applier, the
 * controllers, another applier, an old client-side apply, some with the last client-side apply's
 * annotation), and a manifest that changes some of them: values, list items added, dropped and
 * reordered, keys without their defaulted part.
 */
import { rootRefOf } from '../../../src/diff/apply/server-side/ssa-schema.js';
import { toFieldSet } from '../../../src/diff/apply/server-side/to-field-set.js';
import { lastAppliedOf } from '../../../src/diff/apply/predict-applied.js';
import { FieldSet, fromFieldsV1, toFieldsV1 } from '../../../src/diff/apply/server-side/field-set.js';
import { managerIdentity } from '../../../src/diff/apply/server-side/managers.js';
import { predictServerSide } from '../../../src/diff/apply/server-side/predict-server-side.js';
import type { KubeObject } from '../../../src/model/manifest.js';

type Obj = Record<string, any>;

export interface ServerSideCase {
  live: Obj;
  manifest: Obj;
  force: boolean;
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const MANAGERS = [
  { manager: 'kubectl', operation: 'Apply' },
  { manager: 'kube-controller-manager', operation: 'Update' },
  { manager: 'helm', operation: 'Update' },
  { manager: 'kubectl-client-side-apply', operation: 'Update' },
  { manager: 'argocd-controller', operation: 'Apply' },
];

function deployment(rand: () => number, variant: number): Obj {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const containers = ['app', 'sidecar', 'proxy']
    .filter((_, i) => i === 0 || rand() < 0.5)
    .map((name) => ({
      name,
      image: `${name}:${pick(['1.0', '1.1', '2.0'])}`,
      ...(rand() < 0.6
        ? {
            env: ['A', 'B', 'C', 'D']
              .filter(() => rand() < 0.6)
              .map((n) => ({ name: n, value: pick(['1', '2', 'x']) })),
          }
        : {}),
      ...(rand() < 0.5
        ? {
            ports: [8080, 9090]
              .filter(() => rand() < 0.7)
              .map((p) => (rand() < 0.5 ? { containerPort: p } : { containerPort: p, protocol: 'TCP', name: `p${p}` })),
          }
        : {}),
      ...(rand() < 0.3 ? { args: ['--a', pick(['--b', '--c'])] } : {}),
      ...(rand() < 0.3 ? { resources: { limits: { cpu: pick(['100m', '200m']) } } } : {}),
    }));
  if (rand() < 0.3) containers.reverse();
  const labels: Obj = { app: 'web' };
  if (rand() < 0.5) labels.tier = pick(['front', 'back']);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'default',
      labels,
      ...(rand() < 0.4 ? { annotations: { note: pick(['a', 'b']) } } : {}),
      ...(rand() < 0.3 ? { finalizers: ['example.com/a', 'example.com/b'].filter(() => rand() < 0.7) } : {}),
    },
    spec: {
      ...(rand() < 0.7 ? { replicas: pick([1, 2, 3]) } : {}),
      selector: { matchLabels: { app: 'web' } },
      ...(rand() < 0.3 ? { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: pick([1, '25%']) } } } : {}),
      template: {
        metadata: { labels: { app: 'web', ...(variant % 2 ? { v: 'x' } : {}) } },
        spec: {
          containers,
          ...(rand() < 0.3 ? { tolerations: [{ key: 'k', operator: 'Exists' }] } : {}),
          ...(rand() < 0.3 ? { nodeSelector: { zone: pick(['a', 'b']) } } : {}),
        },
      },
    },
  };
}

function service(rand: () => number): Obj {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const ports = [80, 443, 53]
    .filter(() => rand() < 0.6)
    .map((port) => ({
      port,
      ...(rand() < 0.5 ? { protocol: pick(['TCP', 'UDP']) } : {}),
      ...(rand() < 0.5 ? { targetPort: pick([8080, 'http']) } : {}),
      ...(rand() < 0.5 ? { name: `p${port}` } : {}),
    }));
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default', ...(rand() < 0.5 ? { labels: { app: pick(['web', 'api']) } } : {}) },
    spec: {
      selector: { app: pick(['web', 'api']) },
      ...(ports.length ? { ports } : {}),
      ...(rand() < 0.3 ? { type: pick(['ClusterIP', 'NodePort']) } : {}),
      ...(rand() < 0.3 ? { ipFamilies: ['IPv4'] } : {}),
    },
  };
}

/** The live object's fields shared out among the managers, each leaf to one of them. */
function managedFields(live: Obj, rand: () => number): Obj[] {
  const all = toFieldSet(rootRefOf(live.apiVersion, live.kind), live);
  const sets = MANAGERS.map(() => new FieldSet());
  // A list item and its key fields go to one manager, as when it created the item.
  const itemOwner = new Map<string, number>();
  for (const path of all.paths()) {
    if (path[0] && 'field' in path[0] && ['apiVersion', 'kind'].includes(path[0].field)) continue;
    if (path.length === 2 && 'field' in path[1]! && ['name', 'namespace'].includes(path[1].field)) continue;
    const last = path[path.length - 1]!;
    const parent = path[path.length - 2];
    const isItem = 'key' in last;
    const isKeyField = parent !== undefined && 'key' in parent && 'field' in last && last.field in parent.key;
    const itemPath = JSON.stringify(isItem ? path : path.slice(0, -1));
    let owner = Math.floor(rand() * sets.length);
    if (isItem || isKeyField) {
      owner = itemOwner.get(itemPath) ?? owner;
      itemOwner.set(itemPath, owner);
    }
    sets[owner]!.insert(path);
  }
  return MANAGERS.flatMap((m, i) =>
    sets[i]!.isEmpty()
      ? []
      : [{ ...m, apiVersion: live.apiVersion, fieldsType: 'FieldsV1', fieldsV1: toFieldsV1(sets[i]!) }],
  );
}

export function serverSideCases(count: number, seed = 1): ServerSideCase[] {
  const rand = random(seed);
  return Array.from({ length: count }, (_, i) => oneCase(rand, i));
}

/**
 * Cases drawn by fast-check: the same builder, reading its random numbers from a list fast-check
 * draws, so that a failing case shrinks (smaller numbers take the first branches, fewer of them
 * repeat).
 */
export const serverSideCaseArb: fc.Arbitrary<ServerSideCase> = fc
  .tuple(
    fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 120 }),
    fc.nat(3),
  )
  .map(([numbers, variant]) => {
    let at = 0;
    return oneCase(() => numbers[at++ % numbers.length]!, variant);
  });

/** The i-th case: every fourth one a Service, the others Deployments of variant i. */
function oneCase(rand: () => number, i: number): ServerSideCase {
  const make = i % 4 === 3 ? () => service(rand) : () => deployment(rand, i);
  const live = make();
  // Applied client-side before: the annotation holds that apply's manifest, this one or one close to it.
  if (rand() < 0.35) {
    const last = rand() < 0.5 ? live : make();
    live.metadata.annotations = {
      ...live.metadata.annotations,
      'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify(last),
    };
  }
  live.metadata.managedFields = managedFields(live, rand);
  const manifest = rand() < 0.15 ? JSON.parse(JSON.stringify(live)) : make();
  delete manifest.metadata.managedFields;
  if (manifest.metadata.annotations)
    delete manifest.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'];
  return { live, manifest, force: rand() < 0.3 };
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

/** The annotation is kubectl's record, which the diff leaves out. */
function withoutLastApplied(metadata: Obj): Obj {
  const { 'kubectl.kubernetes.io/last-applied-configuration': _last, ...annotations } = metadata.annotations ?? {};
  const { annotations: _a, ...rest } = metadata;
  return Object.keys(annotations).length ? { ...rest, annotations } : rest;
}

/** What an apply leaves: the object without managedFields, and who owns what (canonical fieldsV1). */
export function outcomeOfOracle(result: Obj): { object: unknown; owners: Record<string, unknown> } {
  const { managedFields = [], ...metadata } = withoutLastApplied(result.metadata);
  const owners: Record<string, unknown> = {};
  for (const entry of managedFields as Obj[]) owners[managerIdentity(entry)] = toFieldsV1(fromFieldsV1(entry.fieldsV1));
  return { object: withoutNulls({ ...result, metadata }), owners };
}

export function outcomeOfKubeplan(
  c: ServerSideCase,
  manager = 'kubectl',
): { object?: unknown; owners?: Record<string, unknown>; error?: string } {
  const predicted = predictServerSide(
    c.live as KubeObject,
    c.manifest as KubeObject,
    lastAppliedOf(c.live as KubeObject),
    { manager, force: c.force, trackOwners: true },
  );
  if (predicted.refused) return { error: predicted.refused };
  const { managedFields: _m, ...metadata } = withoutLastApplied(predicted.object.metadata as Obj);
  const owners: Record<string, unknown> = {};
  for (const [id, set] of predicted.owners ?? []) if (!set.isEmpty()) owners[id] = toFieldsV1(set);
  return { object: withoutNulls({ ...predicted.object, metadata }), owners };
}
