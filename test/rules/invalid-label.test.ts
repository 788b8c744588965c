import { testRule } from './rule-tester.js';

testRule('invalid-label', {
  invalid: {
    'bad-labels.yaml': [
      "8:32 label value \"2.4.0 (beta)\" of app.kubernetes.io/version is invalid: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
      "9:5 label key \"-team\" is invalid: name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
      "11:5 annotation key \"example.com/owner/team\" is invalid: a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      '21:17 label value "4c1e997385b8fb4ad4d1d3c7e5af7ff3f882e94d07cf5b78de9e889bc60830e6ab" of commit is invalid: must be no more than 63 characters',
    ],
  },
});
