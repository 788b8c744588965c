/**
 * Manifests that several rules' examples (`meta.example`) share, each written once. The examples
 * are complete, applicable manifests because docs/rules.md renders them and the rule tests run
 * them; a rule's example joins these with its own documents: `[WEB_DEPLOYMENT, yaml`...`].join('---\n')`.
 * A constant is never interpolated inside yaml`...`: the tag dedents after interpolating, so the
 * constant's lines would keep their own indentation.
 */
import { yaml } from './yaml-example.js';

/** Two replicas of `web` in namespace shop, serving http on 8080, ready at /ready. */
export const WEB_DEPLOYMENT = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    namespace: shop
  spec:
    replicas: 2
    selector:
      matchLabels:
        app: web
    template:
      metadata:
        labels:
          app: web
      spec:
        containers:
          - name: web
            image: registry.example.com/shop/web:2.0.1
            ports:
              - name: http
                containerPort: 8080
            readinessProbe:
              httpGet:
                path: /ready
                port: http
`;

/** The Service in front of WEB_DEPLOYMENT: port 80 to the named port http. */
export const WEB_SERVICE = yaml`
  apiVersion: v1
  kind: Service
  metadata:
    name: web
    namespace: shop
  spec:
    selector:
      app: web
    ports:
      - name: http
        port: 80
        targetPort: http
`;

/** A budget for WEB_DEPLOYMENT's pods that lets one of them go at a time. */
export const WEB_PDB = yaml`
  apiVersion: policy/v1
  kind: PodDisruptionBudget
  metadata:
    name: web
    namespace: shop
  spec:
    maxUnavailable: 1
    selector:
      matchLabels:
        app: web
`;

/** `api` in namespace shop, without replicas: API_HPA scales it. */
export const API_DEPLOYMENT = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: api
    namespace: shop
  spec:
    selector:
      matchLabels:
        app: api
    template:
      metadata:
        labels:
          app: api
      spec:
        containers:
          - name: api
            image: registry.example.com/shop/api:1.8.2
`;

/** Scales API_DEPLOYMENT between 3 and 10 replicas. */
export const API_HPA = yaml`
  apiVersion: autoscaling/v2
  kind: HorizontalPodAutoscaler
  metadata:
    name: api
    namespace: shop
  spec:
    scaleTargetRef:
      apiVersion: apps/v1
      kind: Deployment
      name: api
    minReplicas: 3
    maxReplicas: 10
`;

/** A ConfigMap in namespace shop holding the key LOG_LEVEL. */
export const API_CONFIG_MAP = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: api-config
    namespace: shop
  data:
    LOG_LEVEL: info
`;

/** A Secret in namespace shop holding the key database-password. */
export const API_SECRETS = yaml`
  apiVersion: v1
  kind: Secret
  metadata:
    name: api-secrets
    namespace: shop
  stringData:
    database-password: change-me
`;

const API_POD_BASE = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: api
    namespace: shop
  spec:
    containers:
      - name: api
        image: registry.example.com/shop/api:1.8.2
`;

/**
 * The Pod api of namespace shop, whose one container has `containerFields` (YAML of container
 * keys, as yaml`...` gives it) besides its name and image.
 */
export function apiPod(containerFields: string): string {
  const fields = containerFields
    .trimEnd()
    .split('\n')
    .map((line) => `      ${line}\n`)
    .join('');
  return API_POD_BASE + fields;
}

/** The api Pod reading API_SECRETS' key database-password into its environment. */
export const API_POD = apiPod(yaml`
  env:
    - name: DATABASE_PASSWORD
      valueFrom:
        secretKeyRef:
          name: api-secrets
          key: database-password
`);
