import { fieldOf, isString, WRONG_TYPE } from '../src/lint/field-of.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';

export default defineRule({
  meta: {
    id: 'job-restart-policy',
    category: 'workloads',
    severity: 'error',
    profile: 'default',
    description: "A Job's (or CronJob's) pod template does not set `restartPolicy` to `OnFailure` or `Never`.",
    rationale:
      'A pod template defaults to `restartPolicy: Always`, which a Job cannot use (its pods must be able to finish); the API server rejects the Job or CronJob. The choice also matters: `OnFailure` retries in the same pod, `Never` starts a new pod for each retry and keeps the failed ones for inspection.',
    remediation: 'Set `restartPolicy: OnFailure` or `restartPolicy: Never` in the pod template.',
    target: ['Job.batch', 'CronJob.batch'],
    example: {
      invalid: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: migrate
        spec:
          template:
            spec:
              containers:
                - name: migrate
                  image: registry.example.com/shop/migrate:1.0.0
      `,
      valid: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: migrate
        spec:
          template:
            spec:
              restartPolicy: OnFailure
              containers:
                - name: migrate
                  image: registry.example.com/shop/migrate:1.0.0
      `,
    },
    messages: {
      notSet:
        'restartPolicy is not set (it defaults to Always): a {{kind}} needs OnFailure or Never, and the API server rejects anything else',
      notAllowed:
        'restartPolicy is {{policy}}: a {{kind}} needs OnFailure or Never, and the API server rejects anything else',
    },
  },
  check(ctx) {
    const t = ctx.podTemplate;
    if (!t) return;
    const policy = fieldOf(t.spec, ['restartPolicy'], isString);
    if (policy === 'OnFailure' || policy === 'Never' || policy === WRONG_TYPE) return;
    const pointer = `${t.specPointer}/restartPolicy`;
    const kind = ctx.manifest.ref.kind;
    if (policy === undefined) ctx.report({ pointer, messageId: 'notSet', data: { kind } });
    else ctx.report({ pointer, messageId: 'notAllowed', data: { kind, policy } });
  },
});
