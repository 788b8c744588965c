import { describe, expect, it } from '@jest/globals';
import { applyDefaults, hasDefaults } from '../../src/simulate/defaults/index.js';
import { applyPodAdmission } from '../../src/simulate/defaults/admission.js';
import { imageTag } from '../../src/model/image-reference.js';
import { defaultPullPolicy } from '../../src/simulate/defaults/image-pull-policy.js';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'nginx',
            ports: [{ containerPort: 80 }],
            readinessProbe: { httpGet: { port: 80 } },
            resources: { limits: { cpu: '1', memory: '1Gi' } },
          },
        ],
        volumes: [{ name: 'config', configMap: { name: 'web' } }, { name: 'scratch' }],
      },
    },
  },
};

describe('applyDefaults', () => {
  it('defaults a Deployment and its pod template exactly like the API server', () => {
    expect(applyDefaults(deployment)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop' },
      spec: {
        replicas: 1,
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            dnsPolicy: 'ClusterFirst',
            restartPolicy: 'Always',
            schedulerName: 'default-scheduler',
            securityContext: {},
            terminationGracePeriodSeconds: 30,
            containers: [
              {
                name: 'web',
                image: 'nginx',
                imagePullPolicy: 'Always',
                terminationMessagePath: '/dev/termination-log',
                terminationMessagePolicy: 'File',
                ports: [{ containerPort: 80, protocol: 'TCP' }],
                readinessProbe: {
                  httpGet: { port: 80, path: '/', scheme: 'HTTP' },
                  timeoutSeconds: 1,
                  periodSeconds: 10,
                  successThreshold: 1,
                  failureThreshold: 3,
                },
                // Requests are copied from limits only in Pods, never in templates.
                resources: { limits: { cpu: '1', memory: '1Gi' } },
              },
            ],
            volumes: [
              { name: 'config', configMap: { name: 'web', defaultMode: 420 } },
              { name: 'scratch', emptyDir: {} },
            ],
          },
        },
      },
    });
  });

  it('writes a downward API resource divisor as the server gives it back: "0" when unset', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'shop' },
      spec: {
        containers: [
          {
            name: 'app',
            image: 'app:1',
            env: [
              { name: 'CPUS', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
              { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
            ],
          },
        ],
        volumes: [
          { name: 'info', downwardAPI: { items: [{ path: 'cpu', resourceFieldRef: { resource: 'limits.cpu' } }] } },
        ],
      },
    };
    const spec = applyDefaults(pod).spec as {
      containers: Array<{ env: Array<{ valueFrom: { resourceFieldRef: Record<string, unknown> } }> }>;
      volumes: Array<{ downwardAPI: { items: Array<{ resourceFieldRef: Record<string, unknown> }> } }>;
    };
    expect(spec.containers[0]!.env.map((e) => e.valueFrom.resourceFieldRef.divisor)).toEqual(['0', '1Mi']);
    expect(spec.volumes[0]!.downwardAPI.items[0]!.resourceFieldRef.divisor).toBe('0');
  });

  it('never modifies its input', () => {
    const before = JSON.stringify(deployment);
    const result = applyDefaults(deployment);
    expect(JSON.stringify(deployment)).toBe(before);
    (result.spec.template.spec.containers[0] as Record<string, unknown>).name = 'changed';
    expect(deployment.spec.template.spec.containers[0]!.name).toBe('web');
  });

  it('keeps what the manifest sets, including explicit zeroes of pointer fields', () => {
    const result = applyDefaults({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'w' },
      spec: {
        replicas: 0,
        revisionHistoryLimit: 0,
        strategy: { type: 'Recreate' },
        template: { spec: { containers: [] } },
      },
    });
    expect(result.spec).toEqual({
      replicas: 0,
      revisionHistoryLimit: 0,
      progressDeadlineSeconds: 600,
      strategy: { type: 'Recreate' },
      template: {
        spec: {
          containers: [],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    });
  });

  it('gives Pods what only Pods get: requests from limits, service links, host ports', () => {
    const pod = applyDefaults({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        hostNetwork: true,
        containers: [
          {
            name: 'c',
            image: 'busybox@sha256:abc',
            ports: [{ containerPort: 9100 }],
            resources: { limits: { cpu: '500m' }, requests: { memory: '64Mi' } },
          },
        ],
      },
    });
    const container = pod.spec.containers[0] as Record<string, unknown>;
    expect(container.resources).toEqual({ limits: { cpu: '500m' }, requests: { memory: '64Mi', cpu: '500m' } });
    expect(container.ports).toEqual([{ containerPort: 9100, hostPort: 9100, protocol: 'TCP' }]);
    expect(container.imagePullPolicy).toBe('IfNotPresent');
    expect((pod.spec as Record<string, unknown>).enableServiceLinks).toBe(true);
  });

  it('defaults pod-level requests from pod-level limits for resources no container requests', () => {
    const pod = applyDefaults({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        resources: { limits: { cpu: '2', memory: '1Gi' } },
        containers: [{ name: 'c', image: 'x:1', resources: { requests: { cpu: '1' } } }],
      },
    });
    expect((pod.spec as Record<string, unknown>).resources).toEqual({
      limits: { cpu: '2', memory: '1Gi' },
      requests: { memory: '1Gi' },
    });
  });

  it('defaults a Service: type, protocol, targetPort, traffic policies', () => {
    const service = applyDefaults({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: {
        type: 'LoadBalancer',
        selector: { app: 's' },
        ports: [{ port: 80 }, { port: 53, protocol: 'UDP', targetPort: 'dns' }],
      },
    });
    expect(service.spec).toEqual({
      type: 'LoadBalancer',
      selector: { app: 's' },
      sessionAffinity: 'None',
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      allocateLoadBalancerNodePorts: true,
      ports: [
        { port: 80, protocol: 'TCP', targetPort: 80 },
        { port: 53, protocol: 'UDP', targetPort: 'dns' },
      ],
    });
    const clientIp = applyDefaults({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: { sessionAffinity: 'ClientIP' },
    });
    expect(clientIp.spec).toEqual({
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
      type: 'ClusterIP',
      internalTrafficPolicy: 'Cluster',
    });
    const external = applyDefaults({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: { type: 'ExternalName', externalName: 'db.example.com' },
    });
    expect(external.spec).toEqual({ type: 'ExternalName', externalName: 'db.example.com', sessionAffinity: 'None' });
  });

  it('defaults a StatefulSet, its update strategy and its claim templates', () => {
    const sts = applyDefaults({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: {
        serviceName: 'db',
        template: { spec: { containers: [] } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } }],
      },
    });
    const spec = sts.spec as Record<string, unknown>;
    expect(spec.podManagementPolicy).toBe('OrderedReady');
    expect(spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    expect(spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
    expect(spec.replicas).toBe(1);
    expect(spec.revisionHistoryLimit).toBe(10);
    expect(spec.volumeClaimTemplates).toEqual([
      {
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' },
        status: { phase: 'Pending' },
      },
    ]);
    const explicit = applyDefaults({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: { updateStrategy: { type: 'RollingUpdate' } },
    });
    expect((explicit.spec as Record<string, unknown>).updateStrategy).toEqual({ type: 'RollingUpdate' });
  });

  it('defaults a DaemonSet update strategy', () => {
    const ds = applyDefaults({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: {} });
    expect(ds.spec).toEqual({
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
    });
  });

  it('defaults Jobs and CronJobs', () => {
    const job = applyDefaults({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j' },
      spec: { template: { metadata: { labels: { app: 'j' } }, spec: { restartPolicy: 'Never', containers: [] } } },
    });
    const { template, ...jobSpec } = job.spec as Record<string, unknown>;
    // The pod spec defaults of a template (SetDefaults_PodSpec); enableServiceLinks is a Pod's only.
    expect(template).toEqual({
      metadata: { labels: { app: 'j' } },
      spec: {
        restartPolicy: 'Never',
        containers: [],
        dnsPolicy: 'ClusterFirst',
        securityContext: {},
        terminationGracePeriodSeconds: 30,
        schedulerName: 'default-scheduler',
      },
    });
    expect(jobSpec).toEqual({
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      manualSelector: false,
    });
    expect(job.metadata).toEqual({ name: 'j', labels: { app: 'j' } });
    const parallel = applyDefaults({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j' },
      spec: {
        parallelism: 3,
        backoffLimitPerIndex: 1,
        completionMode: 'Indexed',
        podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] },
      },
    });
    expect(parallel.spec).toEqual({
      parallelism: 3,
      backoffLimit: 2147483647,
      backoffLimitPerIndex: 1,
      completionMode: 'Indexed',
      suspend: false,
      podReplacementPolicy: 'Failed',
      manualSelector: false,
      podFailurePolicy: {
        rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }],
      },
    });
    const cron = applyDefaults({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: { spec: { containers: [] } } } } },
    });
    const cronSpec = cron.spec as Record<string, unknown>;
    expect(cronSpec.concurrencyPolicy).toBe('Allow');
    expect(cronSpec.suspend).toBe(false);
    expect(cronSpec.successfulJobsHistoryLimit).toBe(3);
    expect(cronSpec.failedJobsHistoryLimit).toBe(1);
    // The job template is not a Job: no parallelism or backoffLimit until the Job is created.
    expect(Object.keys((cronSpec.jobTemplate as { spec: object }).spec)).toEqual(['template']);
  });

  it('defaults autoscalers: minReplicas, the CPU metric, and behavior only when given', () => {
    const hpa = applyDefaults({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'h' },
      spec: { maxReplicas: 5 },
    });
    expect(hpa.spec).toEqual({
      maxReplicas: 5,
      minReplicas: 1,
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
      ],
    });
    const withBehavior = applyDefaults({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'h' },
      spec: {
        maxReplicas: 5,
        metrics: [{ type: 'Pods' }],
        behavior: { scaleDown: { stabilizationWindowSeconds: 60 } },
      },
    });
    expect((withBehavior.spec as Record<string, unknown>).behavior).toEqual({
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: 'Max',
        policies: [
          { type: 'Pods', value: 4, periodSeconds: 15 },
          { type: 'Percent', value: 100, periodSeconds: 15 },
        ],
      },
      scaleDown: {
        stabilizationWindowSeconds: 60,
        selectPolicy: 'Max',
        policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
      },
    });
  });

  it('defaults the small kinds', () => {
    expect(applyDefaults({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } })).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      type: 'Opaque',
    });
    expect(applyDefaults({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } })).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop', labels: { 'kubernetes.io/metadata.name': 'shop' } },
      status: { phase: 'Active' },
    });
    expect(
      applyDefaults({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: {} }),
    ).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'c' },
      spec: { volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    });
    expect(
      applyDefaults({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'n' },
        spec: { egress: [{ ports: [{ port: 53 }] }] },
      }).spec,
    ).toEqual({ egress: [{ ports: [{ port: 53, protocol: 'TCP' }] }], policyTypes: ['Ingress', 'Egress'] });
    expect(
      applyDefaults({
        apiVersion: 'scheduling.k8s.io/v1',
        kind: 'PriorityClass',
        metadata: { name: 'high' },
        value: 1000,
      }),
    ).toEqual({
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name: 'high' },
      value: 1000,
      preemptionPolicy: 'PreemptLowerPriority',
    });
    expect(
      applyDefaults({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, status: { capacity: { cpu: '4' } } })
        .status,
    ).toEqual({ capacity: { cpu: '4' }, allocatable: { cpu: '4' } });
    // Found by the differential test against the API server's defaulting.
    expect(
      applyDefaults({
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name: 'fast' },
        provisioner: 'p',
      }),
    ).toEqual({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'fast' },
      provisioner: 'p',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'Immediate',
    });
  });

  it('leaves unknown versions and odd shapes alone instead of failing', () => {
    const custom = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { replicas: null } };
    expect(applyDefaults(custom)).toEqual(custom);
    expect(hasDefaults(custom)).toBe(false);
    expect(hasDefaults({ apiVersion: 'v1', kind: 'ConfigMap' })).toBe(true);
    const odd = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'odd' },
      spec: {
        replicas: '2',
        strategy: 'fast',
        template: { spec: { containers: ['nginx', { name: 'c', image: 'x', ports: 'http' }], volumes: 'none' } },
      },
    };
    const result = applyDefaults(odd);
    expect(result.spec.replicas).toBe('2');
    expect(result.spec.strategy).toBe('fast');
    expect(result.spec.template.spec.containers[0]).toBe('nginx');
    expect((result.spec.template.spec.containers[1] as Record<string, unknown>).ports).toBe('http');
    expect(applyDefaults({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: 'nope' }).spec).toBe(
      'nope',
    );
  });
});

describe('workloads of removed versions', () => {
  const statefulSet = {
    apiVersion: 'apps/v1beta1',
    kind: 'StatefulSet',
    metadata: { name: 'db' },
    spec: {
      serviceName: 'db',
      template: {
        spec: {
          containers: [
            {
              name: 'db',
              image: 'postgres:16',
              env: [{ name: 'CPUS', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } }],
            },
          ],
        },
      },
    },
  };

  it('get the pod template defaults, which are core/v1 in every version', () => {
    expect(hasDefaults(statefulSet)).toBe(true);
    const container = (applyDefaults(statefulSet).spec as any).template.spec.containers[0];
    expect(container.env[0].valueFrom.resourceFieldRef).toEqual({ resource: 'limits.cpu', divisor: '0' });
    expect(container.imagePullPolicy).toBe('IfNotPresent');
    expect(container.terminationMessagePolicy).toBe('File');
  });

  it('and none of their own, which differ from apps/v1', () => {
    const spec = applyDefaults(statefulSet).spec as Record<string, unknown>;
    expect(spec.updateStrategy).toBeUndefined();
    expect(spec.podManagementPolicy).toBeUndefined();
    expect(spec.replicas).toBeUndefined();
  });
});

describe('image pull policy', () => {
  it.each([
    ['nginx', 'latest', 'Always'],
    ['nginx:latest', 'latest', 'Always'],
    ['nginx:1.27', '1.27', 'IfNotPresent'],
    ['registry:5000/team/app', 'latest', 'Always'],
    ['registry:5000/team/app:2', '2', 'IfNotPresent'],
    ['registry:5000/team/app:latest', 'latest', 'Always'],
    [`app@sha256:${'a'.repeat(64)}`, '', 'IfNotPresent'],
    [`app:latest@sha256:${'a'.repeat(64)}`, 'latest', 'Always'],
    // Invalid references (a short digest, upper case): the server ignores the parse error.
    ['app:latest@sha256:0123', '', 'IfNotPresent'],
    ['NGINX', '', 'IfNotPresent'],
  ])('%s has tag "%s" and pull policy %s', (image, tag, policy) => {
    expect(imageTag(image)).toBe(tag);
    expect(defaultPullPolicy(image)).toBe(policy);
  });
});

describe('applyPodAdmission', () => {
  it('adds the service account and the not-ready/unreachable tolerations', () => {
    expect(applyPodAdmission({ containers: [] })).toEqual({
      containers: [],
      serviceAccountName: 'default',
      serviceAccount: 'default',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    });
  });

  it('keeps a toleration the pod already has and adds none when it tolerates everything', () => {
    const own = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 };
    expect(applyPodAdmission({ serviceAccountName: 'api', tolerations: [own] })).toEqual({
      serviceAccountName: 'api',
      serviceAccount: 'api',
      tolerations: [
        own,
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    });
    expect(applyPodAdmission({ tolerations: [{ operator: 'Exists' }] }).tolerations).toEqual([{ operator: 'Exists' }]);
  });
});
