import { missingObjectRule } from '../src/lint/config-reference-rules.js';

export default missingObjectRule('Secret', {
  id: 'secret-reference-missing',
  severity: 'warning',
  description: 'A pod references a Secret (env, envFrom, volume, imagePullSecrets) that the input does not define.',
  rationale:
    'A container whose environment comes from a missing Secret does not start (CreateContainerConfigError), a pod with a missing Secret volume stays in ContainerCreating, and a missing image pull secret makes pulls from a private registry fail.',
  remediation:
    'Create the Secret (in the same namespace) or fix the name; secrets managed outside the repository are not reported unless the option `assumeComplete` is set.',
  example: {
    invalid:
      'env:\n  - name: DATABASE_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: api-secret\n        key: database-password',
    valid:
      'env:\n  - name: DATABASE_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: api-secrets\n        key: database-password',
  },
});
