/**
 * QoS classes worked out from ComputePodQOS: only cpu and memory count; a set of requirements is
 * Guaranteed when both are requested at their (non-zero) limits, BestEffort when neither is asked
 * for; pod-level `resources`, when present, decide alone; else init containers and containers
 * must all agree. Requests as stored: limits stand in for missing ones.
 */
import { describe, expect, it } from '@jest/globals';
import { podQosClass, qosClass } from '../../src/model/pod-qos.js';

type Quantities = Record<string, string>;
const c = (requests?: Quantities, limits?: Quantities, extra: Record<string, unknown> = {}) => ({
  name: 'c',
  image: 'app:1',
  resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) },
  ...extra,
});
const exact = { cpu: '500m', memory: '256Mi' };

describe('qosClass', () => {
  it.each([
    ['no resources anywhere', { containers: [c()] }, 'BestEffort'],
    ['no containers at all', {}, 'BestEffort'],
    ['every container requests its limits', { containers: [c(exact, exact), c(exact, exact)] }, 'Guaranteed'],
    ['limits alone: the stored pod requests them', { containers: [c(undefined, exact)] }, 'Guaranteed'],
    ['0.5 and 500m are equal', { containers: [c({ cpu: '0.5', memory: '256Mi' }, exact)] }, 'Guaranteed'],
    ['a request below its limit', { containers: [c({ cpu: '250m', memory: '256Mi' }, exact)] }, 'Burstable'],
    ['cpu at its limit, memory not asked for', { containers: [c({ cpu: '1' }, { cpu: '1' })] }, 'Burstable'],
    [
      'a burstable container before a guaranteed one',
      { containers: [c({ cpu: '250m' }), c(exact, exact)] },
      'Burstable',
    ],
    ['every container burstable', { containers: [c({ cpu: '250m' }), c({ memory: '1Gi' })] }, 'Burstable'],
    [
      'a guaranteed app beside an init container without resources',
      { initContainers: [c()], containers: [c(exact, exact)] },
      'Burstable',
    ],
    [
      'a guaranteed app beside a sidecar without resources',
      { initContainers: [c(undefined, undefined, { restartPolicy: 'Always' })], containers: [c(exact, exact)] },
      'Burstable',
    ],
    [
      'hugepages do not count',
      { containers: [c({ 'hugepages-2Mi': '64Mi' }, { 'hugepages-2Mi': '64Mi' })] },
      'BestEffort',
    ],
    [
      'zero requests and limits ask for nothing',
      { containers: [c({ cpu: '0', memory: '0' }, { cpu: '0', memory: '0' })] },
      'BestEffort',
    ],
    ['an unparsable limit counts as absent', { containers: [c(exact, { cpu: 'x', memory: '256Mi' })] }, 'Burstable'],
    [
      'pod-level requests at their limits, containers without resources',
      { resources: { requests: exact, limits: exact }, containers: [c(), c()] },
      'Guaranteed',
    ],
    [
      'pod-level limits alone: the stored pod requests them',
      { resources: { limits: exact }, containers: [c()] },
      'Guaranteed',
    ],
    [
      'pod-level requests below the limits, containers guaranteed',
      { resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: exact }, containers: [c(exact, exact)] },
      'Burstable',
    ],
    [
      'pod-level cpu request only, containers guaranteed: the pod level decides',
      { resources: { requests: { cpu: '500m' } }, containers: [c(exact, exact)] },
      'Burstable',
    ],
    ['empty pod-level resources decide too', { resources: {}, containers: [c(exact, exact)] }, 'BestEffort'],
  ])('%s', (_name, spec, expected) => {
    expect(qosClass(spec as Record<string, unknown>)).toBe(expected);
  });
});

describe('podQosClass', () => {
  it('keeps the class recorded at creation; an empty one is computed', () => {
    const spec = { containers: [c(exact, exact)] };
    expect(podQosClass({ spec, status: { qosClass: 'Burstable' } })).toBe('Burstable');
    expect(podQosClass({ spec, status: { qosClass: '' } })).toBe('Guaranteed');
    expect(podQosClass({ spec })).toBe('Guaranteed');
  });
});
