import { reportsMissing, REFERENCE_NOTES, REFERENCE_OPTIONS, type ReferenceOptions } from '../src/lint/references.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { fieldOf, isString, WRONG_TYPE } from '../src/lint/field-of.js';
import { asString, dig } from '../src/model/json.js';

export default defineRule<ReferenceOptions, 'noService' | 'notHeadless'>({
  meta: {
    id: 'statefulset-service-missing',
    category: 'workloads',
    severity: 'warning',
    profile: 'default',
    description: "A StatefulSet's `serviceName` names no headless Service of its namespace.",
    rationale:
      'A StatefulSet gives each pod a stable DNS name (`redis-0.redis.shop.svc`) through its governing Service, which must be headless (`clusterIP: None`). Without it, or with an ordinary Service, those names do not resolve, and peers that find each other by them fail.',
    remediation: 'Create a Service named like `serviceName`, with `clusterIP: None` and a selector matching the pods.',
    target: ['StatefulSet.apps'],
    notes: REFERENCE_NOTES,
    options: REFERENCE_OPTIONS,
    example: {
      invalid: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: redis
        spec:
          serviceName: redis
          selector:
            matchLabels:
              app: redis
          template:
            metadata:
              labels:
                app: redis
            spec:
              containers:
                - name: redis
                  image: redis:7.4.1
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: redis
        spec:
          selector:
            app: redis
          ports:
            - port: 6379
      `,
      valid: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: redis
        spec:
          serviceName: redis
          selector:
            matchLabels:
              app: redis
          template:
            metadata:
              labels:
                app: redis
            spec:
              containers:
                - name: redis
                  image: redis:7.4.1
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: redis
        spec:
          clusterIP: None
          selector:
            app: redis
          ports:
            - port: 6379
      `,
    },
    messages: {
      noService: 'serviceName "{{name}}" names no Service in the input: the pods get no stable DNS names',
      notHeadless:
        'Service "{{name}}" is not headless (it lacks clusterIP: None): the StatefulSet\'s pods get no stable DNS names',
    },
  },
  check(ctx) {
    const name = asString(dig(ctx.object, 'spec', 'serviceName'));
    if (!name) return;
    const service = ctx.index.find('Service', ctx.namespace, name);
    if (!service) {
      if (reportsMissing(ctx, 'Service', ctx.namespace))
        ctx.report({ pointer: '/spec/serviceName', messageId: 'noService', data: { name } });
    } else {
      // A clusterIP of the wrong type says nothing about headlessness (the schema reports it).
      const clusterIP = fieldOf(service.object, ['spec', 'clusterIP'], isString);
      if (clusterIP === 'None' || clusterIP === WRONG_TYPE) return;
      ctx.report({ pointer: '/spec/serviceName', messageId: 'notHeadless', data: { name } });
    }
  },
});
