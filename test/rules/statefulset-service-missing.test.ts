import { testRule } from './rule-tester.js';

testRule('statefulset-service-missing', {
  invalid: {
    'missing-or-not-headless.yaml': [
      '8:16 serviceName "redis-headless" names no Service in the input: the pods get no stable DNS names',
      '40:16 Service "kafka" is not headless (it lacks clusterIP: None): the StatefulSet\'s pods get no stable DNS names',
    ],
  },
});
