import { describe, expect, it } from '@jest/globals';
import { validateYaml } from '../helpers/validate.js';

/**
 * The API server's checks of fields that the OpenAPI schemas let through, each found by the
 * differential test against the API server's validation (test/differential/builtin-validation):
 * the server's field path and words, at the field's place.
 */
describe('field checks the schemas do not make', () => {
  it('a Pod: images, container and host ports, environment names, negative quantities', async () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: init, image: ""}
  containers:
  - name: web
    image: "web:1.0 "
    ports: [{containerPort: 0}, {containerPort: 70000, hostPort: -5}, {containerPort: 8080, hostPort: 0}]
    env: [{name: "", value: a}, {name: A=B, value: b}, {name: app.mode, value: c}]
    resources: {requests: {cpu: "-1", memory: 64Mi}, limits: {cpu: "-500m"}}
`;
    expect(await validateYaml(yaml)).toEqual([
      '6:25 schema-invalid spec.initContainers[0].image: Required value',
      '9:12 schema-invalid spec.containers[0].image: Invalid value: "web:1.0 ": must not have leading or trailing whitespace',
      '10:29 schema-invalid spec.containers[0].ports[0].containerPort: Required value',
      '10:49 schema-invalid spec.containers[0].ports[1].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      '10:66 schema-invalid spec.containers[0].ports[1].hostPort: Invalid value: -5: must be between 1 and 65535, inclusive',
      '11:18 schema-invalid spec.containers[0].env[0].name: Required value',
      '11:40 schema-invalid spec.containers[0].env[1].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\'',
      '12:33 schema-invalid spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
      '12:68 schema-invalid spec.containers[0].resources.limits[cpu]: Invalid value: "-500m": must be greater than or equal to 0',
    ]);
  });

  it("a template's image with spaces is accepted (the Pod's own check), but not its empty image", async () => {
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: -1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      restartPolicy: Never
      containers: [{name: web, image: " web:1.0"}, {name: side, image: ""}]
`;
    expect(await validateYaml(yaml)).toEqual([
      '5:13 schema-invalid spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      '10:22 schema-invalid spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
      '11:72 schema-invalid spec.template.spec.containers[1].image: Required value',
    ]);
  });

  it('a Job may restart Never, and an unset restartPolicy of a workload is defaulted to Always', async () => {
    const yaml = `apiVersion: batch/v1
kind: Job
metadata: {name: once}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: run, image: "run:1.0"}]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      restartPolicy: ""
      containers: [{name: agent, image: "agent:1.0"}]
`;
    expect(await validateYaml(yaml)).toEqual([]);
  });

  it('Service ports: numbers in range, names when there are several, targetPort 0 as unset; an empty name', async () => {
    const yaml = `apiVersion: v1
kind: Service
metadata: {name: ""}
spec:
  ports:
  - {name: http, port: 80, targetPort: 0}
  - {port: 65536, targetPort: 70000}
`;
    expect(await validateYaml(yaml)).toEqual([
      '3:18 schema-invalid metadata.name: Required value: name or generateName is required',
      '7:5 schema-invalid spec.ports[1].name: Required value',
      '7:12 schema-invalid spec.ports[1].port: Invalid value: 65536: must be between 1 and 65535, inclusive',
      '7:31 schema-invalid spec.ports[1].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]);
  });
});
