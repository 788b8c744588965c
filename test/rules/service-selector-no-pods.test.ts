import { testRule } from './rule-tester.js';

testRule('service-selector-no-pods', {
  invalid: {
    'renamed-label.yaml': [
      '30:5 selector app=web-frontend matches no pod template in namespace shop: the Service has no endpoints',
    ],
  },
});
