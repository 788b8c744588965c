import { describe, expect, it } from '@jest/globals';
import { lint } from '../../src/index.js';

/**
 * Objects whose fields have the wrong shape everywhere a rule looks: the schema phase reports
 * them; the rules must neither throw (a rule-error finding) nor invent findings from garbage.
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
apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: [0, 3]
  jobTemplate: "none"
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: [app]
  ports: {port: 80}
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
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: {n: 1}
  selector: {matchExpressions: [{key: app}]}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: web
---
apiVersion: v1
kind: Pod
metadata:
  name: bare
spec: "nothing"
`;

describe('rules on malformed objects', () => {
  it('never throw, whatever the shape of the fields', async () => {
    const result = await lint(['-'], { readStdin: async () => Buffer.from(MALFORMED) });
    expect(result.findings.filter((f) => f.ruleId === 'rule-error')).toEqual([]);
    expect(result.findings.some((f) => f.phase === 'schema')).toBe(true);
  });
});
