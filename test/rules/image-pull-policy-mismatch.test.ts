import { testRule } from './rule-tester.js';

testRule('image-pull-policy-mismatch', {
  invalid: {
    'latest-if-not-present.yaml': [
      '19:28 container "web": imagePullPolicy IfNotPresent with the moving image "registry.example.com/web:latest": nodes keep whichever build they pulled first',
      '22:28 container "sidecar": imagePullPolicy Never with the moving image "registry.example.com/sidecar": nodes keep whichever build they pulled first',
    ],
  },
});
