import { missingObjectRule } from '../src/lint/config-reference-rules.js';
import { apiPod, API_CONFIG_MAP } from '../src/lint/example-manifests.js';
import { yaml } from '../src/lint/yaml-example.js';

export default missingObjectRule('ConfigMap', {
  id: 'configmap-reference-missing',
  severity: 'warning',
  profile: 'default',
  description: 'A pod references a ConfigMap (env, envFrom, volume) that the input does not define.',
  rationale:
    'A container whose environment comes from a missing ConfigMap does not start (CreateContainerConfigError), and a pod with a missing ConfigMap volume stays in ContainerCreating. Nothing fails at apply time: the problem shows only when pods are created.',
  remediation:
    'Create the ConfigMap (in the same namespace), fix the name, or mark the reference `optional: true` if the pod works without it.',
  example: {
    invalid: [
      API_CONFIG_MAP,
      apiPod(yaml`
        envFrom:
          - configMapRef:
              name: api-confg
      `),
    ].join('---\n'),
    valid: [
      API_CONFIG_MAP,
      apiPod(yaml`
        envFrom:
          - configMapRef:
              name: api-config
      `),
    ].join('---\n'),
  },
});
