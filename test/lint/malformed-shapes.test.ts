import { describe, expect, it } from '@jest/globals';
import { lint } from '../../src/index.js';

/**
 * Objects whose fields have the wrong shape everywhere a rule looks: the schema phase reports
 * them. A rule reads a field of the wrong type as unknown, not as absent (docs/rules-design.md,
 * "Malformed input"), so none of them may throw (a rule-error finding) or report anything: every
 * field a rule would call missing is there, with the wrong type, and every object a cross-object
 * rule would look up has the wrong shape where the rule reads it.
 */
const MALFORMED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: 7
  labels: [a, b]
  annotations: "kubeplan.io/ignore: all"
spec:
  replicas: many
  selector: app=web
  template:
    metadata:
      labels: "app: web"
    spec:
      securityContext: [runAsNonRoot]
      volumes: {name: x}
      imagePullSecrets: [registry]
      containers:
        - "just a string"
        - null
        - name: 42
          image: [nginx]
          ports: 8080
          env: {LOG_LEVEL: info}
          envFrom: [{configMapRef: "web"}]
          resources: {requests: "lots", limits: [1]}
          securityContext: {capabilities: {add: "SYS_ADMIN", drop: ALL}, runAsUser: "0"}
          readinessProbe: {httpGet: {port: {name: http}}}
          livenessProbe: true
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  replicas: "1"
  selector: {matchLabels: {app: api}}
  template:
    metadata:
      labels: {app: api}
    spec:
      automountServiceAccountToken: "no"
      serviceAccountName: [api]
      hostNetwork: "true"
      securityContext: {seccompProfile: RuntimeDefault, runAsNonRoot: "yes", appArmorProfile: Unconfined, sysctls: net.core.somaxconn}
      resources: [1]
      volumes:
        - {name: data, persistentVolumeClaim: {claimName: [data]}}
        - {name: logs, hostPath: /var/log}
        - {name: config, configMap: {name: api-config, items: [{key: [LOG_LEVEL], path: x}]}}
      initContainers:
        - name: setup
          image: busybox:1.36
          restartPolicy: [Always]
          resources: {requests: {cpu: [1], memory: {amount: 1}}, limits: {memory: [64Mi]}}
          securityContext: restricted
      containers:
        - name: api
          image: [registry.example.com/api]
          imagePullPolicy: [IfNotPresent]
          resources: {requests: "lots", limits: [1]}
          securityContext:
            allowPrivilegeEscalation: "false"
            readOnlyRootFilesystem: "true"
            runAsNonRoot: "true"
            runAsUser: "0"
            privileged: "true"
            procMount: 1
            capabilities: {drop: ALL, add: SYS_ADMIN}
            seccompProfile: Unconfined
          livenessProbe: true
          readinessProbe: "yes"
          startupProbe: {httpGet: {port: [http]}}
          ports: [{name: [http], containerPort: "8080", hostPort: "80", protocol: 6}]
          env:
            - {name: [LOG_LEVEL], value: info}
            - {name: [LOG_LEVEL], value: debug}
            - {name: DATABASE_PASSWORD, value: 1234}
            - {name: API_TOKEN, valueFrom: {secretKeyRef: {name: api-secrets, key: [token], optional: "false"}}}
            - {name: FLAGS, valueFrom: {configMapKeyRef: {name: flags, key: enabled, optional: "true"}}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: api-config, namespace: shop}
data: [LOG_LEVEL]
---
apiVersion: v1
kind: Secret
metadata: {name: api-secrets, namespace: shop}
stringData: "token: x"
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: shop}
automountServiceAccountToken: "false"
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  serviceName: [db]
  replicas: [1]
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      automountServiceAccountToken: "false"
      securityContext: restricted
      containers:
        - {name: db, image: "postgres:16.4", resources: none, securityContext: none, livenessProbe: none, ports: {containerPort: 5432}, readinessProbe: {tcpSocket: {port: postgres}}}
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: [0, 3]
  jobTemplate: "none"
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: cleanup
  namespace: shop
spec:
  schedule: 5
  startingDeadlineSeconds: "soon"
  timeZone: [UTC]
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: 1
          automountServiceAccountToken: 0
          securityContext: restricted
          containers: [{name: cleanup, image: "cleanup:1.0", resources: none, securityContext: none}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: migrate, namespace: shop}
spec:
  template:
    spec:
      restartPolicy: [Never]
      automountServiceAccountToken: [false]
      securityContext: restricted
      containers: [{name: migrate, image: "migrate:1.0", resources: [none], securityContext: [none]}]
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: [app]
  ports: {port: 80}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  selector: {app: api}
  clusterIP: [None]
  ports: {port: 80, targetPort: web}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  tls: {secretName: x}
  rules:
    - http: {paths: "/"}
    - host: 5
      http:
        paths:
          - backend: {service: {name: [web], port: "80"}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: a, namespace: shop}
spec:
  ingressClassName: [nginx]
  tls: [{secretName: [api-tls]}]
  rules:
    - host: shop.example.com
      http:
        paths:
          - {path: [/api], pathType: Prefix, backend: {service: {name: api, port: {number: "80"}}}}
          - {path: [/api], pathType: Prefix, backend: {service: {name: api, port: {name: [http]}}}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: {n: 1}
  selector: {matchExpressions: [{key: app}]}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: api, namespace: shop}
spec: "maxUnavailable: 0"
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api, namespace: shop}
spec: {podSelector: "app=api", policyTypes: [Ingress]}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: web
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api, namespace: shop}
spec: {scaleTargetRef: {apiVersion: apps/v1, kind: [Deployment], name: api}, maxReplicas: "5"}
---
apiVersion: v1
kind: Pod
metadata:
  name: bare
spec: "nothing"
`;

describe('rules on malformed objects', () => {
  it('never throw, and report nothing: the schema phase reports the wrong shapes', async () => {
    const result = await lint(['-'], { readStdin: async () => Buffer.from(MALFORMED) });
    expect(
      result.findings.filter((f) => f.phase === 'rule').map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`),
    ).toEqual([]);
    expect(result.findings.filter((f) => f.phase === 'schema').length).toBeGreaterThan(40);
  });
});
