import { describe, expect, it } from '@jest/globals';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { ObjectIndex } from '../../src/lint/object-index.js';
import { podsOfService, servicePorts } from '../../src/lint/service-targets.js';

const POD = `
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec:
  containers: [{name: web, image: "web:1.0"}]
`;

const serviceOf = (yaml: string) => {
  const { manifests } = parseManifests('test.yaml', yaml);
  return { index: new ObjectIndex(manifests), service: manifests.find((m) => m.ref.kind === 'Service')! };
};

describe('podsOfService', () => {
  it('finds the pods that the selector matches', () => {
    const { index, service } = serviceOf(
      `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n---${POD}`,
    );
    expect(podsOfService(index, service).map((p) => p.manifest.ref.name)).toStrictEqual(['web']);
  });

  it('finds no pods for a Service without a selector, whose endpoints are managed by hand', () => {
    const { index, service } = serviceOf(
      `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  ports: [{port: 80}]\n---${POD}`,
    );
    expect(podsOfService(index, service)).toStrictEqual([]);
  });
});

describe('servicePorts', () => {
  it('lists the object entries of spec.ports with their index, skipping others', () => {
    const { service } = serviceOf(
      'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [7, {name: http, port: 80, targetPort: web, protocol: TCP}]\n',
    );
    expect(servicePorts(service)).toStrictEqual([
      { port: 80, name: 'http', targetPort: 'web', protocol: 'TCP', index: 1 },
    ]);
  });

  it('lists no ports when spec.ports is not a list', () => {
    const { service } = serviceOf('apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: {port: 80}\n');
    expect(servicePorts(service)).toStrictEqual([]);
  });
});
