import { reportsMissing, REFERENCE_NOTES, REFERENCE_OPTIONS, type ReferenceOptions } from '../src/lint/references.js';
import { defineRule } from '../src/lint/rule.js';
import { asString, dig } from '../src/model/json.js';

export default defineRule<ReferenceOptions>({
  meta: {
    id: 'statefulset-service-missing',
    category: 'workloads',
    severity: 'warning',
    description: "A StatefulSet's `serviceName` names no headless Service of its namespace.",
    rationale:
      'A StatefulSet gives each pod a stable DNS name (`redis-0.redis.shop.svc`) through its governing Service, which must be headless (`clusterIP: None`). Without it, or with an ordinary Service, those names do not resolve, and peers that find each other by them fail.',
    remediation: 'Create a Service named like `serviceName`, with `clusterIP: None` and a selector matching the pods.',
    target: ['StatefulSet.apps'],
    notes: REFERENCE_NOTES,
    options: REFERENCE_OPTIONS,
    example: {
      invalid:
        'kind: StatefulSet\nspec:\n  serviceName: redis\n---\nkind: Service\nmetadata:\n  name: redis\nspec:\n  ports: [{port: 6379}]',
      valid:
        'kind: StatefulSet\nspec:\n  serviceName: redis\n---\nkind: Service\nmetadata:\n  name: redis\nspec:\n  clusterIP: None\n  ports: [{port: 6379}]',
    },
  },
  check(ctx) {
    const name = asString(dig(ctx.object, 'spec', 'serviceName'));
    if (!name) return;
    const service = ctx.index.find('Service', ctx.namespace, name);
    if (!service) {
      if (reportsMissing(ctx, 'Service', ctx.namespace))
        ctx.report(
          '/spec/serviceName',
          `serviceName "${name}" names no Service in the input: the pods get no stable DNS names`,
        );
    } else if (dig(service.object, 'spec', 'clusterIP') !== 'None') {
      ctx.report(
        '/spec/serviceName',
        `Service "${name}" is not headless (it lacks clusterIP: None): the StatefulSet's pods get no stable DNS names`,
      );
    }
  },
});
