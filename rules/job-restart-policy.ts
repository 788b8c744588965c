import { defineRule } from '../src/lint/rule.js';

export default defineRule({
  meta: {
    id: 'job-restart-policy',
    category: 'workloads',
    severity: 'error',
    description: "A Job's (or CronJob's) pod template does not set `restartPolicy` to `OnFailure` or `Never`.",
    rationale:
      'A pod template defaults to `restartPolicy: Always`, which a Job cannot use (its pods must be able to finish); the API server rejects the Job or CronJob. The choice also matters: `OnFailure` retries in the same pod, `Never` starts a new pod for each retry and keeps the failed ones for inspection.',
    remediation: 'Set `restartPolicy: OnFailure` or `restartPolicy: Never` in the pod template.',
    target: ['Job.batch', 'CronJob.batch'],
    example: {
      invalid: 'template:\n  spec:\n    containers: [...]',
      valid: 'template:\n  spec:\n    restartPolicy: OnFailure\n    containers: [...]',
    },
  },
  check(ctx) {
    const t = ctx.podTemplate;
    if (!t) return;
    const policy = t.spec.restartPolicy;
    if (policy === 'OnFailure' || policy === 'Never') return;
    const what =
      policy === undefined ? 'restartPolicy is not set (it defaults to Always)' : `restartPolicy is ${String(policy)}`;
    ctx.report(
      `${t.specPointer}/restartPolicy`,
      `${what}: a ${ctx.manifest.ref.kind} needs OnFailure or Never, and the API server rejects anything else`,
    );
  },
});
