import { missingKeyRule } from '../src/lint/config-reference-rules.js';

export default missingKeyRule('ConfigMap', {
  id: 'configmap-key-missing',
  severity: 'error',
  description: 'A pod references a key that its ConfigMap (in the input) does not have.',
  rationale:
    'A `configMapKeyRef` to a missing key keeps the container from starting (CreateContainerConfigError); a volume `items` entry with a missing key keeps the pod in ContainerCreating.',
  remediation: 'Add the key to the ConfigMap, fix the key name, or mark the reference `optional: true`.',
  example: {
    invalid: 'valueFrom:\n  configMapKeyRef:\n    name: api-config\n    key: LOG_LEVL',
    valid: 'valueFrom:\n  configMapKeyRef:\n    name: api-config\n    key: LOG_LEVEL',
  },
});
