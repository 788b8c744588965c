import { missingRequestRule } from '../src/lint/resource-rules.js';
import { yaml } from '../src/lint/yaml-example.js';

export default missingRequestRule('cpu', {
  id: 'cpu-request-missing',
  severity: 'warning',
  profile: 'default',
  description: 'A container has no CPU request (and no CPU limit it would be copied from).',
  rationale:
    'The scheduler places pods by their requests. A container without a CPU request counts as needing nothing, so nodes get overcommitted, the pod gets the lowest share under contention, and an autoscaler that targets CPU utilization cannot compute one.',
  remediation: 'Set `resources.requests.cpu` to what the container uses under normal load (e.g. `250m`).',
  example: {
    invalid: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: api
      spec:
        containers:
          - name: api
            image: registry.example.com/shop/api:1.8.2
            resources:
              requests:
                memory: 256Mi
    `,
    valid: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: api
      spec:
        containers:
          - name: api
            image: registry.example.com/shop/api:1.8.2
            resources:
              requests:
                cpu: 250m
                memory: 256Mi
    `,
  },
});
