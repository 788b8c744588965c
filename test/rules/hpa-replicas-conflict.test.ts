import { testRule } from './rule-tester.js';

testRule('hpa-replicas-conflict', {
  invalid: {
    'pinned.yaml': [
      '7:13 HorizontalPodAutoscaler shop/api scales this Deployment, but spec.replicas resets the count on every apply; remove it',
    ],
  },
});
