import fc from 'fast-check';

/**
 * Generators of built-in objects for the differential tests of validation and defaulting: a valid
 * object of a common kind, then up to three edits drawn from what people get wrong (names, labels,
 * ports, quantities, selectors, restart policies, schedules, unknown fields, wrong types). The
 * pools hold values on both sides of each limit, so that about half the objects are refused.
 */

type Json = Record<string, unknown>;

const labels = { app: 'web' };

const container = (): Json => ({
  name: 'web',
  image: 'registry.example.com/web:1.0.0',
  ports: [{ containerPort: 8080, name: 'http' }],
  resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
});

const podSpec = (): Json => ({ containers: [container()] });
const template = (): Json => ({ metadata: { labels: { ...labels } }, spec: podSpec() });

/** Valid objects, one per kind; each generated case starts from a fresh copy. */
const BASES: Record<string, () => Json> = {
  Pod: () => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { ...labels } }, spec: podSpec() }),
  Deployment: () => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { replicas: 2, selector: { matchLabels: { ...labels } }, template: template() },
  }),
  StatefulSet: () => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: { serviceName: 'web', selector: { matchLabels: { ...labels } }, template: template() },
  }),
  DaemonSet: () => ({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'web' },
    spec: { selector: { matchLabels: { ...labels } }, template: template() },
  }),
  Job: () => ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'web' },
    spec: { template: { spec: { ...podSpec(), restartPolicy: 'Never' } } },
  }),
  CronJob: () => ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'web' },
    spec: {
      schedule: '*/5 * * * *',
      jobTemplate: { spec: { template: { spec: { ...podSpec(), restartPolicy: 'OnFailure' } } } },
    },
  }),
  Service: () => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web' },
    spec: { selector: { ...labels }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
  }),
  ConfigMap: () => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web' }, data: { 'app.conf': 'x=1' } }),
  Ingress: () => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web' },
    spec: {
      rules: [
        {
          host: 'web.example.com',
          http: {
            paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }],
          },
        },
      ],
    },
  }),
  PodDisruptionBudget: () => ({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'web' },
    spec: { minAvailable: 1, selector: { matchLabels: { ...labels } } },
  }),
  HorizontalPodAutoscaler: () => ({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web' },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 2,
      maxReplicas: 5,
    },
  }),
};

/** Kinds with no pod template, for names, labels and unknown fields. */
const SIMPLE_BASES: Record<string, () => Json> = {
  Secret: () => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'web' },
    type: 'Opaque',
    data: { key: 'dmFsdWU=' },
  }),
  ServiceAccount: () => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'web' } }),
  PersistentVolumeClaim: () => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  }),
  Namespace: () => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }),
  NetworkPolicy: () => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'web' },
    spec: { podSelector: { matchLabels: { ...labels } }, ingress: [{ ports: [{ port: 8080 }] }] },
  }),
  Role: () => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'web' },
    rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }],
  }),
  RoleBinding: () => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'web' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'web' },
    subjects: [{ kind: 'ServiceAccount', name: 'web' }],
  }),
  ClusterRole: () => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'web' },
    rules: [{ apiGroups: [''], resources: ['nodes'], verbs: ['list'] }],
  }),
  ClusterRoleBinding: () => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'web' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'web' },
    subjects: [{ kind: 'ServiceAccount', name: 'web', namespace: 'shop' }],
  }),
  PriorityClass: () => ({
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: 'high' },
    value: 1000,
  }),
  StorageClass: () => ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'fast' },
    provisioner: 'example.com/fast',
  }),
  IngressClass: () => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name: 'nginx' },
    spec: { controller: 'example.com/ingress' },
  }),
  LimitRange: () => ({
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'limits' },
    spec: { limits: [{ type: 'Container', default: { cpu: '500m' }, defaultRequest: { cpu: '100m' } }] },
  }),
  ResourceQuota: () => ({
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: 'quota' },
    spec: { hard: { pods: '10' } },
  }),
  ReplicaSet: () => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web' },
    spec: { replicas: 1, selector: { matchLabels: { ...labels } }, template: template() },
  }),
  ReplicationController: () => ({
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name: 'web' },
    spec: { replicas: 1, selector: { ...labels }, template: template() },
  }),
};
Object.assign(BASES, SIMPLE_BASES);

export const KINDS = Object.keys(BASES).sort();

/** An edit: a description (shown in a failing case) and what it does to the object. */
export interface Edit {
  what: string;
  apply(object: Json): void;
}

/** The pod spec of a Pod or of a workload's template, when the object has one. */
export function podSpecOf(object: Json): Json | undefined {
  const spec = object.spec as Json | undefined;
  if (!spec) return undefined;
  if (object.kind === 'Pod') return spec;
  if (object.kind === 'CronJob') return (((spec.jobTemplate as Json).spec as Json).template as Json).spec as Json;
  return (spec.template as Json | undefined)?.spec as Json | undefined;
}

function firstContainer(object: Json): Json | undefined {
  const containers = podSpecOf(object)?.containers;
  return Array.isArray(containers) ? containers[0] : undefined;
}

const NAMES = [
  'web',
  'Web',
  'web-',
  '-web',
  'web.v2',
  'web_v2',
  '1web',
  'a..b',
  'x'.repeat(63),
  'x'.repeat(64),
  'x'.repeat(253),
  'x'.repeat(254),
  '',
];
const LABEL_KEYS = [
  'tier',
  'example.com/tier',
  'Example.com/tier',
  '/tier',
  'example.com/',
  'a/b/c',
  'ti er',
  'x'.repeat(63),
  'x'.repeat(64),
  '_tier',
  'tier_',
  'k8s.io/x',
];
const LABEL_VALUES = ['', 'front', 'front end', '-front', 'front-', 'v1.2_3', 'x'.repeat(63), 'x'.repeat(64), 'ünï'];
const CONTAINER_NAMES = ['web', 'Web', 'web_1', 'web-1', 'x'.repeat(63), 'x'.repeat(64), '1web'];
const PORT_NAMES = ['http', 'HTTP', 'http-1', 'x'.repeat(15), 'x'.repeat(16), '8080', 'h--p', '-http'];
const PORTS = [0, 1, 80, 8080, 65535, 65536, -1];
const QUANTITIES = ['100m', '1', '2', '500m', '64Mi', '1Gi', '0', 'abc', '-1', '1.5'];
const SCHEDULES = [
  '*/5 * * * *',
  '@daily',
  '@every 1h',
  '61 * * * *',
  '* * * *',
  'bad',
  '0 0 31 2 *',
  'TZ=UTC 0 0 * * *',
  '0 0 * * 7',
];
const ENV_NAMES = ['APP_MODE', 'app.mode', '1MODE', 'APP MODE', '', 'MODE=1', '-x'];
const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName', 'Cluster'];
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never', 'always', ''];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never', 'always'];
const REPLICAS: unknown[] = [0, 1, 3, -1, 'three', 2.5];
const UNKNOWN_FIELDS: Array<[string[], string]> = [
  [['spec'], 'replica'],
  [['metadata'], 'label'],
  [['spec', 'template', 'spec', 'containers', '0'], 'imagePullPolcy'],
  [['spec', 'template', 'spec'], 'container'],
  [['spec'], 'ports'],
  [[], 'spec2'],
];

function container0(what: string, change: (c: Json) => void): Edit {
  return {
    what,
    apply: (o) => {
      const c = firstContainer(o);
      if (c) change(c);
    },
  };
}

function at(object: Json, path: string[]): Json | undefined {
  let node: unknown = object;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Json)[key];
  }
  return typeof node === 'object' && node !== null ? (node as Json) : undefined;
}

/** The edits, as fast-check arbitraries. */
const EDITS: fc.Arbitrary<Edit>[] = [
  fc.constantFrom(...NAMES).map((name) => ({
    what: `metadata.name = ${JSON.stringify(name)}`,
    apply: (o: Json) => {
      (o.metadata as Json).name = name;
    },
  })),
  fc.tuple(fc.constantFrom(...LABEL_KEYS), fc.constantFrom(...LABEL_VALUES)).map(([key, value]) => ({
    what: `metadata.labels[${JSON.stringify(key)}] = ${JSON.stringify(value)}`,
    apply: (o: Json) => {
      const meta = o.metadata as Json;
      meta.labels = { ...(meta.labels as Json | undefined), [key]: value };
    },
  })),
  fc.constantFrom(...LABEL_KEYS).map((key) => ({
    what: `metadata.annotations[${JSON.stringify(key)}] = "x"`,
    apply: (o: Json) => {
      (o.metadata as Json).annotations = { [key]: 'x' };
    },
  })),
  fc.constantFrom(...LABEL_VALUES).map((value) => ({
    what: `the pod template's app label = ${JSON.stringify(value)}`,
    apply: (o: Json) => {
      const meta = at(o, ['spec', 'template', 'metadata']);
      if (meta) meta.labels = { app: value };
    },
  })),
  fc.constantFrom(...CONTAINER_NAMES).map((name) =>
    container0(`containers[0].name = ${JSON.stringify(name)}`, (c) => {
      c.name = name;
    }),
  ),
  fc.constant<Edit>({
    what: 'a second container of the same name',
    apply: (o) => {
      const spec = podSpecOf(o);
      if (Array.isArray(spec?.containers))
        spec.containers.push({ name: 'web', image: 'registry.example.com/side:1.0.0' });
    },
  }),
  fc.tuple(fc.constantFrom(...PORTS), fc.constantFrom(...PORT_NAMES)).map(([port, name]) =>
    container0(`containers[0].ports[0] = ${port} named ${JSON.stringify(name)}`, (c) => {
      c.ports = [{ containerPort: port, name }];
    }),
  ),
  fc
    .tuple(fc.constantFrom('requests', 'limits'), fc.constantFrom('cpu', 'memory'), fc.constantFrom(...QUANTITIES))
    .map(([side, resource, quantity]) =>
      container0(`containers[0].resources.${side}.${resource} = ${quantity}`, (c) => {
        const resources = c.resources as Json;
        resources[side] = { ...(resources[side] as Json | undefined), [resource]: quantity };
      }),
    ),
  fc.constantFrom(...ENV_NAMES).map((name) =>
    container0(`containers[0].env = [${JSON.stringify(name)}]`, (c) => {
      c.env = [{ name, value: 'x' }];
    }),
  ),
  fc.constantFrom(...PULL_POLICIES).map((policy) =>
    container0(`containers[0].imagePullPolicy = ${policy}`, (c) => {
      c.imagePullPolicy = policy;
    }),
  ),
  fc.constantFrom('', ' web', 'web:1.0 ', 'registry.example.com/web@sha256:abc').map((image) =>
    container0(`containers[0].image = ${JSON.stringify(image)}`, (c) => {
      c.image = image;
    }),
  ),
  fc.constantFrom(...RESTART_POLICIES).map((policy) => ({
    what: `restartPolicy = ${JSON.stringify(policy)}`,
    apply: (o: Json) => {
      const spec = podSpecOf(o);
      if (spec) spec.restartPolicy = policy;
    },
  })),
  fc.constantFrom(...REPLICAS).map((replicas) => ({
    what: `spec.replicas = ${JSON.stringify(replicas)}`,
    apply: (o: Json) => {
      if (['Deployment', 'StatefulSet'].includes(o.kind as string)) (o.spec as Json).replicas = replicas;
    },
  })),
  fc.constantFrom(...SCHEDULES).map((schedule) => ({
    what: `spec.schedule = ${JSON.stringify(schedule)}`,
    apply: (o: Json) => {
      if (o.kind === 'CronJob') (o.spec as Json).schedule = schedule;
    },
  })),
  fc
    .tuple(
      fc.constantFrom(...SERVICE_TYPES),
      fc.constantFrom(...PORTS),
      fc.constantFrom<unknown>('http', 8080, 0, 'HTTP_1', 70000),
    )
    .map(([type, port, targetPort]) => ({
      what: `Service type ${type}, port ${port} → ${JSON.stringify(targetPort)}`,
      apply: (o: Json) => {
        if (o.kind !== 'Service') return;
        const spec = o.spec as Json;
        spec.type = type;
        if (type === 'ExternalName') spec.externalName = 'db.example.com';
        spec.ports = [{ name: 'http', port, targetPort }];
      },
    })),
  fc.constant<Edit>({
    what: 'a second Service port without a name',
    apply: (o) => {
      const ports = (o.spec as Json | undefined)?.ports;
      if (o.kind === 'Service' && Array.isArray(ports)) ports.push({ port: 443 });
    },
  }),
  fc.constantFrom(...UNKNOWN_FIELDS).map(([path, field]) => ({
    what: `unknown field ${[...path, field].join('.')}`,
    apply: (o: Json) => {
      const parent = path.length ? at(o, path) : o;
      if (parent) parent[field] = 1;
    },
  })),
  fc
    .constantFrom<[string, unknown]>(
      ['completions', 3],
      ['completions', -1],
      ['parallelism', -2],
      ['backoffLimit', -1],
      ['activeDeadlineSeconds', 0],
      ['ttlSecondsAfterFinished', -5],
      ['completionMode', 'Indexed'],
      ['completionMode', 'Sometimes'],
    )
    .map(([field, value]) => ({
      what: `Job spec ${field} = ${JSON.stringify(value)}`,
      apply: (o: Json) => {
        const spec =
          o.kind === 'Job'
            ? (o.spec as Json)
            : o.kind === 'CronJob'
              ? at(o, ['spec', 'jobTemplate', 'spec'])
              : undefined;
        if (spec) spec[field] = value;
      },
    })),
  fc
    .constantFrom<[string, unknown]>(
      ['concurrencyPolicy', 'Forbid'],
      ['concurrencyPolicy', 'Never'],
      ['timeZone', 'Europe/Paris'],
      ['timeZone', 'Mars/Olympus'],
      ['startingDeadlineSeconds', -1],
      ['successfulJobsHistoryLimit', -1],
      ['suspend', true],
    )
    .map(([field, value]) => ({
      what: `CronJob spec ${field} = ${JSON.stringify(value)}`,
      apply: (o: Json) => {
        if (o.kind === 'CronJob') (o.spec as Json)[field] = value;
      },
    })),
  fc
    .constantFrom<[string, unknown]>(
      ['minAvailable', '50%'],
      ['minAvailable', '150%'],
      ['minAvailable', -1],
      ['maxUnavailable', 1],
      ['unhealthyPodEvictionPolicy', 'AlwaysAllow'],
      ['unhealthyPodEvictionPolicy', 'Sometimes'],
    )
    .map(([field, value]) => ({
      what: `PodDisruptionBudget spec ${field} = ${JSON.stringify(value)}`,
      apply: (o: Json) => {
        if (o.kind === 'PodDisruptionBudget') (o.spec as Json)[field] = value;
      },
    })),
  fc
    .constantFrom<[string, unknown]>(
      ['maxSurge', '25%'],
      ['maxSurge', 0],
      ['maxUnavailable', 0],
      ['maxUnavailable', '110%'],
      ['maxSurge', '-1'],
    )
    .chain(([field, value]) =>
      fc.constantFrom(0, 1).map((other) => ({
        what: `Deployment rollingUpdate ${field} = ${JSON.stringify(value)} with the other ${other}`,
        apply: (o: Json) => {
          if (o.kind !== 'Deployment') return;
          const rollingUpdate: Json = { maxSurge: other, maxUnavailable: other, [field]: value };
          (o.spec as Json).strategy = { type: 'RollingUpdate', rollingUpdate };
        },
      })),
    ),
  fc
    .constantFrom<Json>(
      { minReplicas: 0 },
      { minReplicas: 6 },
      { maxReplicas: 0 },
      {
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
        ],
      },
      { metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization' } } }] },
      {
        metrics: [
          { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } } },
        ],
      },
      { behavior: { scaleDown: { stabilizationWindowSeconds: 4000 } } },
      { behavior: { scaleUp: { policies: [{ type: 'Pods', value: 0, periodSeconds: 60 }] } } },
    )
    .map((fields) => ({
      what: `HorizontalPodAutoscaler spec ${JSON.stringify(fields)}`,
      apply: (o: Json) => {
        if (o.kind === 'HorizontalPodAutoscaler') Object.assign(o.spec as Json, structuredClone(fields));
      },
    })),
  fc
    .constantFrom<Json>(
      { path: '/', pathType: 'Exact' },
      { path: 'api', pathType: 'Prefix' },
      { path: '/api', pathType: 'ImplementationSpecific' },
      { path: '/a//b', pathType: 'Prefix' },
      { path: '/api', pathType: 'Regex' },
      { path: '/(.*)', pathType: 'Prefix' },
      { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } },
      { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 70000 } } } },
      { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: {} } } },
    )
    .map((path) => ({
      what: `Ingress path ${JSON.stringify(path)}`,
      apply: (o: Json) => {
        if (o.kind !== 'Ingress') return;
        const first = at(o, ['spec', 'rules', '0', 'http', 'paths', '0']);
        if (first) Object.assign(first, structuredClone(path));
      },
    })),
  fc
    .constantFrom<Json>(
      { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' },
      { key: 'dedicated', operator: 'Exists', value: 'gpu' },
      { operator: 'Exists' },
      { key: 'dedicated', effect: 'NoExecute', tolerationSeconds: 30 },
      { key: 'dedicated', effect: 'NoSchedule', tolerationSeconds: 30 },
      { key: 'bad key!', operator: 'Exists' },
    )
    .map((toleration) => ({
      what: `tolerations = [${JSON.stringify(toleration)}]`,
      apply: (o: Json) => {
        const spec = podSpecOf(o);
        if (spec) spec.tolerations = [structuredClone(toleration)];
      },
    })),
  fc
    .constantFrom<Json>(
      { runAsUser: -1 },
      { runAsNonRoot: true, runAsUser: 0 },
      { fsGroup: 2000, supplementalGroups: [3000] },
      { sysctls: [{ name: 'net.core.somaxconn', value: '1024' }] },
      { sysctls: [{ name: 'bad name', value: '1' }] },
      { seccompProfile: { type: 'Localhost' } },
      { seccompProfile: { type: 'RuntimeDefault' } },
    )
    .map((context) => ({
      what: `pod securityContext ${JSON.stringify(context)}`,
      apply: (o: Json) => {
        const spec = podSpecOf(o);
        if (spec) spec.securityContext = structuredClone(context);
      },
    })),
  fc
    .constantFrom<Json>(
      { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
      { privileged: true, allowPrivilegeEscalation: false },
      { runAsUser: -5 },
      { procMount: 'Unmasked' },
      { readOnlyRootFilesystem: true, runAsNonRoot: true },
    )
    .map((context) =>
      container0(`containers[0].securityContext = ${JSON.stringify(context)}`, (c) => {
        c.securityContext = structuredClone(context);
      }),
    ),
  fc
    .constantFrom<Json>(
      { httpGet: { port: 8080 }, periodSeconds: 0 },
      { httpGet: { port: 8080 }, successThreshold: 2 },
      { httpGet: { port: 8080 }, failureThreshold: -1 },
      { httpGet: { port: 8080 }, tcpSocket: { port: 8080 } },
      {},
      { httpGet: { port: 0 } },
      { exec: { command: [] } },
    )
    .map((probe) =>
      container0(`containers[0].livenessProbe = ${JSON.stringify(probe)}`, (c) => {
        c.livenessProbe = structuredClone(probe);
      }),
    ),
  fc
    .constantFrom<Json>(
      {
        maxSkew: 1,
        topologyKey: 'kubernetes.io/hostname',
        whenUnsatisfiable: 'DoNotSchedule',
        labelSelector: { matchLabels: { app: 'web' } },
      },
      { maxSkew: 0, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule' },
      { maxSkew: 1, topologyKey: '', whenUnsatisfiable: 'ScheduleAnyway' },
      { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'Sometimes' },
      { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', minDomains: 2 },
      { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', minDomains: 0 },
    )
    .map((constraint) => ({
      what: `topologySpreadConstraints = [${JSON.stringify(constraint)}]`,
      apply: (o: Json) => {
        const spec = podSpecOf(o);
        if (spec) spec.topologySpreadConstraints = [structuredClone(constraint)];
      },
    })),
  fc
    .constantFrom<[string, unknown]>(
      ['sessionAffinity', 'ClientIP'],
      ['sessionAffinity', 'Sticky'],
      ['externalTrafficPolicy', 'Local'],
      ['internalTrafficPolicy', 'Local'],
      ['clusterIP', 'None'],
      ['clusterIP', '10.0.0.300'],
      ['loadBalancerSourceRanges', ['10.0.0.0/8']],
      ['externalIPs', ['not-an-ip']],
      ['publishNotReadyAddresses', true],
    )
    .map(([field, value]) => ({
      what: `Service spec ${field} = ${JSON.stringify(value)}`,
      apply: (o: Json) => {
        if (o.kind === 'Service') (o.spec as Json)[field] = structuredClone(value);
      },
    })),
  fc
    .constantFrom<[string, unknown]>(
      ['terminationGracePeriodSeconds', '30'],
      ['hostNetwork', 'yes'],
      ['containers', {}],
    )
    .map(([field, value]) => ({
      what: `pod spec ${field} = ${JSON.stringify(value)}`,
      apply: (o: Json) => {
        const spec = podSpecOf(o);
        if (spec) spec[field] = value;
      },
    })),
];

export interface ObjectCase {
  kind: string;
  edits: Edit[];
}

/** A kind and up to three edits; `build` makes the object. */
export const objectCase: fc.Arbitrary<ObjectCase> = fc.record({
  kind: fc.constantFrom(...KINDS),
  edits: fc.array(fc.oneof(...EDITS), { maxLength: 3 }),
});

export function build(c: ObjectCase): Json {
  const object = BASES[c.kind]!();
  for (const edit of c.edits) edit.apply(object);
  return object;
}

/** How a failing case prints: the kind and the edits, then the object. */
export function describeCase(c: ObjectCase): string {
  return `${c.kind} with ${c.edits.map((e) => e.what).join('; ') || 'no edit'}\n${JSON.stringify(build(c), null, 2)}`;
}
