import { testRule } from './rule-tester.js';

testRule('host-namespace', {
  invalid: {
    'host-namespaces.yaml': [
      "7:16 the pod shares the node's network namespace (hostNetwork: true), forbidden by the baseline Pod Security Standard",
      "8:12 the pod shares the node's process namespace (hostPID: true), forbidden by the baseline Pod Security Standard",
    ],
  },
});
