import { judgedContainers } from './judged-containers.js';
import { requestState } from './resource-fields.js';
import { defineRule, type Rule, type RuleMeta } from './rule.js';
import { describeContainer } from '../model/containers.js';

type Docs = Pick<RuleMeta, 'id' | 'severity' | 'profile' | 'description' | 'rationale' | 'remediation' | 'example'>;

/** The rule that reports containers without a request (written, copied from a limit, or set for the pod) for `resource`. */
export function missingRequestRule(resource: 'cpu' | 'memory', docs: Docs): Rule {
  const name = resource === 'cpu' ? 'CPU' : 'memory';
  return defineRule({
    meta: {
      ...docs,
      category: 'resources',
      target: 'pod-templates',
      notes: `A ${name} limit counts as a request (the API server copies it), and so does a ${name} request or limit in the pod-level \`spec.resources\`. Init containers are checked, ephemeral containers are not (they take no resources).`,
      messages: { noRequest: `{{container}} has no ${name} request: the scheduler counts it as needing no ${name}` },
    },
    check(ctx) {
      if (!ctx.podTemplate) return;
      for (const c of judgedContainers(ctx.podTemplate)) {
        if (requestState(ctx.podTemplate, c, resource) !== 'missing') continue;
        ctx.report({
          pointer: `${c.pointer}/resources/requests/${resource}`,
          messageId: 'noRequest',
          data: { container: describeContainer(c) },
        });
      }
    },
  });
}
