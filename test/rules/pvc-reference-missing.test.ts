import { testRule } from './rule-tester.js';

testRule('pvc-reference-missing', {
  invalid: {
    'missing-claim.yaml': [
      '19:24 volume "uploads" uses PersistentVolumeClaim "web-upload", which is not in the input: the pod stays Pending',
    ],
  },
});
