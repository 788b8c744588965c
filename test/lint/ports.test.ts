import { describe, expect, it } from '@jest/globals';
import type { ContainerEntry } from '../../src/model/containers.js';
import { declaredPorts, declaresPort, declaresTargetPort, portsAreReadable } from '../../src/lint/ports.js';

const entry = (container: Record<string, unknown>, index = 0): ContainerEntry =>
  ({
    container,
    name: String(container.name ?? ''),
    pointer: `/spec/containers/${index}`,
    type: 'containers',
    index,
    sidecar: false,
  }) as ContainerEntry;

describe('portsAreReadable', () => {
  it('reads a container without ports as readable', () => {
    expect(portsAreReadable(entry({ name: 'web' }))).toBe(true);
  });

  it('reads ports as unreadable when one port of several has a field of the wrong type', () => {
    const c = entry({ name: 'web', ports: [{ containerPort: 80 }, { containerPort: 'http' }] });
    expect(portsAreReadable(c)).toBe(false);
  });

  it('reads ports as unreadable when one entry is not an object', () => {
    expect(portsAreReadable(entry({ name: 'web', ports: [{ containerPort: 80 }, 'x'] }))).toBe(false);
  });

  it('reads well-typed ports as readable', () => {
    const c = entry({
      name: 'web',
      ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }, { containerPort: 81 }],
    });
    expect(portsAreReadable(c)).toBe(true);
  });
});

describe('declaredPorts', () => {
  it('leaves out name, number and protocol that are not of their type', () => {
    const c = entry({ name: 'web', ports: [{ name: 5, containerPort: 'eighty', protocol: 6 }] });
    expect(declaredPorts(c)).toStrictEqual([{ pointer: '/spec/containers/0/ports/0' }]);
  });

  it('defaults an absent protocol to TCP and keeps name and number', () => {
    const c = entry({
      name: 'web',
      ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { containerPort: 80 }],
    });
    expect(declaredPorts(c)).toStrictEqual([
      { pointer: '/spec/containers/0/ports/0', protocol: 'UDP', name: 'dns', containerPort: 53 },
      { pointer: '/spec/containers/0/ports/1', protocol: 'TCP', containerPort: 80 },
    ]);
  });
});

describe('declaresPort', () => {
  const web = entry({ name: 'web', ports: [{ name: 'http', containerPort: 8080 }] });
  const sidecar = entry({ name: 'proxy', ports: [{ name: 'admin', containerPort: 9901 }] }, 1);

  it('finds a port by name in any of the containers', () => {
    expect(declaresPort([web, sidecar], { name: 'admin' })).toBe(true);
    expect(declaresPort([web, sidecar], { name: 'metrics' })).toBe(false);
  });

  it('finds a port by number in any of the containers', () => {
    expect(declaresPort([web, sidecar], { number: 8080 })).toBe(true);
    expect(declaresPort([web, sidecar], { number: 9090 })).toBe(false);
  });

  it('does not match a number against a port that only has a name', () => {
    const named = entry({ name: 'web', ports: [{ name: 'http' }] });
    expect(declaresPort([named], { number: 80 })).toBe(false);
  });

  it('declares nothing for no containers', () => {
    expect(declaresPort([], { number: 80 })).toBe(false);
  });
});

describe('declaresTargetPort', () => {
  const web = entry({
    name: 'web',
    ports: [
      { name: 'http', containerPort: 8080 },
      { name: 'dns', containerPort: 53, protocol: 'UDP' },
    ],
  });

  it('is false for a Service port with neither port nor targetPort', () => {
    expect(declaresTargetPort(web, {})).toBe(false);
  });

  it('finds a numbered targetPort among the container ports', () => {
    expect(declaresTargetPort(web, { port: 80, targetPort: 8080 })).toBe(true);
    expect(declaresTargetPort(web, { port: 80, targetPort: 8081 })).toBe(false);
  });

  it('uses port as the target when targetPort is unset', () => {
    expect(declaresTargetPort(web, { port: 53 })).toBe(true);
  });

  it('needs a named target to match name and protocol', () => {
    expect(declaresTargetPort(web, { port: 80, targetPort: 'http' })).toBe(true);
    expect(declaresTargetPort(web, { port: 53, targetPort: 'dns' })).toBe(false);
    expect(declaresTargetPort(web, { port: 53, targetPort: 'dns', protocol: 'UDP' })).toBe(true);
  });
});
