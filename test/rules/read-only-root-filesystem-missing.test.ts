import { testRule } from './rule-tester.js';

testRule('read-only-root-filesystem-missing', {
  invalid: {
    'writable.yaml': [
      '20:37 container "web" has a writable root filesystem (readOnlyRootFilesystem is not true)',
      '21:11 container "sidecar" has a writable root filesystem (readOnlyRootFilesystem is not true)',
    ],
  },
});
