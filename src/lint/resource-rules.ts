import { hasRequest } from './resource-fields.js';
import { defineRule, type Rule, type RuleMeta } from './rule.js';
import { containersOf, describeContainer } from '../model/containers.js';

type Docs = Pick<RuleMeta, 'id' | 'severity' | 'description' | 'rationale' | 'remediation' | 'example'>;

/** The rule that reports containers without a request (written, or copied from a limit) for `resource`. */
export function missingRequestRule(resource: 'cpu' | 'memory', docs: Docs): Rule {
  const name = resource === 'cpu' ? 'CPU' : 'memory';
  return defineRule({
    meta: { ...docs, category: 'resources', target: 'pod-templates' },
    check(ctx) {
      if (!ctx.podTemplate) return;
      for (const c of containersOf(ctx.podTemplate)) {
        if (!hasRequest(c, resource))
          ctx.report(
            `${c.pointer}/resources/requests/${resource}`,
            `${describeContainer(c)} has no ${name} request: the scheduler counts it as needing no ${name}`,
          );
      }
    },
  });
}
