import { testRule } from './rule-tester.js';

testRule('single-replica-without-pdb', {
  invalid: {
    'single.yaml': [
      '7:13 this Deployment runs a single replica and no PodDisruptionBudget covers it: a node drain takes the application down',
      '26:3 this Deployment runs a single replica and no PodDisruptionBudget covers it: a node drain takes the application down',
      '44:3 HorizontalPodAutoscaler shop/api may scale this Deployment down to 1 replica and no PodDisruptionBudget covers it: a node drain takes the application down',
    ],
  },
});
