import { testRule } from './rule-tester.js';

testRule('probe-port-not-exposed', {
  invalid: {
    'unknown-ports.yaml': [
      '25:21 container "web": readinessProbe uses port "web", which the container does not declare: the probe always fails',
      '28:21 container "web": livenessProbe uses port 8008, which no container of the pod declares',
      '37:21 container "metrics": startupProbe uses port "http", which the container does not declare: the probe always fails',
    ],
  },
});
