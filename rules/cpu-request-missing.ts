import { missingRequestRule } from '../src/lint/resource-rules.js';

export default missingRequestRule('cpu', {
  id: 'cpu-request-missing',
  severity: 'warning',
  description: 'A container has no CPU request (and no CPU limit it would be copied from).',
  rationale:
    'The scheduler places pods by their requests. A container without a CPU request counts as needing nothing, so nodes get overcommitted, the pod gets the lowest share under contention, and an autoscaler that targets CPU utilization cannot compute one.',
  remediation: 'Set `resources.requests.cpu` to what the container uses under normal load (e.g. `250m`).',
  example: {
    invalid:
      'containers:\n  - name: api\n    image: shop/api:1.8.2\n    resources:\n      requests:\n        memory: 256Mi',
    valid:
      'containers:\n  - name: api\n    image: shop/api:1.8.2\n    resources:\n      requests:\n        cpu: 250m\n        memory: 256Mi',
  },
});
