import { testRule } from './rule-tester.js';

testRule('host-path-volume', {
  invalid: {
    'host-path.yaml': [
      '25:13 volume "varlog" mounts the node\'s /var/log (hostPath), forbidden by the baseline Pod Security Standard',
    ],
  },
});
