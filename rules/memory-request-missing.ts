import { missingRequestRule } from '../src/lint/resource-rules.js';
import { yaml } from '../src/lint/yaml-example.js';

export default missingRequestRule('memory', {
  id: 'memory-request-missing',
  severity: 'warning',
  profile: 'default',
  description: 'A container has no memory request (and no memory limit it would be copied from).',
  rationale:
    'Without a memory request the scheduler counts the container as needing no memory, packs it onto full nodes, and the kubelet evicts its pod first when the node runs short.',
  remediation: 'Set `resources.requests.memory` to the working set the container needs (e.g. `256Mi`).',
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
                cpu: 250m
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
