import { missingKeyRule } from '../src/lint/config-reference-rules.js';
import { apiPod, API_CONFIG_MAP } from '../src/lint/example-manifests.js';
import { yaml } from '../src/lint/yaml-example.js';

export default missingKeyRule('ConfigMap', {
  id: 'configmap-key-missing',
  severity: 'error',
  profile: 'default',
  description: 'A pod references a key that its ConfigMap (in the input) does not have.',
  rationale:
    'A `configMapKeyRef` to a missing key keeps the container from starting (CreateContainerConfigError); a volume `items` entry with a missing key keeps the pod in ContainerCreating.',
  remediation: 'Add the key to the ConfigMap, fix the key name, or mark the reference `optional: true`.',
  example: {
    invalid: [
      API_CONFIG_MAP,
      apiPod(yaml`
        env:
          - name: LOG_LEVEL
            valueFrom:
              configMapKeyRef:
                name: api-config
                key: LOG_LEVL
      `),
    ].join('---\n'),
    valid: [
      API_CONFIG_MAP,
      apiPod(yaml`
        env:
          - name: LOG_LEVEL
            valueFrom:
              configMapKeyRef:
                name: api-config
                key: LOG_LEVEL
      `),
    ].join('---\n'),
  },
});
