import { describe, expect, it } from '@jest/globals';
import { parse, parseAllDocuments } from 'yaml';
import { BUILTIN_RULES } from '../../rules/index.js';
import { plan } from '../../src/commands/plan.js';
import { loadConfigFile } from '../../src/config/load-config.js';
import { YAML_PARSE_OPTIONS, YAML_TO_JS_OPTIONS } from '../../src/load/yaml-options.js';
import { formatPlanJson } from '../../src/report/plan-json.js';
import { formatPlanText } from '../../src/report/plan-text.js';
import { formatPlanYaml } from '../../src/report/plan-yaml.js';
import { brief } from '../helpers/findings.js';
import { expectGolden } from '../helpers/golden.js';

describe('plan text output', () => {
  it('shows workloads with their pods and nodes, the node table, Services, Ingress routes and findings', async () => {
    const text = formatPlanText(await plan(['fixtures/plan/shop']));
    expectGolden('commands/plan', 'shop.txt', text);
    // Each Ingress route, through its Service port, to the endpoints behind it.
    expect(text.split('\n').filter((l) => l.startsWith('  Ingress '))).toEqual([
      '  Ingress shop/shop  shop.example.com/ → web:http (port 80) → 3 endpoints',
      '  Ingress shop/shop  shop.example.com/search → search:9200 (port 9200) → 0 endpoints',
    ]);
  });

  it('says when an Ingress routes nothing, and lists resource backends without following them', async () => {
    const yaml = [
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: empty, namespace: web }\nspec:\n  rules: [{ host: a.example.com }]',
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: assets, namespace: web }\nspec:\n  defaultBackend: { resource: { apiGroup: storage.example.com, kind: Bucket, name: static } }',
    ].join('\n---\n');
    const text = formatPlanText(await plan(['-'], { readStdin: async () => Buffer.from(yaml) }));
    expect(text.split('\n').filter((l) => l.startsWith('  Ingress '))).toEqual([
      '  Ingress web/empty  no paths and no default backend: it routes nothing',
      '  Ingress web/assets  * (default backend) → Bucket/static (a resource backend: not followed)',
    ]);
  });

  it('lists CronJobs among the workloads, without "(none)" above them', async () => {
    const yaml =
      'apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: report, namespace: shop }\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate: { spec: { template: { spec: { restartPolicy: OnFailure, containers: [{ name: r, image: r:1 }] } } } }';
    const text = formatPlanText(
      await plan(['-'], { readStdin: async () => Buffer.from(yaml), now: '2026-01-01T00:00:00Z' }),
    );
    const lines = text.split('\n');
    const at = lines.indexOf('Workloads');
    expect(lines.slice(at, at + 3)).toEqual([
      'Workloads',
      '  CronJob shop/report: "0 3 * * *" (UTC), next runs 2026-01-01T03:00:00Z, 2026-01-02T03:00:00Z, 2026-01-03T03:00:00Z',
      '',
    ]);
  });

  it('shows the demo as documented in docs/plan.md', async () => {
    expectGolden('commands/plan', 'demo.txt', formatPlanText(await plan(['fixtures/demo'])));
  });
});

describe('plan JSON and YAML output', () => {
  it('writes YAML that kubectl, reading YAML 1.1, reads as the JSON: strings like "yes" and "1_000" quoted', async () => {
    const yaml =
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: flags, namespace: web, labels: { enabled: "on" } }\n' +
      'data: { a: "yes", b: "y", c: "NO", d: "1_000", e: "0b101", f: "-0b1", g: "1__0", h: "~", "on": "0o17" }\n';
    const result = await plan(['-'], { readStdin: async () => Buffer.from(yaml) });
    const text = formatPlanYaml(result);
    const asKubectlReadsIt = parseAllDocuments(text, YAML_PARSE_OPTIONS)[0]!.toJS(YAML_TO_JS_OPTIONS);
    expect(asKubectlReadsIt).toEqual(JSON.parse(formatPlanJson(result)));
    expect(text).toContain('      data:\n        a: "yes"\n        b: "y"\n        c: "NO"\n        d: "1_000"\n');
  });

  it('is the whole state as Kubernetes objects, then the events in order, as one document in both formats', async () => {
    const result = await plan(['fixtures/plan/shop']);
    const json = JSON.parse(formatPlanJson(result)) as Record<string, any>;
    expect(parse(formatPlanYaml(result))).toEqual(json);
    expect(Object.keys(json)).toEqual([
      'apiVersion',
      'kind',
      'now',
      'cluster',
      'state',
      'events',
      'cronJobs',
      'findings',
      'summary',
    ]);
    expect([json.apiVersion, json.kind, json.now, json.cluster]).toEqual([
      'kubeplan.io/v1alpha1',
      'Plan',
      '2026-01-01T00:00:00Z',
      'default',
    ]);
    expect([json.state.apiVersion, json.state.kind]).toEqual(['v1', 'List']);
    const kinds = [...new Set((json.state.items as Array<{ kind: string }>).map((o) => o.kind))];
    expect(kinds).toEqual([
      'Node',
      'Namespace',
      'Deployment',
      'ReplicaSet',
      'DaemonSet',
      'Job',
      'Pod',
      'PodDisruptionBudget',
      'Service',
      'EndpointSlice',
      'Ingress',
    ]);
    const pods = (json.state.items as Array<Record<string, any>>).filter((o) => o.kind === 'Pod');
    const scheduled = pods.find((p) => p.metadata.name === 'web-6dfcbc7dbf-6qcbg')!;
    expect([scheduled.spec.nodeName, scheduled.status.phase, scheduled.status.podIP]).toEqual([
      'worker-1',
      'Running',
      '10.244.1.2',
    ]);
    const unschedulable = pods.find((p) => p.metadata.name === 'search-84fb7f448d-bzf5d')!;
    expect(unschedulable.spec.nodeName).toBeUndefined();
    // search asks for 6 CPUs: the control-plane node is tainted, and 6 is more than a worker's
    // 3920m allocatable, which no preemption can free (so preemption helps on none of the 7).
    expect(
      unschedulable.status.conditions.map(
        (c: Record<string, unknown>) => `${c.type}=${c.status} ${c.reason}: ${c.message}`,
      ),
    ).toEqual([
      'PodScheduled=False Unschedulable: 0/7 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 6 Insufficient cpu. preemption: 0/7 nodes are available: 7 Preemption is not helpful for scheduling.',
    ]);
    expect(json.events[0]).toEqual({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web.0000000000000001', namespace: 'shop' },
      involvedObject: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        namespace: 'shop',
        name: 'web',
        uid: '690a23ea-2d1d-5d88-8f9f-d0d978ada8d7',
      },
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set web-6dfcbc7dbf from 0 to 3',
      source: { component: 'deployment-controller' },
      reportingComponent: 'deployment-controller',
      count: 1,
      firstTimestamp: '2026-01-01T00:00:00Z',
      lastTimestamp: '2026-01-01T00:00:00Z',
    });
    // web: scaled, 3 pods created and scheduled (7); search: scaled, 2 created, 2 unschedulable (5);
    // log-agent: a pod created and scheduled on each of the 6 workers (12); the migrate Job's pod
    // refused for its missing PriorityClass (1); gpu-driver matches no node (0).
    expect(json.events).toHaveLength(25);
    expect(json.events.filter((e: { reason: string }) => e.reason === 'Scheduled')).toHaveLength(9);
    expect(json.summary).toEqual({
      files: 2,
      documents: 10,
      objects: 10,
      errors: 4,
      warnings: 2,
      infos: 0,
      ioErrors: 0,
    });
    expect(json.findings[0]).toMatchObject({
      ruleId: 'daemonset-no-nodes',
      severity: 'error',
      phase: 'simulate',
      file: 'fixtures/plan/shop/agents.yaml',
      line: 31,
      column: 21,
    });
  });
});

describe('the cluster section of .kubeplan.yaml', () => {
  it('plans on the configured node groups and reports their problems as findings in the configuration file', async () => {
    const loaded = loadConfigFile('fixtures/plan/config/kubeplan.yaml', BUILTIN_RULES);
    if (!loaded.ok) throw new Error('the fixture configuration is valid');
    const result = await plan(['fixtures/plan/config/app.yaml'], {
      clusterConfig: {
        nodeGroups: loaded.config.cluster!.nodeGroups!,
        file: 'fixtures/plan/config/kubeplan.yaml',
        locate: loaded.locate!,
      },
    });
    expect(result.clusterSource).toBe('config');
    const nodes = result.state.objects
      .filter((o) => o.kind === 'Node')
      .map((o) => (o.metadata as { name: string }).name);
    expect(nodes).toEqual(['general-1', 'general-2']);
    expect(result.findings.map(brief)).toEqual([
      'fixtures/plan/config/app.yaml:13:22 error pod-unschedulable 1 of 3 pods of Deployment shop/web cannot be scheduled: 0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
      'fixtures/plan/config/kubeplan.yaml:14:15 error cluster-node-invalid node group highmem: memory "64Gj" is not a quantity (e.g. 4, 3920m, 16Gi); group skipped',
      'fixtures/plan/config/kubeplan.yaml:15:13 error cluster-node-invalid node group general is defined twice; the second is skipped',
    ]);
    expect(result.findings[1]!.pointer).toBe('/cluster/nodeGroups/1/memory');
  });

  it('gives way to --cluster files', async () => {
    const loaded = loadConfigFile('fixtures/plan/config/kubeplan.yaml', BUILTIN_RULES);
    if (!loaded.ok) throw new Error('the fixture configuration is valid');
    const result = await plan(['fixtures/plan/config/app.yaml'], {
      cluster: ['fixtures/clusters/nodelist.yaml'],
      clusterConfig: { nodeGroups: loaded.config.cluster!.nodeGroups!, file: 'fixtures/plan/config/kubeplan.yaml' },
    });
    expect(result.clusterSource).toBe('files');
    expect(result.findings.filter((f) => f.ruleId === 'cluster-node-invalid')).toEqual([]);
  });
});
