import { missingKeyRule } from '../src/lint/config-reference-rules.js';
import { apiPod, API_POD, API_SECRETS } from '../src/lint/example-manifests.js';
import { yaml } from '../src/lint/yaml-example.js';

export default missingKeyRule('Secret', {
  id: 'secret-key-missing',
  severity: 'error',
  profile: 'default',
  description: 'A pod references a key that its Secret (in the input) does not have.',
  rationale:
    'A `secretKeyRef` to a missing key keeps the container from starting (CreateContainerConfigError); a volume `items` entry with a missing key keeps the pod in ContainerCreating.',
  remediation:
    'Add the key to the Secret (`data` or `stringData`), fix the key name, or mark the reference `optional: true`.',
  example: {
    invalid: [
      API_SECRETS,
      apiPod(yaml`
        env:
          - name: DATABASE_PASSWORD
            valueFrom:
              secretKeyRef:
                name: api-secrets
                key: db-password
      `),
    ].join('---\n'),
    valid: [API_SECRETS, API_POD].join('---\n'),
  },
});
