import { testRule } from './rule-tester.js';

testRule('job-restart-policy', {
  invalid: {
    'always.yaml': [
      '9:22 restartPolicy is Always: a Job needs OnFailure or Never, and the API server rejects anything else',
      '26:11 restartPolicy is not set (it defaults to Always): a CronJob needs OnFailure or Never, and the API server rejects anything else',
    ],
  },
});
