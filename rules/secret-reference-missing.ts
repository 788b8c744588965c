import { missingObjectRule } from '../src/lint/config-reference-rules.js';
import { apiPod, API_POD, API_SECRETS } from '../src/lint/example-manifests.js';
import { yaml } from '../src/lint/yaml-example.js';

export default missingObjectRule('Secret', {
  id: 'secret-reference-missing',
  severity: 'warning',
  profile: 'default',
  description: 'A pod references a Secret (env, envFrom, volume, imagePullSecrets) that the input does not define.',
  rationale:
    'A container whose environment comes from a missing Secret does not start (CreateContainerConfigError), a pod with a missing Secret volume stays in ContainerCreating, and a missing image pull secret makes pulls from a private registry fail.',
  remediation:
    'Create the Secret (in the same namespace) or fix the name; secrets managed outside the repository are not reported unless the option `assumeComplete` is set.',
  example: {
    invalid: [
      API_SECRETS,
      apiPod(yaml`
        env:
          - name: DATABASE_PASSWORD
            valueFrom:
              secretKeyRef:
                name: api-secret
                key: database-password
      `),
    ].join('---\n'),
    valid: [API_SECRETS, API_POD].join('---\n'),
  },
});
