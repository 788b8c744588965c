import { testRule } from './rule-tester.js';

testRule('pdb-blocks-eviction', {
  invalid: {
    'blocking.yaml': [
      '26:17 minAvailable 2 with 2 selected replicas allows no eviction: node drains hang on these pods',
      '56:19 maxUnavailable 0 allows no eviction: node drains hang on these pods',
      '86:17 minAvailable 100% allows no eviction: node drains hang on these pods',
    ],
  },
});
