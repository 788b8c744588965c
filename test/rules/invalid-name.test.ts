import { testRule } from './rule-tester.js';

testRule('invalid-name', {
  invalid: {
    'bad-names.yaml': [
      '4:9 Service name "2fa-api" is not a DNS-1035 label: a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character',
      "15:9 ConfigMap name \"Web_Config\" is not a DNS-1123 subdomain: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
      '23:9 Namespace name "team.shop" is not a DNS-1123 label: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character',
      '39:21 container name "Reconcile" is not a DNS-1123 label: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character',
      '42:25 container "Reconcile": port name "metrics-endpoint-http" is not an IANA service name: must be no more than 15 characters',
    ],
  },
});
