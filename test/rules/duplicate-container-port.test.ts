import { testRule } from './rule-tester.js';

testRule('duplicate-container-port', {
  invalid: {
    'clashing.yaml': [
      '22:21 container "web" declares the port name "http" twice',
      '28:30 port 8080/TCP is already declared by container "web": containers of a pod share one network namespace',
    ],
  },
});
