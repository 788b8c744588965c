import { describe, expect, it } from '@jest/globals';
import { ingressBackends } from '../../src/lint/ingress-backends.js';
import type { Manifest } from '../../src/model/manifest.js';

const ingress = (spec: Record<string, unknown>) =>
  ({
    object: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' }, spec },
  }) as unknown as Manifest;

describe('ingressBackends', () => {
  it('reads a service backend without a port as one whose port is unknown', () => {
    expect(ingressBackends(ingress({ defaultBackend: { service: { name: 'web' } } }))).toStrictEqual([
      { pointer: '/spec/defaultBackend/service', service: 'web', port: undefined },
    ]);
  });

  it('reads ports by number and by name for the default backend and each path', () => {
    const spec = {
      defaultBackend: { service: { name: 'web', port: { number: 80 } } },
      rules: [
        {
          http: {
            paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'api', port: { name: 'http' } } } }],
          },
        },
      ],
    };
    expect(ingressBackends(ingress(spec))).toStrictEqual([
      { pointer: '/spec/defaultBackend/service', service: 'web', port: { number: 80 } },
      { pointer: '/spec/rules/0/http/paths/0/backend/service', service: 'api', port: { name: 'http' } },
    ]);
  });
});
