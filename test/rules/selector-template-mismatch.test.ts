import { testRule } from './rule-tester.js';

testRule('selector-template-mismatch', {
  invalid: {
    'mismatch.yaml': [
      "9:5 spec.selector (app=web) does not match the pod template's labels (app=frontend): the API server rejects the Deployment",
      "27:5 spec.selector (tier in (node)) does not match the pod template's labels (app=agent): the API server rejects the DaemonSet",
      "48:5 spec.selector (app=legacy,tier=old) does not match the pod template's labels (app=legacy): the API server rejects the ReplicationController",
    ],
  },
});
