import { describe, expect, it } from '@jest/globals';
import { validateYaml } from '../helpers/validate.js';

/**
 * The API server's checks of fields that the OpenAPI schemas let through, each found by the
 * differential test against the API server's validation (test/differential/builtin-validation):
 * the server's field path and words, at the field's place.
 */
describe('field checks the schemas do not make', () => {
  it('a Pod: images, container and host ports, environment names, negative quantities', async () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: init, image: ""}
  containers:
  - name: web
    image: "web:1.0 "
    ports: [{containerPort: 0}, {containerPort: 70000, hostPort: -5}, {containerPort: 8080, hostPort: 0}]
    env: [{name: "", value: a}, {name: A=B, value: b}, {name: app.mode, value: c}]
    resources: {requests: {cpu: "-1", memory: 64Mi}, limits: {cpu: "-500m"}}
`;
    expect(await validateYaml(yaml)).toEqual([
      '6:25 schema-invalid spec.initContainers[0].image: Required value',
      '9:12 schema-invalid spec.containers[0].image: Invalid value: "web:1.0 ": must not have leading or trailing whitespace',
      '10:29 schema-invalid spec.containers[0].ports[0].containerPort: Required value',
      '10:49 schema-invalid spec.containers[0].ports[1].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      '10:66 schema-invalid spec.containers[0].ports[1].hostPort: Invalid value: -5: must be between 1 and 65535, inclusive',
      '11:18 schema-invalid spec.containers[0].env[0].name: Required value',
      '11:40 schema-invalid spec.containers[0].env[1].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\'',
      '12:33 schema-invalid spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
      '12:68 schema-invalid spec.containers[0].resources.limits[cpu]: Invalid value: "-500m": must be greater than or equal to 0',
    ]);
  });

  it("a template's image with spaces is accepted (the Pod's own check), but not its empty image", async () => {
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: -1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      restartPolicy: Never
      containers: [{name: web, image: " web:1.0"}, {name: side, image: ""}]
`;
    expect(await validateYaml(yaml)).toEqual([
      '5:13 schema-invalid spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      '10:22 schema-invalid spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
      '11:72 schema-invalid spec.template.spec.containers[1].image: Required value',
    ]);
  });

  it('a Job may restart Never, and an unset restartPolicy of a workload is defaulted to Always', async () => {
    const yaml = `apiVersion: batch/v1
kind: Job
metadata: {name: once}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: run, image: "run:1.0"}]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      restartPolicy: ""
      containers: [{name: agent, image: "agent:1.0"}]
`;
    expect(await validateYaml(yaml)).toEqual([]);
  });

  it('Service ports: numbers in range, names when there are several, targetPort 0 as unset; an empty name', async () => {
    const yaml = `apiVersion: v1
kind: Service
metadata: {name: ""}
spec:
  ports:
  - {name: http, port: 80, targetPort: 0}
  - {port: 65536, targetPort: 70000}
`;
    expect(await validateYaml(yaml)).toEqual([
      '3:18 schema-invalid metadata.name: Required value: name or generateName is required',
      '7:5 schema-invalid spec.ports[1].name: Required value',
      '7:12 schema-invalid spec.ports[1].port: Invalid value: 65536: must be between 1 and 65535, inclusive',
      '7:31 schema-invalid spec.ports[1].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]);
  });

  it('volumes: mounts name a volume or a claim template, file modes are 0 to 0777', async () => {
    const yaml = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      volumes:
      - {name: conf, configMap: {name: db, defaultMode: 0755, items: [{key: k, path: p, mode: 1000}]}}
      - {name: info, downwardAPI: {items: [{path: l, fieldRef: {fieldPath: metadata.labels}, mode: 888}]}}
      containers:
      - name: db
        image: db:1.0
        volumeMounts: [{name: conf, mountPath: /c}, {name: data, mountPath: /d}, {name: logs, mountPath: /l}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;
    expect(await validateYaml(yaml)).toEqual([
      '11:95 schema-invalid spec.template.spec.volumes[0].configMap.items[0].mode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive',
      '12:100 schema-invalid spec.template.spec.volumes[1].downwardAPI.items[0].mode: Invalid value: 888: must be a number between 0 and 0777 (octal), both inclusive',
      '16:89 schema-invalid spec.template.spec.containers[0].volumeMounts[2].name: Not found: "logs"',
    ]);
  });

  it('names that point elsewhere: namespace, service account, TLS secret, Ingress hosts, subjects', async () => {
    const yaml = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: $(NS)
spec:
  tls: [{hosts: ["*.example.com", __HOST__], secretName: <secret>}]
  rules: [{host: "*.example.com"}, {host: 10.0.0.1}, {host: "a.*.com"}]
---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  serviceAccountName: $SA
  containers: [{name: web, image: web:1.0}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: read, namespace: ignored_for_cluster_scope}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects: [{kind: ServiceAccount, name: reader}, {kind: ServiceAccount, name: KSA, namespace: shop}]
`;
    const found = await validateYaml(yaml);
    expect(found.map((f) => f.replace(/: a lowercase RFC 1123 .*|: a wildcard DNS-1123 .*/, ': …'))).toEqual([
      '5:14 schema-invalid metadata.namespace: Invalid value: "$(NS)": …',
      '7:35 schema-invalid spec.tls[0].hosts[1]: Invalid value: "__HOST__": …',
      '7:58 schema-invalid spec.tls[0].secretName: Invalid value: "<secret>": …',
      '8:43 schema-invalid spec.rules[1].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address',
      '8:61 schema-invalid spec.rules[2].host: Invalid value: "a.*.com": …',
      '14:23 schema-invalid spec.serviceAccountName: Invalid value: "$SA": …',
      '21:12 schema-invalid subjects[0].namespace: Required value',
      '21:79 schema-invalid subjects[1].name: Invalid value: "KSA": …',
    ]);
  });

  it('a LimitRange may have an empty name: the API server makes one', async () => {
    const yaml = `apiVersion: v1
kind: LimitRange
metadata: {name: ""}
spec:
  limits: [{type: Container, default: {cpu: 500m}}]
`;
    expect(await validateYaml(yaml)).toEqual([]);
  });

  it('a ReplicationController with neither selector nor template labels', async () => {
    const yaml = `apiVersion: v1
kind: ReplicationController
metadata: {name: agent}
spec:
  template:
    spec: {containers: [{name: agent, image: agent:1.0}]}
`;
    expect(await validateYaml(yaml)).toEqual(['5:3 schema-invalid spec.selector: Required value']);
  });

  it('probes: one handler, thresholds not negative, a liveness probe that succeeds once, handler ports in range', async () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: web
    image: web:1.0
    livenessProbe: {httpGet: {port: 8080}, tcpSocket: {port: 8080}, successThreshold: 2}
    readinessProbe: {exec: {command: []}, failureThreshold: -1}
    startupProbe: {periodSeconds: 5}
  - name: side
    image: side:1.0
    livenessProbe: {httpGet: {port: 0}}
`;
    expect(await validateYaml(yaml)).toEqual([
      '8:55 schema-invalid spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
      '8:87 schema-invalid spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      '9:38 schema-invalid spec.containers[0].readinessProbe.exec.command: Required value',
      '9:61 schema-invalid spec.containers[0].readinessProbe.failureThreshold: Invalid value: -1: must be greater than or equal to 0',
      '10:19 schema-invalid spec.containers[0].startupProbe: Required value: must specify a handler type',
      '13:37 schema-invalid spec.containers[1].livenessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive',
    ]);
  });

  it('security contexts and spreading: ids in range, privileged that may not escalate, Localhost profiles, sysctls, minDomains', async () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  securityContext: {runAsUser: -1, seccompProfile: {type: Localhost}, sysctls: [{name: bad name, value: "1"}]}
  topologySpreadConstraints:
  - {maxSkew: 0, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}
  - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway, minDomains: 2}
  containers:
  - name: web
    image: web:1.0
    securityContext: {privileged: true, allowPrivilegeEscalation: false}
`;
    expect(await validateYaml(yaml)).toEqual([
      '5:32 schema-invalid spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive',
      '5:52 schema-invalid spec.securityContext.seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost',
      '5:88 schema-invalid spec.securityContext.sysctls[0].name: Invalid value: "bad name": must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$',
      '7:15 schema-invalid spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero',
      '8:84 schema-invalid spec.topologySpreadConstraints[1].minDomains: Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway',
      '12:22 schema-invalid spec.containers[0].securityContext: Invalid value: {"privileged":true,"allowPrivilegeEscalation":false}: cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
    ]);
  });

  it('workload specs: rolling updates that move, Job counts, budgets, autoscaler bounds and rules', async () => {
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 0, maxUnavailable: 0%}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: "web:1.0"}]}
---
apiVersion: batch/v1
kind: Job
metadata: {name: once}
spec:
  parallelism: 2
  backoffLimit: -1
  completionMode: Indexed
  template: {spec: {restartPolicy: Never, containers: [{name: run, image: "run:1.0"}]}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec: {minAvailable: 150%, maxUnavailable: 1, selector: {matchLabels: {app: web}}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 6
  maxReplicas: 5
  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization}}}]
  behavior: {scaleDown: {stabilizationWindowSeconds: 4000, policies: [{type: Pods, value: 0, periodSeconds: 60}]}}
`;
    expect(await validateYaml(yaml)).toEqual([
      '6:80 schema-invalid spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0',
      '15:3 schema-invalid spec.completions: Required value: when completion mode is Indexed',
      '16:17 schema-invalid spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0',
      '23:7 schema-invalid spec: Invalid value: {"minAvailable":"150%","maxUnavailable":1}: minAvailable and maxUnavailable cannot be both set',
      '23:22 schema-invalid spec.minAvailable: Invalid value: "150%": must not be greater than 100%',
      '31:16 schema-invalid spec.maxReplicas: Invalid value: 5: must be greater than or equal to `minReplicas`',
      '32:60 schema-invalid spec.metrics[0].resource.target.averageUtilization: Required value: must set either a target raw value or a target utilization',
      '33:54 schema-invalid spec.behavior.scaleDown.stabilizationWindowSeconds: Invalid value: 4000: must be less than or equal to 3600',
      '33:91 schema-invalid spec.behavior.scaleDown.policies[0].value: Invalid value: 0: must be greater than zero',
    ]);
  });

  it('Services and Ingresses: addresses, fields only external Services set, absolute paths, backend ports', async () => {
    const yaml = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  clusterIP: 10.0.0.300
  externalIPs: [not-an-ip, 010.0.0.1]
  externalTrafficPolicy: Local
  loadBalancerSourceRanges: [10.0.0.0/8]
  ports: [{port: 80}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  rules:
  - http:
      paths:
      - {path: api, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
      - {path: /a//b, pathType: Exact, backend: {service: {name: web, port: {}}}}
`;
    expect(await validateYaml(yaml)).toEqual([
      '5:14 schema-invalid spec.clusterIPs[0]: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      '6:17 schema-invalid spec.externalIPs[0]: Invalid value: "not-an-ip": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      '7:26 schema-invalid spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
      "8:29 schema-invalid spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'",
      '18:16 schema-invalid spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path',
      '19:16 schema-invalid spec.rules[0].http.paths[1].path: Invalid value: "/a//b": must not contain \'//\'',
      '19:49 schema-invalid spec.rules[0].http.paths[1].backend: Required value: port name or number is required',
    ]);
  });
});
