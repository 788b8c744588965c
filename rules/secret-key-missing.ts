import { missingKeyRule } from '../src/lint/config-reference-rules.js';

export default missingKeyRule('Secret', {
  id: 'secret-key-missing',
  severity: 'error',
  description: 'A pod references a key that its Secret (in the input) does not have.',
  rationale:
    'A `secretKeyRef` to a missing key keeps the container from starting (CreateContainerConfigError); a volume `items` entry with a missing key keeps the pod in ContainerCreating.',
  remediation:
    'Add the key to the Secret (`data` or `stringData`), fix the key name, or mark the reference `optional: true`.',
  example: {
    invalid: 'valueFrom:\n  secretKeyRef:\n    name: api-secrets\n    key: db-password',
    valid: 'valueFrom:\n  secretKeyRef:\n    name: api-secrets\n    key: database-password',
  },
});
