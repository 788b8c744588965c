import { describe, expect, it } from '@jest/globals';
import type { KubeObject } from '../../src/model/manifest.js';
import {
  endpointSlicesFor,
  readyEndpointCount,
  servingEndpointCount,
} from '../../src/simulate/endpoints/endpoint-slices.js';
import { PodIndex } from '../../src/simulate/objects/pod-index.js';
import type { Entry } from '../../src/simulate/state.js';

/** A pod of the settled cluster: bound to `node` with `ip` (or not), Ready or not. */
function pod(
  name: string,
  options: {
    ip?: string;
    ready?: boolean;
    labels?: Record<string, string>;
    ports?: Array<Record<string, unknown>>;
    phase?: string;
    spec?: Record<string, unknown>;
  } = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'shop', uid: `uid-${name}`, labels: options.labels ?? { app: 'web' } },
    spec: {
      nodeName: 'worker-1',
      containers: [
        {
          name: 'web',
          image: 'nginx:1.27.3',
          ports: options.ports ?? [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
        },
      ],
      ...options.spec,
    },
    status: {
      phase: options.phase ?? 'Running',
      ...(options.ip !== undefined ? { podIP: options.ip } : {}),
      conditions: [{ type: 'Ready', status: options.ready === false ? 'False' : 'True' }],
    },
  };
}

function index(pods: KubeObject[]): PodIndex {
  return new PodIndex(pods.map((object, seq): Entry => ({ object, seq })));
}

function service(spec: Record<string, unknown>, name = 'web'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'shop', uid: `uid-svc-${name}` },
    spec: {
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
      ...spec,
    },
  };
}

const zoneOf = (node: string): string | undefined => (node === 'worker-1' ? 'region-1a' : undefined);
type Slice = {
  metadata: { name: string; labels: Record<string, string> };
  endpoints: Array<{ addresses: string[]; conditions: Record<string, boolean>; hostname?: string }>;
  ports: unknown;
};

describe('EndpointSlices', () => {
  it('splits more than 100 endpoints into slices of at most 100, as the controller does', () => {
    const pods = Array.from({ length: 250 }, (_, i) => pod(`web-${i}`, { ip: `10.244.${i >> 8}.${i & 255}` }));
    const slices = endpointSlicesFor(service({}), index(pods), zoneOf) as unknown as Slice[];
    expect(slices.map((s) => s.endpoints.length)).toEqual([100, 100, 50]);
    expect(slices.map((s) => s.metadata.name)).toEqual(['web-t2kbf', 'web-6lxtk', 'web-g7cgq']);
    expect(slices.every((s) => s.metadata.labels['kubernetes.io/service-name'] === 'web')).toBe(true);
    expect(slices.map((s) => s.endpoints[0]!.addresses[0])).toEqual(['10.244.0.0', '10.244.0.100', '10.244.0.200']);
    expect(slices[2]!.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(slices[0]!.endpoints[0]).toEqual({
      addresses: ['10.244.0.0'],
      conditions: { ready: true, serving: true, terminating: false },
      nodeName: 'worker-1',
      targetRef: { kind: 'Pod', name: 'web-0', namespace: 'shop', uid: 'uid-web-0' },
      zone: 'region-1a',
    });
    expect(readyEndpointCount(slices as unknown as KubeObject[])).toBe(250);
  });

  it('publishes pods that are not ready as ready endpoints only with publishNotReadyAddresses', () => {
    const pods = [pod('web-a', { ip: '10.244.1.2' }), pod('web-b', { ip: '10.244.1.3', ready: false })];
    const plain = endpointSlicesFor(service({}), index(pods), zoneOf) as unknown as Slice[];
    expect(plain[0]!.endpoints.map((e) => e.conditions)).toEqual([
      { ready: true, serving: true, terminating: false },
      { ready: false, serving: false, terminating: false },
    ]);
    expect(readyEndpointCount(plain as unknown as KubeObject[])).toBe(1);
    const published = endpointSlicesFor(
      service({ publishNotReadyAddresses: true }),
      index(pods),
      zoneOf,
    ) as unknown as Slice[];
    expect(published[0]!.endpoints.map((e) => e.conditions)).toEqual([
      { ready: true, serving: true, terminating: false },
      { ready: true, serving: false, terminating: false },
    ]);
    expect(readyEndpointCount(published as unknown as KubeObject[])).toBe(2);
  });

  it('drops a named targetPort for a pod whose containers have no such port: that pod goes to a slice without it', () => {
    const pods = [
      pod('web-a', { ip: '10.244.1.2' }),
      pod('web-b', { ip: '10.244.1.3', ports: [{ name: 'metrics', containerPort: 9090, protocol: 'TCP' }] }),
      // A port of that name but another protocol does not match either.
      pod('web-c', { ip: '10.244.1.4', ports: [{ name: 'http', containerPort: 8080, protocol: 'UDP' }] }),
      // A sidecar (restartable init container) may carry it.
      pod('web-d', {
        ip: '10.244.1.5',
        ports: [],
        spec: {
          initContainers: [
            {
              name: 'proxy',
              image: 'envoy:1.31',
              restartPolicy: 'Always',
              ports: [{ name: 'http', containerPort: 15001, protocol: 'TCP' }],
            },
          ],
        },
      }),
    ];
    const svc = service({
      ports: [
        { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
        { name: 'admin', port: 81, targetPort: 9901, protocol: 'TCP' },
      ],
    });
    const slices = endpointSlicesFor(svc, index(pods), zoneOf) as unknown as Slice[];
    expect(slices.map((s) => [s.ports, s.endpoints.map((e) => e.addresses[0])])).toEqual([
      [
        [
          { name: 'http', port: 8080, protocol: 'TCP' },
          { name: 'admin', port: 9901, protocol: 'TCP' },
        ],
        ['10.244.1.2'],
      ],
      [[{ name: 'admin', port: 9901, protocol: 'TCP' }], ['10.244.1.3', '10.244.1.4']],
      [
        [
          { name: 'http', port: 15001, protocol: 'TCP' },
          { name: 'admin', port: 9901, protocol: 'TCP' },
        ],
        ['10.244.1.5'],
      ],
    ]);
    expect(readyEndpointCount(slices as unknown as KubeObject[], 'http')).toBe(2);
    expect(readyEndpointCount(slices as unknown as KubeObject[], 'admin')).toBe(4);
  });

  it('counts no serving endpoint when no targetPort resolves on any pod, except for a headless Service without ports', () => {
    const pods = [pod('web-a', { ip: '10.244.1.2' }), pod('web-b', { ip: '10.244.1.3' })];
    // The pods declare `http`; the Service asks for `web-http`: the slice lists them without ports.
    const named = service({ ports: [{ port: 80, targetPort: 'web-http', protocol: 'TCP' }] });
    const slices = endpointSlicesFor(named, index(pods), zoneOf);
    expect(readyEndpointCount(slices)).toBe(2);
    expect(servingEndpointCount(named, slices)).toBe(0);
    const served = service({});
    expect(servingEndpointCount(served, endpointSlicesFor(served, index(pods), zoneOf))).toBe(2);
    const headless = service({ clusterIP: 'None', ports: [] });
    expect(servingEndpointCount(headless, endpointSlicesFor(headless, index(pods), zoneOf))).toBe(2);
  });

  it('makes none for a Service without selector (or an empty one, or ExternalName), one empty slice when nothing matches', () => {
    const pods = [pod('web-a', { ip: '10.244.1.2' })];
    expect(endpointSlicesFor(service({ selector: undefined }), index(pods), zoneOf)).toEqual([]);
    expect(endpointSlicesFor(service({ selector: {} }), index(pods), zoneOf)).toEqual([]);
    expect(
      endpointSlicesFor(service({ type: 'ExternalName', externalName: 'example.com' }), index(pods), zoneOf),
    ).toEqual([]);
    const empty = endpointSlicesFor(service({ selector: { app: 'api' } }), index(pods), zoneOf) as unknown as Slice[];
    expect(empty.map((s) => [s.metadata.name, s.endpoints, s.ports])).toEqual([['web-4m7fc', [], null]]);
  });

  it('leaves out pods without an IP, finished pods and pods of other namespaces; publishes hostnames of the Service subdomain', () => {
    const other = pod('web-x', { ip: '10.244.1.9' });
    (other.metadata as Record<string, unknown>).namespace = 'staging';
    const pods = [
      pod('web-0', { ip: '10.244.1.2', spec: { hostname: 'web-0', subdomain: 'web' } }),
      pod('web-1', { ip: '10.244.1.3', spec: { hostname: 'web-1', subdomain: 'other' } }),
      pod('web-2', {}),
      pod('web-3', { ip: '10.244.1.5', phase: 'Succeeded' }),
      other,
    ];
    const slices = endpointSlicesFor(service({}), index(pods), zoneOf) as unknown as Slice[];
    expect(slices[0]!.endpoints.map((e) => [e.addresses[0], e.hostname])).toEqual([
      ['10.244.1.2', 'web-0'],
      ['10.244.1.3', undefined],
    ]);
  });
});
