import { describe, expect, it } from '@jest/globals';
import { plan } from '../../src/commands/plan.js';
import { formatPlanJson } from '../../src/report/plan-json.js';
import { formatPlanYaml } from '../../src/report/plan-yaml.js';
import { formatPlanText } from '../../src/report/plan-text.js';
import { brief } from '../helpers/findings.js';

describe('kubeplan plan on fixtures/plan/shop (embedded cluster)', () => {
  it('reports each problem once, at the manifest that causes it', async () => {
    const result = await plan(['fixtures/plan/shop']);
    expect(result.findings.map(brief)).toEqual([
      "fixtures/plan/shop/agents.yaml:31:21 error daemonset-no-nodes DaemonSet kube-system/gpu-driver runs on no node: 7 nodes didn't match the DaemonSet's node affinity/selector",
      'fixtures/plan/shop/agents.yaml:47:26 error pod-forbidden the API server refuses the pods of Job shop/migrate: no PriorityClass with name batch-high was found',
      'fixtures/plan/shop/app.yaml:52:13 error pod-unschedulable 2 of 2 pods of Deployment shop/search cannot be scheduled: 0/7 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 6 Insufficient cpu. preemption: 0/7 nodes are available: 7 Preemption is not helpful for scheduling.',
      'fixtures/plan/shop/app.yaml:61:10 warning service-no-endpoints Service shop/search has no endpoints: none of the 2 pods it selects can be scheduled',
      'fixtures/plan/shop/app.yaml:78:22 warning ingress-backend-no-endpoints Ingress shop/shop route shop.example.com/search → search:9200: Service search has no ready endpoints',
      'fixtures/plan/shop/app.yaml:86:17 error pdb-never-satisfied PodDisruptionBudget shop/web can never be satisfied: it requires 4 pods available but selects 3 pods',
    ]);
    expect(result.findings.every((f) => f.phase === 'simulate')).toBe(true);
  });

  it('records the events in the order the controllers and the scheduler act', async () => {
    const result = await plan(['fixtures/plan/shop']);
    const events = result.state.events.map(
      (e) => `${e.type} ${e.reason} ${e.involvedObject.kind}/${e.involvedObject.name}: ${e.message}`,
    );
    const web = events.filter((e) => e.includes('web-'));
    expect(web[0]).toBe('Normal ScalingReplicaSet Deployment/web: Scaled up replica set web-6dfcbc7dbf from 0 to 3');
    expect(web.slice(1, 4)).toEqual([
      'Normal SuccessfulCreate ReplicaSet/web-6dfcbc7dbf: Created pod: web-6dfcbc7dbf-6qcbg',
      'Normal SuccessfulCreate ReplicaSet/web-6dfcbc7dbf: Created pod: web-6dfcbc7dbf-t7wp9',
      'Normal SuccessfulCreate ReplicaSet/web-6dfcbc7dbf: Created pod: web-6dfcbc7dbf-qv5fr',
    ]);
    expect(events).toContain(
      'Normal Scheduled Pod/web-6dfcbc7dbf-6qcbg: Successfully assigned shop/web-6dfcbc7dbf-6qcbg to worker-1',
    );
    expect(events).toContain(
      'Warning FailedCreate Job/migrate: Error creating: pods "migrate-" is forbidden: no PriorityClass with name batch-high was found',
    );
    expect(events.filter((e) => e.startsWith('Warning FailedScheduling Pod/search-'))).toHaveLength(2);
    // Each event comes before the Scheduled event of the pod it created.
    expect(
      events.indexOf('Normal SuccessfulCreate ReplicaSet/web-6dfcbc7dbf: Created pod: web-6dfcbc7dbf-6qcbg'),
    ).toBeLessThan(
      events.indexOf(
        'Normal Scheduled Pod/web-6dfcbc7dbf-6qcbg: Successfully assigned shop/web-6dfcbc7dbf-6qcbg to worker-1',
      ),
    );
  });

  it('gives scheduled pods a node, an IP and Ready; unschedulable ones PodScheduled=False', async () => {
    const result = await plan(['fixtures/plan/shop']);
    const pods = result.state.objects.filter((o) => o.kind === 'Pod') as Array<{
      metadata: { name: string };
      spec: Record<string, unknown>;
      status: Record<string, unknown>;
    }>;
    const web = pods.find((p) => p.metadata.name === 'web-6dfcbc7dbf-6qcbg')!;
    expect(web.spec.nodeName).toBe('worker-1');
    expect(web.status.phase).toBe('Running');
    expect(web.status.podIP).toBe('10.244.1.2');
    expect(web.spec.serviceAccountName).toBe('default');
    expect(web.spec.priority).toBe(0);
    const search = pods.find((p) => p.metadata.name.startsWith('search-'))!;
    expect(search.spec.nodeName).toBeUndefined();
    expect((search.status.conditions as unknown[])[0]).toEqual({
      type: 'PodScheduled',
      status: 'False',
      reason: 'Unschedulable',
      message:
        '0/7 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 6 Insufficient cpu. preemption: 0/7 nodes are available: 7 Preemption is not helpful for scheduling.',
      lastProbeTime: null,
      lastTransitionTime: '2026-01-01T00:00:00Z',
    });
    const agents = pods.filter((p) => p.metadata.name.startsWith('log-agent-'));
    expect(agents.map((p) => p.spec.nodeName).sort()).toEqual([
      'worker-1',
      'worker-2',
      'worker-3',
      'worker-4',
      'worker-5',
      'worker-6',
    ]);
    expect(agents[0]!.spec.tolerations).toEqual(
      expect.arrayContaining([{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }]),
    );
  });

  it('lists each Service with its endpoints and each Ingress route', async () => {
    const result = await plan(['fixtures/plan/shop']);
    expect(result.services.map((s) => `${s.service.name} ${s.endpoints}`)).toEqual(['web 3', 'search 0']);
    expect(
      result.ingresses[0]!.routes.map((r) => `${r.host}${r.path} ${r.backend} ${r.servicePort} ${r.endpoints}`),
    ).toEqual(['shop.example.com/ web:http 80 3', 'shop.example.com/search search:9200 9200 0']);
    const slice = result.state.objects.find(
      (o) =>
        o.kind === 'EndpointSlice' &&
        (o.metadata as { labels: Record<string, string> }).labels['kubernetes.io/service-name'] === 'web',
    )!;
    expect(slice.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect((slice.endpoints as unknown[]).length).toBe(3);
  });

  it('gives byte-identical output for the same input', async () => {
    const [a, b] = [await plan(['fixtures/plan/shop']), await plan(['fixtures/plan/shop'])];
    expect(formatPlanJson(a)).toBe(formatPlanJson(b));
    expect(formatPlanYaml(a)).toBe(formatPlanYaml(b));
    expect(formatPlanText(a)).toBe(formatPlanText(b));
  });
});

describe('kubeplan plan --current', () => {
  it('rolls the changed Deployment over the pods already running, within maxSurge/maxUnavailable', async () => {
    const result = await plan(['fixtures/plan/shop'], { current: ['fixtures/current/shop.yaml'] });
    expect(result.now).toBe('2025-11-02T09:05:01Z');
    const scaling = result.state.events
      .filter((e) => e.reason === 'ScalingReplicaSet' && e.involvedObject.name === 'web')
      .map((e) => e.message);
    expect(scaling).toEqual([
      'Scaled up replica set web-6dfcbc7dbf from 0 to 1',
      'Scaled down replica set web-7c9f8b6d5 from 3 to 2',
      'Scaled up replica set web-6dfcbc7dbf from 1 to 2',
      'Scaled down replica set web-7c9f8b6d5 from 2 to 1',
      'Scaled up replica set web-6dfcbc7dbf from 2 to 3',
      'Scaled down replica set web-7c9f8b6d5 from 1 to 0',
    ]);
    const pods = result.state.objects.filter((o) => o.kind === 'Pod').map((o) => (o.metadata as { name: string }).name);
    expect(pods.filter((n) => n.startsWith('web-7c9f8b6d5-'))).toEqual([]);
    const deployment = result.state.objects.find(
      (o) => o.kind === 'Deployment' && (o.metadata as { name: string }).name === 'web',
    )!;
    expect((deployment.metadata as Record<string, unknown>).uid).toBe('5d0c7c1e-3f1a-4c52-9a8e-2b7f61a0c001');
    expect((deployment.metadata as Record<string, unknown>).generation).toBe(2);
  });
});

describe('kubeplan plan on the demo', () => {
  it('leaves out what the API server refuses and shows the consequences', async () => {
    const result = await plan(['fixtures/demo']);
    expect(result.findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual([
      'object-rejected the API server refuses this object, so the plan leaves it out: spec.replicas: expected integer, got string "2"',
      'service-no-endpoints Service shop/api has no endpoints: no pod matches its selector app.kubernetes.io/name=api (Deployment shop/api would run them, but the API server refuses it)',
      'hpa-target-missing HorizontalPodAutoscaler shop/api scales Deployment api, which the API server refuses (object-rejected)',
      'object-rejected the API server refuses this object, so the plan leaves it out: spec.rules[0].http.paths[1].pathType: required field is missing',
    ]);
  });

  it('never prints a Secret value', async () => {
    const result = await plan(['fixtures/demo']);
    for (const output of [formatPlanJson(result), formatPlanYaml(result), formatPlanText(result)]) {
      expect(output).not.toContain('correct-horse-battery-staple');
      expect(output).not.toContain('LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==');
    }
  });
});
