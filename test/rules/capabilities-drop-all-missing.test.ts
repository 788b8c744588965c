import { testRule } from './rule-tester.js';

testRule('capabilities-drop-all-missing', {
  invalid: {
    'not-dropped.yaml': [
      '21:21 container "web" keeps the runtime\'s default capabilities: capabilities.drop does not include ALL',
      '22:11 container "sidecar" keeps the runtime\'s default capabilities: capabilities.drop does not include ALL',
    ],
  },
});
