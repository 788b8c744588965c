import { describe, expect, it } from '@jest/globals';
import rule from '../../rules/invalid-name.js';
import { ruleFindingsIn, runRuleTests, testRule } from './rule-tester.js';

testRule('invalid-name', {
  invalid: {
    'bad-names.yaml': [
      '4:9 Service name "2fa_api" is not a DNS-1123 label: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character',
      "15:9 ConfigMap name \"Web_Config\" is not a DNS-1123 subdomain: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
      '23:9 Namespace name "team.shop" is not a DNS-1123 label: must not contain dots',
      '39:21 container name "Reconcile" is not a DNS-1123 label: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character',
      '42:25 container "Reconcile": port name "metrics-endpoint-http" is not an IANA service name: must be no more than 15 characters',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'valid names for each rule: subdomain, DNS-1035 Service, path segment Role, long Job below 63',
      yaml: `
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: web.config-1}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web-api}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: "system:web_reader"}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: ${'j'.repeat(63)}}
        spec: {template: {spec: {restartPolicy: Never, containers: [{name: m, image: "m:1.0"}]}}}
      `,
    },
    {
      // Found by the differential test: the API server checks only a PodDisruptionBudget's spec.
      name: 'a PodDisruptionBudget name is a path segment: capitals, underscores and 254 characters are accepted',
      yaml: `
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: Web_PDB}
        spec: {minAvailable: 1, selector: {matchLabels: {app: web}}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: ${'p'.repeat(254)}}
        spec: {minAvailable: 1, selector: {matchLabels: {app: web}}}
      `,
    },
    {
      name: 'generateName only; container and port names that are valid',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {generateName: web-}
        spec:
          containers:
            - {name: web-1, image: "web:1.0", ports: [{name: http-alt, containerPort: 8080}, {containerPort: 9090}]}
      `,
    },
    {
      name: 'a CronJob name of exactly 52 characters, the most its Jobs allow',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: ${'c'.repeat(52)}}
        spec:
          schedule: "@daily"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
      `,
    },
    {
      name: 'an empty object name and an unnamed container: the schema reports them, this rule does not',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: ""}
        spec:
          containers:
            - {image: "web:1.0"}
      `,
    },
  ],
  invalid: [
    {
      name: 'a port number in quotes is a port name, and the API server refuses it (Service targetPort, probe port)',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: api}
        spec:
          ports:
            - port: 80
              name: a
              targetPort: "8080"
            - port: 81
              name: b
              targetPort: http
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: api:1.0
              ports: [{containerPort: 8080, name: http}]
              readinessProbe:
                httpGet: {path: /ready, port: "8080"}
              lifecycle:
                preStop:
                  tcpSocket: {port: Web_Port}
      `,
      errors: [
        {
          messageId: 'portReference',
          data: {
            field: 'spec.ports[0].targetPort',
            name: '8080',
            errors: 'must contain at least one letter (a-z)',
            hint: ' (a port number is written without quotes)',
          },
          line: 8,
          column: 19,
          endLine: 8,
          endColumn: 25,
        },
        {
          messageId: 'portReference',
          data: {
            field: 'spec.containers[0].readinessProbe.httpGet.port',
            name: '8080',
            errors: 'must contain at least one letter (a-z)',
            hint: ' (a port number is written without quotes)',
          },
          line: 22,
          column: 39,
          endLine: 22,
          endColumn: 45,
        },
        {
          messageId: 'portReference',
          data: {
            field: 'spec.containers[0].lifecycle.preStop.tcpSocket.port',
            name: 'Web_Port',
            errors: 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
            hint: '',
          },
          line: 25,
          column: 29,
          endLine: 25,
          endColumn: 37,
        },
      ],
    },
    {
      name: 'a Service name with upper case and an underscore',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata:
          name: Web_API
        spec: {ports: [{port: 80}]}
      `,
      errors: [
        {
          messageId: 'objectName',
          data: {
            kind: 'Service',
            name: 'Web_API',
            expected: 'a DNS-1123 label',
            errors:
              "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
          },
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 16,
        },
      ],
    },
    {
      name: 'a Service name ending with a hyphen; a Namespace with a dot; a CronJob over 52 characters',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: web-}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop.prod}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: ${'c'.repeat(53)}}
        spec:
          schedule: "@daily"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
      `,
      errors: [
        {
          messageId: 'objectName',
          data: {
            kind: 'Service',
            name: 'web-',
            expected: 'a DNS-1123 label',
            errors:
              "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
          },
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 22,
        },
        {
          messageId: 'objectName',
          data: {
            kind: 'Namespace',
            name: 'shop.prod',
            expected: 'a DNS-1123 label',
            errors: 'must not contain dots',
          },
          line: 8,
          column: 18,
          endLine: 8,
          endColumn: 27,
        },
        {
          messageId: 'objectName',
          data: {
            kind: 'CronJob',
            name: 'ccccccccccccccccccccccccccccccccccccccccccccccccccccc',
            expected: 'a DNS-1123 subdomain',
            errors: 'must be no more than 52 characters (its Jobs are named after it with an 11-character suffix)',
          },
          line: 12,
          column: 18,
          endLine: 12,
          endColumn: 71,
        },
      ],
    },
    {
      name: 'container names and port names, every container type',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - {name: Setup, image: "setup:1.0"}
          containers:
            - {name: web, image: "web:1.0", ports: [{name: http_alt, containerPort: 8080}, {name: this-name-is-too-long, containerPort: 9090}]}
          ephemeralContainers:
            - {name: debug.1, image: "busybox:1.36"}
      `,
      errors: [
        {
          messageId: 'containerName',
          data: {
            name: 'Setup',
            errors:
              "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
          },
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 19,
        },
        {
          messageId: 'portName',
          data: {
            container: 'container "web"',
            name: 'http_alt',
            errors: 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
          },
          line: 8,
          column: 52,
          endLine: 8,
          endColumn: 60,
        },
        {
          messageId: 'portName',
          data: {
            container: 'container "web"',
            name: 'this-name-is-too-long',
            errors: 'must be no more than 15 characters',
          },
          line: 8,
          column: 91,
          endLine: 8,
          endColumn: 112,
        },
        {
          messageId: 'containerName',
          data: {
            name: 'debug.1',
            errors: 'must not contain dots',
          },
          line: 10,
          column: 14,
          endLine: 10,
          endColumn: 21,
        },
      ],
    },
    {
      name: 'a Job name over 63 characters with upper case: both problems, joined by "; "',
      yaml: `
        apiVersion: batch/v1
        kind: Job
        metadata: {name: J${'j'.repeat(63)}}
        spec: {template: {spec: {restartPolicy: Never, containers: [{name: m, image: "m:1.0"}]}}}
      `,
      errors: [
        {
          messageId: 'objectName',
          data: {
            kind: 'Job',
            name: `J${'j'.repeat(63)}`,
            expected: 'a DNS-1123 subdomain',
            errors:
              "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character; must be no more than 63 characters (it becomes a label value on the Job's pods)",
          },
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 82,
        },
      ],
    },
    {
      name: 'a container name and a port name with two problems each, joined by "; "',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: W${'w'.repeat(63)}
              image: "web:1.0"
              ports: [{name: http_metrics_port, containerPort: 8080}]
      `,
      errors: [
        {
          messageId: 'containerName',
          data: {
            name: `W${'w'.repeat(63)}`,
            errors:
              "must be no more than 63 characters; a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
          },
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 77,
        },
        {
          messageId: 'portName',
          data: {
            container: `container "W${'w'.repeat(63)}"`,
            name: 'http_metrics_port',
            errors:
              'must be no more than 15 characters; must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
          },
          line: 8,
          column: 22,
          endLine: 8,
          endColumn: 39,
        },
      ],
    },
  ],
});

describe('Service names by target release', () => {
  // Found by the differential test: from 1.36 the API server takes a Service name that starts with a digit.
  const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata: {name: 2fa-api}\nspec: {ports: [{port: 80}]}\n';

  it('a leading digit is refused up to 1.35 (DNS-1035 label) and accepted from 1.36 (DNS-1123 label)', async () => {
    expect(await ruleFindingsIn('invalid-name', SERVICE, { kubernetesVersion: '1.35' })).toEqual([
      '3:18 Service name "2fa-api" is not a DNS-1035 label: a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character',
    ]);
    expect(await ruleFindingsIn('invalid-name', SERVICE, { kubernetesVersion: '1.36' })).toEqual([]);
  });
});

describe('StatefulSet names', () => {
  // Found by the differential test: the API server checks a StatefulSet's name as a DNS-1123 label.
  const STATEFULSET = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web.v2}
spec:
  serviceName: web
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: "web:1.0"}]}
`;

  it('a dot is refused from 1.34, as in a DNS-1123 label', async () => {
    expect(await ruleFindingsIn('invalid-name', STATEFULSET, { kubernetesVersion: '1.34' })).toEqual([
      '3:18 StatefulSet name "web.v2" is not a DNS-1123 label: must not contain dots',
    ]);
    expect(await ruleFindingsIn('invalid-name', STATEFULSET, { kubernetesVersion: '1.33' })).toEqual([]);
  });
});
