import { afterAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../src/commands/lint.js';
import { plan, type PlanResult } from '../../src/commands/plan.js';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { ObjectIndex } from '../../src/lint/object-index.js';
import { podsOfService } from '../../src/lint/service-targets.js';
import { disruptionBudgetSelector } from '../../src/model/selectors/consumers.js';
import { PodIndex } from '../../src/simulate/objects/pod-index.js';
import { briefAt } from '../helpers/findings.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Two workloads in one namespace: web (app=web, tier=front) and api (app=api, no tier label). */
const WORKLOADS = ['web', 'api']
  .map(
    (name) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  replicas: 1
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}${name === 'web' ? ', tier: front' : ''}}}
    spec:
      containers: [{name: c, image: c:1.0, ports: [{name: http, containerPort: 8080}]}]
`,
  )
  .join('---\n');

function withObject(yaml: string): string {
  return `${WORKLOADS}---\n${yaml}`;
}

async function lintFindings(yaml: string, ids: string[]): Promise<string[]> {
  const result = await lint(['-'], { readStdin: async () => Buffer.from(yaml) });
  return result.findings.filter((f) => ids.includes(f.ruleId)).map((f) => `${f.ruleId} ${f.message}`);
}

async function planOf(yaml: string): Promise<PlanResult> {
  return plan(['-'], { readStdin: async () => Buffer.from(yaml) });
}

/** The workload of a pod the plan created (`web-<hash>-<suffix>` → web). */
function ownerOf(podName: string): string {
  return podName.split('-')[0]!;
}

/** Lint's answer: the pod templates of the input the Service selects. */
function lintServicePods(yaml: string): string[] {
  const { manifests } = parseManifests('test.yaml', yaml);
  const service = manifests.find((m) => m.ref.kind === 'Service')!;
  return podsOfService(new ObjectIndex(manifests), service)
    .map((p) => p.manifest.ref.name)
    .sort();
}

/** The plan's answer: the owners of the pods in the Service's EndpointSlices. */
function planServicePods(result: PlanResult): string[] {
  const slices = result.state.objects.filter((o) => o.kind === 'EndpointSlice');
  const names = slices.flatMap((s) =>
    ((s.endpoints as Array<{ targetRef: { name: string } }> | undefined) ?? []).map((e) => ownerOf(e.targetRef.name)),
  );
  return [...new Set(names)].sort();
}

/**
 * Lint (pod templates of the input) and plan (pods of the simulated cluster) read the same
 * Service or budget and must select the same workloads, and say the same thing about it.
 */
describe('lint and plan agree on the pods a Service selects', () => {
  const service = (selector: string): string => `apiVersion: v1
kind: Service
metadata: {name: svc, namespace: shop}
spec:
${selector}
  ports: [{port: 80, targetPort: http}]
`;
  const cases: Array<[string, string, string[]]> = [
    ['a matching selector', '  selector: {app: web}', ['web']],
    ['a selector that matches nothing', '  selector: {app: shop}', []],
    ['a selector on a label only web has', '  selector: {tier: front}', ['web']],
    ['an empty selector: no managed endpoints', '  selector: {}', []],
    ['no selector: no managed endpoints', '  type: ClusterIP', []],
  ];

  it.each(cases)('%s', async (_name, selector, expected) => {
    const yaml = withObject(service(selector));
    expect(lintServicePods(yaml)).toEqual(expected);
    expect(planServicePods(await planOf(yaml))).toEqual(expected);
  });

  it('an empty selector is reported by neither; one that matches nothing by both', async () => {
    const empty = withObject(service('  selector: {}'));
    expect(await lintFindings(empty, ['service-selector-no-pods'])).toEqual([]);
    expect((await planOf(empty)).findings.map((f) => f.ruleId)).toEqual([]);
    const none = withObject(service('  selector: {app: shop}'));
    expect(await lintFindings(none, ['service-selector-no-pods'])).toEqual([
      'service-selector-no-pods selector app=shop matches no pod template in namespace shop: the Service has no endpoints',
    ]);
    expect((await planOf(none)).findings.map(briefAt)).toEqual([
      '27:13 service-no-endpoints Service shop/svc has no endpoints: no pod matches its selector app=shop',
    ]);
  });
});

describe('lint and plan agree on the pods a PodDisruptionBudget selects', () => {
  const budget = (selector: string): string => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: pdb, namespace: shop}
spec:
  maxUnavailable: 1
${selector}
`;
  const cases: Array<[string, string, string[]]> = [
    ['matchLabels', '  selector: {matchLabels: {app: web}}', ['web']],
    ['{} selects every pod of the namespace', '  selector: {}', ['api', 'web']],
    ['no selector selects no pod (policy/v1)', '', []],
    [
      'NotIn matches the pods without the key',
      '  selector: {matchExpressions: [{key: tier, operator: NotIn, values: [back]}]}',
      ['api', 'web'],
    ],
    ['DoesNotExist', '  selector: {matchExpressions: [{key: tier, operator: DoesNotExist}]}', ['api']],
  ];

  it.each(cases)('%s', async (_name, selector, expected) => {
    const yaml = withObject(budget(selector));
    const { manifests } = parseManifests('test.yaml', yaml);
    const pdb = manifests.find((m) => m.ref.kind === 'PodDisruptionBudget')!;
    const lintSide = new ObjectIndex(manifests)
      .podsMatching('shop', disruptionBudgetSelector(pdb.object).selector)
      .map((p) => p.manifest.ref.name);
    const result = await planOf(yaml);
    const pods = result.state.objects.filter((o) => o.kind === 'Pod').map((object, seq) => ({ object, seq }));
    const planSide = new PodIndex(pods)
      .select('shop', disruptionBudgetSelector(pdb.object).selector)
      .map((e) => ownerOf(String((e.object.metadata as { name: string }).name)));
    expect(lintSide.sort()).toEqual(expected);
    expect(planSide.sort()).toEqual(expected);
  });

  it('a budget without a selector is reported by both', async () => {
    const yaml = withObject(budget(''));
    expect(await lintFindings(yaml, ['pdb-selects-nothing'])).toEqual([
      'pdb-selects-nothing the budget has no spec.selector, so it selects no pod (policy/v1): it protects nothing',
    ]);
    expect((await planOf(yaml)).findings.map(briefAt)).toEqual([
      '27:3 pdb-no-pods PodDisruptionBudget shop/pdb selects no pod',
    ]);
  });
});

describe('lint and plan agree on a named targetPort and its protocol', () => {
  const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: {name: dns, namespace: shop}
spec:
  replicas: 1
  selector: {matchLabels: {app: dns}}
  template:
    metadata: {labels: {app: dns}}
    spec:
      containers:
      - name: dns
        image: dns:1.0
        ports: [{name: dns, containerPort: 53, protocol: TCP}]
        readinessProbe: {tcpSocket: {port: dns}}
---
apiVersion: v1
kind: Service
metadata: {name: dns, namespace: shop}
spec:
  selector: {app: dns}
  ports:
  - {name: udp, port: 53, protocol: UDP, targetPort: dns}
`;

  it('a UDP Service port does not reach a TCP container port of the same name', async () => {
    expect(await lintFindings(yaml, ['service-target-port-missing'])).toEqual([
      'service-target-port-missing targetPort "dns" (UDP) is not declared by any container the Service selects: the port has no endpoints',
    ]);
    expect((await planOf(yaml)).findings.map(briefAt)).toEqual([
      '22:5 service-no-endpoints Service shop/dns has no endpoints for port udp (53/UDP): no selected pod has a container port matching its targetPort',
    ]);
  });

  it('with the protocol of the container port, both find it', async () => {
    const tcp = yaml.replace('protocol: UDP', 'protocol: TCP');
    expect(await lintFindings(tcp, ['service-target-port-missing'])).toEqual([]);
    expect((await planOf(tcp)).findings).toEqual([]);
  });
});

/**
 * The DaemonSet controller decides which nodes get a daemon pod with the scheduler's own
 * NodeAffinity and TaintToleration logic: every pod it creates is placed, on the node it was made
 * for, and the nodes it skips are exactly those the scheduler would refuse.
 */
describe('the DaemonSet controller and the scheduler agree on node eligibility', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  const nodes = join(dir, 'nodes.yaml');
  // Node labels are not validated like a pod's: a signed count and one beyond int64 are read as
  // Go's ParseInt reads them (+32 is 32; the other is not an integer at all).
  const NODES: Array<[string, string, string]> = [
    ['a', 'cores: "2"', '[]'],
    ['b', 'cores: "4"', '[]'],
    ['c', 'cores: "8"', '[{key: dedicated, value: db, effect: NoSchedule}]'],
    ['d', 'cores: "16", gpu: t4', '[]'],
    ['e', 'cores: "+32"', '[]'],
    ['f', 'cores: "99999999999999999999"', '[]'],
  ];
  writeFileSync(
    nodes,
    NODES.map(
      ([n, labels, taints]) => `apiVersion: v1
kind: Node
metadata:
  name: node-${n}
  labels: {kubernetes.io/hostname: node-${n}, ${labels}}
spec:
  taints: ${taints}
status:
  allocatable: {cpu: "8", memory: 16Gi, pods: "110"}
`,
    ).join('---\n'),
  );

  function daemonSet(podSpec: string): string {
    return `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: kube-system}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
${podSpec}
      containers: [{name: agent, image: agent:1.0}]
`;
  }

  const affinity = (expression: string): string => `      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms: [{matchExpressions: [${expression}]}]`;

  const cases: Array<[string, string, string[]]> = [
    ['no constraint: every node but the tainted one', '', ['node-a', 'node-b', 'node-d', 'node-e', 'node-f']],
    [
      'NotIn matches the nodes without the label',
      affinity('{key: gpu, operator: NotIn, values: [t4]}'),
      ['node-a', 'node-b', 'node-e', 'node-f'],
    ],
    [
      'Gt: nodes with more than 4 cores, a signed count included',
      affinity('{key: cores, operator: Gt, values: ["4"]}'),
      ['node-d', 'node-e'],
    ],
    ['Lt: nodes with fewer than 4 cores', affinity('{key: cores, operator: Lt, values: ["4"]}'), ['node-a']],
    [
      'Gt with a bound that is not an integer selects no node',
      affinity('{key: cores, operator: Gt, values: ["four"]}'),
      [],
    ],
    [
      'a toleration of the taint',
      '      tolerations: [{key: dedicated, operator: Equal, value: db, effect: NoSchedule}]',
      ['node-a', 'node-b', 'node-c', 'node-d', 'node-e', 'node-f'],
    ],
    [
      'a toleration of another value',
      '      tolerations: [{key: dedicated, operator: Equal, value: web}]',
      ['node-a', 'node-b', 'node-d', 'node-e', 'node-f'],
    ],
    ['a nodeSelector', '      nodeSelector: {gpu: t4}', ['node-d']],
  ];

  it.each(cases)('%s', async (_name, podSpec, expected) => {
    const result = await plan(['-'], { cluster: [nodes], readStdin: async () => Buffer.from(daemonSet(podSpec)) });
    const pods = result.state.objects.filter((o) => o.kind === 'Pod');
    const bound = pods.map((p) => (p.spec as { nodeName?: string }).nodeName ?? 'unscheduled').sort();
    expect(bound).toEqual(expected);
    // A pod the controller made but the scheduler cannot place would be reported as pod-unschedulable.
    expect(result.findings.map((f) => f.ruleId)).toEqual(expected.length ? [] : ['daemonset-no-nodes']);
    const ds = result.state.objects.find((o) => o.kind === 'DaemonSet')!;
    expect((ds.status as { desiredNumberScheduled: number }).desiredNumberScheduled).toBe(expected.length);
  });
});
