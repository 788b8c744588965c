import { describe, expect, it } from '@jest/globals';
import type { ContainerEntry } from '../../src/model/containers.js';
import type { PodTemplate } from '../../src/model/pod-template.js';
import { limitState, requestState } from '../../src/lint/resource-fields.js';

const entry = (container: Record<string, unknown>): ContainerEntry =>
  ({
    container,
    name: 'web',
    pointer: '/spec/containers/0',
    type: 'containers',
    index: 0,
    sidecar: false,
  }) as ContainerEntry;
const template = (spec: Record<string, unknown> = {}): PodTemplate => ({ spec }) as unknown as PodTemplate;

describe('requestState', () => {
  it('is set by a quantity written as a string', () => {
    expect(requestState(template(), entry({ resources: { requests: { memory: '128Mi' } } }), 'memory')).toBe('set');
  });

  it('is set by a quantity written as a number', () => {
    expect(requestState(template(), entry({ resources: { requests: { cpu: 1 } } }), 'cpu')).toBe('set');
  });

  it('is missing when neither the container nor the pod sets it', () => {
    expect(requestState(template(), entry({ resources: { requests: { cpu: '1' } } }), 'memory')).toBe('missing');
  });

  it('is set by the container limit, which the API server copies into the request', () => {
    expect(requestState(template(), entry({ resources: { limits: { memory: '1Gi' } } }), 'memory')).toBe('set');
  });

  it('is set by the pod-level request or limit', () => {
    expect(requestState(template({ resources: { requests: { memory: '1Gi' } } }), entry({}), 'memory')).toBe('set');
    expect(requestState(template({ resources: { limits: { memory: '1Gi' } } }), entry({}), 'memory')).toBe('set');
  });

  it('is unknown when the amount is neither a string nor a number', () => {
    expect(requestState(template(), entry({ resources: { requests: { memory: true } } }), 'memory')).toBe('unknown');
    expect(requestState(template(), entry({ resources: { requests: { memory: ['1Gi'] } } }), 'memory')).toBe('unknown');
  });

  it('is unknown when a field on the way has the wrong type, even if another field sets it', () => {
    const c = entry({ resources: { requests: 'lots', limits: { memory: '1Gi' } } });
    expect(requestState(template(), c, 'memory')).toBe('unknown');
  });
});

describe('limitState', () => {
  it('is set by the container limit or the pod-level limit', () => {
    expect(limitState(template(), entry({ resources: { limits: { memory: '1Gi' } } }), 'memory')).toBe('set');
    expect(limitState(template({ resources: { limits: { memory: 2147483648 } } }), entry({}), 'memory')).toBe('set');
  });

  it('is not set by a request', () => {
    expect(limitState(template(), entry({ resources: { requests: { memory: '1Gi' } } }), 'memory')).toBe('missing');
  });

  it('is unknown for a limit of the wrong type', () => {
    expect(limitState(template(), entry({ resources: { limits: { memory: null, cpu: 1 } } }), 'memory')).toBe(
      'missing',
    );
    expect(limitState(template(), entry({ resources: { limits: [1] } }), 'memory')).toBe('unknown');
  });
});
