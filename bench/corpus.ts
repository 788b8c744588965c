/**
 * A deterministic corpus of realistic manifests for benchmarks: `files` files of 3–6 objects
 * of mixed kinds (apps with Deployments, Services, ConfigMaps, Secrets, Ingresses, StatefulSets,
 * CronJobs, HPAs, PDBs, NetworkPolicies...). The same seed always writes the same bytes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** mulberry32: a small seeded PRNG, so the corpus is identical on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Obj = Record<string, unknown>;

function container(name: string, rnd: () => number, port: number): Obj {
  return {
    name,
    image: `registry.example.com/team/${name}:1.${Math.floor(rnd() * 30)}.${Math.floor(rnd() * 10)}`,
    ports: [{ name: 'http', containerPort: port }],
    env: [
      { name: 'LOG_LEVEL', value: rnd() < 0.5 ? 'info' : 'debug' },
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: `${name}-secrets`, key: 'password' } } },
    ],
    envFrom: [{ configMapRef: { name: `${name}-config` } }],
    readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 10 },
    livenessProbe: { httpGet: { path: '/live', port: 'http' }, periodSeconds: 20 },
    resources: {
      requests: { cpu: `${50 + Math.floor(rnd() * 400)}m`, memory: `${64 * (1 + Math.floor(rnd() * 8))}Mi` },
      limits: { memory: `${128 * (1 + Math.floor(rnd() * 8))}Mi` },
    },
    securityContext: {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: 10001,
      capabilities: { drop: ['ALL'] },
    },
  };
}

function app(i: number, rnd: () => number): Obj[] {
  const name = `svc-${i}`;
  const namespace = `team-${i % 40}`;
  const labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': `product-${i % 25}` };
  const meta = (n: string) => ({ name: n, namespace, labels });
  const template = {
    metadata: { labels },
    spec: { serviceAccountName: name, containers: [container(name, rnd, 8080)] },
  };
  const objects: Obj[] = [];
  const shape = rnd();
  if (shape < 0.7) {
    objects.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(name),
      spec: {
        replicas: 1 + Math.floor(rnd() * 5),
        selector: { matchLabels: { 'app.kubernetes.io/name': name } },
        template,
      },
    });
  } else if (shape < 0.85) {
    objects.push({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: meta(name),
      spec: {
        serviceName: name,
        replicas: 3,
        selector: { matchLabels: { 'app.kubernetes.io/name': name } },
        template,
        volumeClaimTemplates: [
          {
            metadata: { name: 'data' },
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } },
          },
        ],
      },
    });
  } else {
    objects.push({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: meta(name),
      spec: {
        schedule: `${Math.floor(rnd() * 60)} ${Math.floor(rnd() * 24)} * * *`,
        startingDeadlineSeconds: 300,
        jobTemplate: {
          spec: { template: { metadata: { labels }, spec: { ...template.spec, restartPolicy: 'OnFailure' } } },
        },
      },
    });
  }
  objects.push({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(name),
    spec: { selector: { 'app.kubernetes.io/name': name }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
  });
  objects.push({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: meta(`${name}-config`),
    data: { LOG_FORMAT: 'json', FEATURE_FLAGS: 'a,b,c', TIMEOUT: `${Math.floor(rnd() * 60)}s` },
  });
  if (rnd() < 0.8)
    objects.push({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta(`${name}-secrets`),
      type: 'Opaque',
      data: { password: Buffer.from(`pw-${i}`).toString('base64') },
    });
  if (rnd() < 0.5) {
    objects.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: meta(name),
      spec: {
        ingressClassName: 'nginx',
        rules: [
          {
            host: `${name}.example.com`,
            http: {
              paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name, port: { name: 'http' } } } }],
            },
          },
        ],
      },
    });
  }
  if (rnd() < 0.3)
    objects.push({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: meta(name),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
        ],
      },
    });
  if (rnd() < 0.3)
    objects.push({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: meta(name),
      spec: { minAvailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': name } } },
    });
  if (rnd() < 0.3)
    objects.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta(name),
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/name': name } },
        ingress: [{ from: [{ podSelector: {} }], ports: [{ port: 8080 }] }],
      },
    });
  objects.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(name), automountServiceAccountToken: false });
  // A few realistic mistakes, so the findings path is exercised too.
  if (rnd() < 0.05) (objects[0]!.spec as Obj).replicas = '3';
  return objects;
}

export interface Corpus {
  dir: string;
  files: string[];
  objects: number;
}

/** Writes the corpus to `dir` (replacing it) and returns its file list. */
export function writeCorpus(dir: string, files = 2000, seed = 20261123): Corpus {
  rmSync(dir, { recursive: true, force: true });
  const rnd = random(seed);
  const paths: string[] = [];
  let objects = 0;
  for (let i = 0; i < files; i++) {
    const sub = join(dir, `team-${i % 40}`);
    mkdirSync(sub, { recursive: true });
    const docs = app(i, rnd);
    objects += docs.length;
    const path = join(sub, `svc-${i}.yaml`);
    writeFileSync(path, docs.map((d) => stringify(d, { aliasDuplicateObjects: false })).join('---\n'));
    paths.push(path);
  }
  return { dir, files: paths.sort(), objects };
}
