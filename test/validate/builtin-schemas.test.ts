import { describe, expect, it } from '@jest/globals';
import { validateYaml } from '../helpers/validate.js';
import { lint } from '../../src/index.js';

const deployment = (spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
${spec}`;

describe('built-in schemas', () => {
  it('accepts a valid object', async () => {
    expect(await validateYaml(deployment(''))).toEqual([]);
  });

  it('reports a wrong type with the value it got', async () => {
    expect(await validateYaml(deployment('  replicas: "3"\n'))).toEqual([
      '15:13 schema-invalid spec.replicas: expected integer, got string "3"',
    ]);
  });

  it('reports a missing required field at its parent', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - image: nginx:1.27\n';
    expect(await validateYaml(text)).toEqual(['6:7 schema-invalid spec.containers[0].name: required field is missing']);
  });

  it('reports a value outside an enum with the allowed values', async () => {
    expect(await validateYaml(deployment('  strategy:\n    type: BlueGreen\n'))).toEqual([
      '16:11 schema-invalid spec.strategy.type: "BlueGreen" is not one of "Recreate", "RollingUpdate"',
    ]);
  });

  it('checks quantities, int-or-string and integer ranges', async () => {
    const text = `apiVersion: v1
kind: Service
metadata: {name: s}
spec:
  ports:
    - port: 99999999999
      targetPort: [8080]
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: c
      image: nginx:1.27
      resources:
        limits: {cpu: 2 cores, memory: {}}
`;
    expect(await validateYaml(text)).toEqual([
      '6:13 schema-invalid spec.ports[0].port: 99999999999 is out of range for a 32-bit integer',
      '7:19 schema-invalid spec.ports[0].targetPort: expected integer or string, got a list',
      '17:23 schema-invalid spec.containers[0].resources.limits.cpu: "2 cores" is not a valid quantity (such as 500m, 2Gi or 1.5)',
      '17:40 schema-invalid spec.containers[0].resources.limits.memory: expected a quantity (such as 500m, 2Gi or 1.5), got an object',
    ]);
  });

  it('never shows the values of a Secret, even invalid ones', async () => {
    const text =
      'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  password: "hunter2 is not base64"\nstringData:\n  token: 12345\n';
    const lines = await validateYaml(text);
    expect(lines).toEqual([
      '5:13 schema-invalid data.password: the value is not valid base64',
      '7:10 schema-invalid stringData.token: expected string, got number (value hidden)',
    ]);
    expect(lines.join('\n')).not.toMatch(/hunter2|12345/);
  });

  it('requires metadata.name unless generateName is set', async () => {
    expect(await validateYaml('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {a: b}\n')).toEqual([
      '4:3 schema-invalid metadata.name: required field is missing',
    ]);
    expect(await validateYaml('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: cm-\n')).toEqual([]);
  });
});

describe('strict validation: unknown fields', () => {
  it('suggests the field a typo was meant to be, pointing at the key', async () => {
    expect(await validateYaml(deployment('  replica: 3\n'))).toEqual([
      '15:3 schema-unknown-field spec.replica: unknown field "replica"; did you mean "replicas"?',
    ]);
  });

  it('matches a field written with the wrong case', async () => {
    expect(await validateYaml(deployment('          ImagePullPolicy: Always\n'))).toEqual([
      '15:11 schema-unknown-field spec.template.spec.containers[0].ImagePullPolicy: unknown field "ImagePullPolicy"; did you mean "imagePullPolicy"?',
    ]);
  });

  it('says where a field belongs when it is indented at the wrong level', async () => {
    expect(await validateYaml(deployment('  containers: []\n'))).toEqual([
      '15:3 schema-unknown-field spec.containers: unknown field "containers" in DeploymentSpec; it belongs at template.spec.containers (check the indentation)',
    ]);
  });

  it('names the type when nothing is close', async () => {
    expect(await validateYaml(deployment('  colour: blue\n'))).toEqual([
      '15:3 schema-unknown-field spec.colour: unknown field "colour" (DeploymentSpec has no such field)',
    ]);
  });

  it('checks inside lists and maps of objects', async () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: i:1\n      env:\n        - name: A\n          valeu: "1"\n';
    expect(await validateYaml(text)).toEqual([
      '10:11 schema-unknown-field spec.containers[0].env[0].valeu: unknown field "valeu"; did you mean "value"?',
    ]);
  });

  it('accepts any keys in maps such as labels and data', async () => {
    expect(
      await validateYaml(
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {"example.com/anything": "x"}\ndata: {whatever: "1"}\n',
      ),
    ).toEqual([]);
  });

  it('is off with strict: false', async () => {
    expect(await validateYaml(deployment('  replica: 3\n'), { strict: false })).toEqual([]);
  });
});

describe('kinds without a schema', () => {
  it('reports an unknown version of a built-in kind, naming the one to use', async () => {
    expect(await validateYaml('apiVersion: apps/v9\nkind: Deployment\nmetadata: {name: x}\n')).toEqual([
      '1:13 api-unknown Deployment is not served by apps/v9; use apps/v1',
    ]);
  });

  it('warns about an alpha or beta version a default API server does not serve, which a cluster may turn on', async () => {
    const claim = 'apiVersion: resource.k8s.io/v1beta1\nkind: ResourceClaimTemplate\nmetadata: {name: x}\n';
    const result = await lint(['-'], { readStdin: async () => Buffer.from(claim), onlyRules: [] });
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`)).toEqual([
      '1:13 warning api-unknown ResourceClaimTemplate is not served by resource.k8s.io/v1beta1 unless the cluster turns it on: alpha versions, and beta versions new since Kubernetes 1.24, are off by default (kube-apiserver --runtime-config); use resource.k8s.io/v1',
    ]);
    // A version that is not alpha or beta, or another group, stays an error.
    expect(
      await validateYaml('apiVersion: resource.k8s.io/v2\nkind: ResourceClaimTemplate\nmetadata: {name: x}\n'),
    ).toEqual(['1:13 api-unknown ResourceClaimTemplate is not served by resource.k8s.io/v2; use resource.k8s.io/v1']);
    expect(await validateYaml('apiVersion: apps/v1beta1\nkind: ResourceClaimTemplate\nmetadata: {name: x}\n')).toEqual([
      '1:13 api-unknown ResourceClaimTemplate is not served by apps/v1beta1; use resource.k8s.io/v1',
    ]);
  });

  it('reports a built-in kind in the wrong group', async () => {
    expect(await validateYaml('apiVersion: v1\nkind: Ingress\nmetadata: {name: x}\n')).toEqual([
      '1:13 api-unknown Ingress is not served by v1; use networking.k8s.io/v1',
    ]);
  });

  it('says so when Kubernetes removed every version of the kind, rather than naming a removed one', async () => {
    expect(await validateYaml('apiVersion: policy/v1\nkind: PodSecurityPolicy\nmetadata: {name: x}\n')).toEqual([
      '1:13 api-unknown PodSecurityPolicy is not served by policy/v1; Kubernetes 1.25 removed its last version, policy/v1beta1; use Pod Security Admission (pod-security.kubernetes.io labels on the namespace)',
    ]);
  });

  it('suggests the kind a typo was meant to be', async () => {
    expect(await validateYaml('apiVersion: v1\nkind: ConfigMpa\nmetadata: {name: x}\n')).toEqual([
      '2:7 api-unknown v1 has no kind "ConfigMpa"; did you mean "ConfigMap"?',
    ]);
  });

  it('reports an unknown version in a built-in group', async () => {
    expect(await validateYaml('apiVersion: batch/v7\nkind: Frobnicator\nmetadata: {name: x}\n')).toEqual([
      '1:13 api-unknown unknown apiVersion "batch/v7" for kind Frobnicator',
    ]);
  });

  it('warns about a custom kind without a CRD', async () => {
    expect(await validateYaml('apiVersion: monitoring.example.com/v1\nkind: Probe\nmetadata: {name: x}\n')).toEqual([
      '2:7 schema-missing no schema for Probe (monitoring.example.com/v1): not a built-in kind and no CustomResourceDefinition declares it; add the CRD to the input or pass --crd',
    ]);
  });

  it('validates removed API versions against their old schema', async () => {
    expect(
      await validateYaml(
        'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: x}\nspec:\n  backend: {serviceName: web, servicePort: 80}\n',
      ),
    ).toEqual([]);
  });
});
