import { describe, expect, it } from '@jest/globals';
import { lint } from '../../src/commands/lint.js';
import { plan } from '../../src/commands/plan.js';
import { briefAt } from '../helpers/findings.js';
import { validateYaml } from '../helpers/validate.js';

function deployment(selector: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  selector:
${selector}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: web:1.0}]
`;
}

/** Validation findings on a Deployment's selector: the API server's field path and message, at the place. */
describe('selector validation (ValidateLabelSelector)', () => {
  const cases: Array<[string, string, string[]]> = [
    [
      'In without values',
      '    matchExpressions:\n    - {key: app, operator: In}',
      [
        "8:7 schema-invalid spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      ],
    ],
    [
      'NotIn with an empty list',
      '    matchExpressions:\n    - {key: app, operator: NotIn, values: []}',
      [
        "8:43 schema-invalid spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      ],
    ],
    [
      'Exists with values',
      '    matchExpressions:\n    - {key: app, operator: Exists, values: [web]}',
      [
        "8:44 schema-invalid spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      ],
    ],
    [
      'Gt in a LabelSelector',
      '    matchExpressions:\n    - {key: app, operator: Gt, values: ["1"]}',
      [
        '8:28 schema-invalid spec.selector.matchExpressions[0].operator: Invalid value: "Gt": not a valid selector operator',
      ],
    ],
    [
      'a key and a value of the wrong syntax',
      '    matchExpressions:\n    - {key: -app, operator: In, values: ["web!"]}',
      [
        "8:13 schema-invalid spec.selector.matchExpressions[0].key: Invalid value: \"-app\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        "8:42 schema-invalid spec.selector.matchExpressions[0].values[0]: Invalid value: \"web!\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
      ],
    ],
    [
      'a matchLabels key of the wrong syntax (the API server names the map, kubeplan points at the key)',
      '    matchLabels: {"app web": web}',
      [
        "7:19 schema-invalid spec.selector.matchLabels: Invalid value: \"app web\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
      ],
    ],
    [
      'a matchLabels value that is not a string is the schema finding alone',
      '    matchLabels: {app: 1}',
      ['7:24 schema-invalid spec.selector.matchLabels.app: expected string, got number 1'],
    ],
  ];

  it.each(cases)('%s', async (_name, selector, expected) => {
    expect(await validateYaml(deployment(selector))).toEqual(expected);
  });

  it('checks node affinity, pod affinity, spreading and tolerations of pod templates', async () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p, namespace: shop}
spec:
  nodeSelector: {"bad key": x}
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - {key: cores, operator: Gt, values: ["1", "2"]}
          matchFields:
          - {key: metadata.uid, operator: In, values: [a]}
      preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 0
        preference:
          matchExpressions: [{key: zone, operator: In}]
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - topologyKey: zone
        labelSelector:
          matchExpressions: [{key: app, operator: DoesNotExist, values: [x]}]
  topologySpreadConstraints:
  - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchExpressions: [{key: app, operator: Lt, values: ["3"]}]}}
  tolerations:
  - {operator: Equal, value: x}
  - {key: dedicated, operator: Exists, value: gpu}
  containers: [{name: c, image: c:1.0}]
`;
    expect(await validateYaml(yaml)).toEqual([
      "5:18 schema-invalid spec.nodeSelector: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
      "11:48 schema-invalid spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified single value when `operator` is 'Lt' or 'Gt'",
      '13:19 schema-invalid spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].key: Invalid value: "metadata.uid": not a valid field selector key',
      '15:17 schema-invalid spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
      "17:30 schema-invalid spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "22:73 schema-invalid spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      '24:127 schema-invalid spec.topologySpreadConstraints[0].labelSelector.matchExpressions[0].operator: Invalid value: "Lt": not a valid selector operator',
      '26:16 schema-invalid spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      '27:47 schema-invalid spec.tolerations[1].operator: Invalid value: "gpu": value must be empty when `operator` is \'Exists\'',
    ]);
  });

  it('checks Service, PodDisruptionBudget and NetworkPolicy selectors', async () => {
    const yaml = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: "web app"}
  ports: [{port: 80}]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web, namespace: shop}
spec:
  maxUnavailable: 1
  selector: {matchExpressions: [{key: app, operator: In, values: []}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {}
  ingress:
  - from:
    - namespaceSelector: {matchExpressions: [{key: team, operator: Exists, values: [a]}]}
`;
    expect(await validateYaml(yaml)).toEqual([
      "5:19 schema-invalid spec.selector: Invalid value: \"web app\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
      "13:66 schema-invalid spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "22:84 schema-invalid spec.ingress[0].from[0].namespaceSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
    ]);
  });
});

describe('an invalid selector is reported once', () => {
  const yaml = deployment('    matchExpressions:\n    - {key: app, operator: In}');

  it('lint: the validation error only; no rule invents a finding from it', async () => {
    const result = await lint(['-'], { readStdin: async () => Buffer.from(yaml) });
    expect(result.findings.filter((f) => f.severity === 'error').map(briefAt)).toEqual([
      "8:7 schema-invalid spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    ]);
  });

  it('plan: the API server refuses the object with the same message, and nothing runs', async () => {
    const result = await plan(['-'], { readStdin: async () => Buffer.from(yaml) });
    expect(result.findings.map(briefAt)).toEqual([
      "8:7 object-rejected the API server refuses this object, so the plan leaves it out: spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    ]);
    expect(result.state.objects.filter((o) => o.kind === 'Pod' || o.kind === 'ReplicaSet')).toEqual([]);
  });
});

describe('empty strings in enum fields of built-in kinds', () => {
  const pod = (tolerations: string, extra = ''): string => `apiVersion: v1
kind: Pod
metadata: {name: p, namespace: shop}
spec:
  containers: [{name: c, image: web:1.0, imagePullPolicy: ""}]
  dnsPolicy: ""
  tolerations:
${tolerations}
${extra}`;

  it('are the field left unset, as the API server reads them: no error', async () => {
    expect(await validateYaml(pod('  - {key: a, operator: "", value: b, effect: ""}'))).toEqual([]);
  });

  it('are still refused where the API server refuses them: a selector operator, a value outside the enum', async () => {
    const affinity = `  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions: [{key: zone, operator: ""}]`;
    expect(await validateYaml(pod('  - {key: a, operator: Equals}', affinity))).toEqual([
      '8:24 schema-invalid spec.tolerations[0].operator: "Equals" is not one of "Equal", "Exists", "Gt", "Lt"',
      '13:52 schema-invalid spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator: Invalid value: "": not a valid selector operator',
    ]);
  });
});
