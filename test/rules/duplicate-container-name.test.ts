import { testRule } from './rule-tester.js';

testRule('duplicate-container-name', {
  invalid: {
    'duplicates.yaml': [
      '20:17 container name "web" is already used by initContainers[0]: the API server rejects duplicate container names',
      '24:17 container name "sidecar" is already used by containers[1]: the API server rejects duplicate container names',
    ],
  },
});
