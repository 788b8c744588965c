/**
 * Service target ports as the API server defaults them (SetDefaults_Service) and the endpoint
 * slice controller resolves them on a pod (`pkg/api/v1/pod` FindPort).
 */
import { describe, expect, it } from '@jest/globals';
import {
  namedContainerPort,
  portReference,
  portSearchOrder,
  protocolOf,
  resolveTargetPort,
  servicePortTarget,
} from '../../src/model/target-port.js';

describe('portReference', () => {
  it.each([
    [80, { number: 80 }],
    [0, { number: 0 }],
    ['8080', { number: 8080 }],
    ['7', { number: 7 }],
    ['http', { name: 'http' }],
    ['p80', { name: 'p80' }],
    ['80p', { name: '80p' }],
    ['', undefined],
    [1.5, undefined],
    [true, undefined],
    [null, undefined],
    [undefined, undefined],
    [{}, undefined],
  ])('%j → %j', (value, ref) => {
    expect(portReference(value)).toStrictEqual(ref);
  });
});

describe('servicePortTarget', () => {
  it('takes targetPort, as a number or a name', () => {
    expect(servicePortTarget({ port: 80, targetPort: 8080 })).toStrictEqual({ number: 8080 });
    expect(servicePortTarget({ port: 80, targetPort: 'http' })).toStrictEqual({ name: 'http' });
  });

  it('takes port when targetPort is unset, null, 0 or "", as the API server defaults it', () => {
    expect(
      [undefined, null, 0, ''].map((targetPort) =>
        servicePortTarget(targetPort === undefined ? { port: 80 } : { port: 80, targetPort }),
      ),
    ).toStrictEqual([{ number: 80 }, { number: 80 }, { number: 80 }, { number: 80 }]);
  });

  it('has no target when neither is a port', () => {
    expect(servicePortTarget({})).toBeUndefined();
    expect(servicePortTarget({ targetPort: 1.5, port: 80 })).toBeUndefined();
  });
});

describe('protocolOf', () => {
  it('is TCP unless set, an empty string included (the API server defaults it)', () => {
    expect(
      [{}, { protocol: null }, { protocol: '' }, { protocol: 'UDP' }, { protocol: 'SCTP' }].map(protocolOf),
    ).toEqual(['TCP', 'TCP', 'TCP', 'UDP', 'SCTP']);
  });
});

describe('namedContainerPort', () => {
  const dns = {
    ports: [
      { name: 'dns', containerPort: 53, protocol: 'UDP' },
      { name: 'dns', containerPort: 5353 },
    ],
  };

  it('finds the port of that name and protocol', () => {
    expect(namedContainerPort(dns, 'dns', 'TCP')).toBe(5353);
    expect(namedContainerPort(dns, 'dns', 'UDP')).toBe(53);
    expect(namedContainerPort(dns, 'dns', 'SCTP')).toBeUndefined();
    expect(namedContainerPort(dns, 'metrics', 'TCP')).toBeUndefined();
  });

  it('skips a port whose number is not a number', () => {
    const container = {
      ports: [
        { name: 'http', containerPort: '8080' },
        { name: 'http', containerPort: 8081 },
      ],
    };
    expect(namedContainerPort(container, 'http', 'TCP')).toBe(8081);
  });

  it('finds nothing in a container or a list of ports of the wrong type', () => {
    for (const container of [null, 'web', [], {}, { ports: { name: 'http', containerPort: 80 } }, { ports: 'http' }])
      expect([container, namedContainerPort(container, 'http', 'TCP')]).toEqual([container, undefined]);
    expect(namedContainerPort({ ports: [null, 'http', { name: 'http', containerPort: 80 }] }, 'http', 'TCP')).toBe(80);
  });
});

describe('portSearchOrder', () => {
  it('lists app containers, then init containers that run as sidecars', () => {
    const app = { name: 'app' };
    const sidecar = { name: 'proxy', restartPolicy: 'Always' };
    const spec = { containers: [app], initContainers: [{ name: 'setup' }, sidecar, 'x', { restartPolicy: 'Never' }] };
    expect(portSearchOrder(spec)).toEqual([app, sidecar]);
    expect(portSearchOrder({ initContainers: [sidecar] })).toEqual([sidecar]);
  });

  it('is empty for a spec, or lists, of the wrong type', () => {
    for (const spec of [null, undefined, 'spec', [], {}, { containers: 'app', initContainers: { name: 'x' } }])
      expect([spec, portSearchOrder(spec)]).toEqual([spec, []]);
  });
});

describe('resolveTargetPort', () => {
  const spec = {
    containers: [{ name: 'web', ports: [{ name: 'http', containerPort: 8080 }] }],
    initContainers: [
      { name: 'setup', ports: [{ name: 'admin', containerPort: 9000 }] },
      {
        name: 'proxy',
        restartPolicy: 'Always',
        ports: [
          { name: 'http', containerPort: 15001 },
          { name: 'stats', containerPort: 15090 },
        ],
      },
    ],
  };

  it('takes the first match in app containers, then sidecars', () => {
    expect(resolveTargetPort({ port: 80, targetPort: 'http' }, spec)).toBe(8080);
    expect(resolveTargetPort({ port: 80, targetPort: 'stats' }, spec)).toBe(15090);
    expect(resolveTargetPort({ port: 80, targetPort: 'admin' }, spec)).toBeUndefined();
    expect(resolveTargetPort({ port: 80, targetPort: 'http', protocol: 'UDP' }, spec)).toBeUndefined();
  });

  it('takes a number as it is, on any pod', () => {
    expect(resolveTargetPort({ port: 80, targetPort: 0 }, spec)).toBe(80);
    expect(resolveTargetPort({ port: 80, targetPort: '8443' }, null)).toBe(8443);
  });

  it('reaches nothing without a target', () => {
    expect(resolveTargetPort({}, spec)).toBeUndefined();
    expect(resolveTargetPort({ port: 'http' }, null)).toBeUndefined();
  });
});
