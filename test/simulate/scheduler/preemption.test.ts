/**
 * DefaultPreemption (pkg/scheduler/framework/plugins/defaultpreemption, framework/preemption):
 * victims are the fewest lower-priority pods whose removal lets the pod fit, reprieved from the most
 * important; the node with the least important victims is chosen.
 */
import { describe, expect, it } from '@jest/globals';
import { node, pod, run } from './builders.js';

const small = (name: string) => node(name, { allocatable: { cpu: '3', memory: '8Gi' } });
const using = (name: string, nodeName: string, cpu: string, priority: number, startTime?: string) =>
  pod(name, { nodeName, priority, requests: [{ cpu }], startTime });
const names = (pods: Array<{ metadata?: { name?: string } }> | undefined) => pods?.map((p) => p.metadata?.name);

describe('preemption', () => {
  it('evicts a lower-priority pod and binds the preemptor to its node', () => {
    const [o] = run(
      [small('a')],
      [pod('high', { priority: 100, requests: [{ cpu: '2' }] })],
      [using('low', 'a', '2', 0)],
    );
    expect(o!.nodeName).toBe('a');
    expect(o!.message).toBeUndefined();
    expect(o!.preemption).toEqual({
      nominatedNodeName: 'a',
      victims: [expect.objectContaining({ metadata: expect.objectContaining({ name: 'low' }) })],
      message: '0/1 nodes are available: 1 Insufficient cpu.',
    });
    expect(o!.verdicts).toEqual([{ node: 'a', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] }]);
  });

  it('keeps as many pods as possible, reprieving the most important first', () => {
    const bound = [using('p1', 'a', '1', 1), using('p3', 'a', '1', 3), using('p2', 'a', '1', 2)];
    const [o] = run([small('a')], [pod('high', { priority: 10, requests: [{ cpu: '1' }] })], bound);
    expect(names(o!.preemption?.victims)).toEqual(['p1']);
  });

  it('never evicts pods of equal or higher priority', () => {
    const [o] = run(
      [small('a')],
      [pod('mid', { priority: 5, requests: [{ cpu: '2' }] })],
      [using('same', 'a', '2', 5)],
    );
    expect(o!.nodeName).toBeUndefined();
    expect(o!.message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
  });

  it('reports the reasons of nodes where even removing every lower-priority pod is not enough', () => {
    const bound = [using('low', 'a', '1', 0), using('keep', 'a', '2', 50)];
    const [o] = run([small('a')], [pod('high', { priority: 10, requests: [{ cpu: '2' }] })], bound);
    expect(o!.message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Insufficient cpu.',
    );
  });

  it('host ports: evicts the lower-priority pod holding the port, or reports the port when others hold it', () => {
    const withPort = (name: string, priority: number, nodeName?: string) =>
      pod(name, {
        nodeName,
        priority,
        spec: { containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80, hostPort: 80 }] }] },
      });
    const [o] = run([small('a')], [withPort('high', 10)], [withPort('low', 0, 'a')]);
    expect(names(o!.preemption?.victims)).toEqual(['low']);
    const [kept] = run([small('a')], [withPort('high', 10)], [withPort('peer', 10, 'a'), using('low', 'a', '1', 0)]);
    expect(kept!.message).toBe(
      "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. preemption: 0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports.",
    );
  });

  it('prefers the node whose most important victim has the lowest priority, then fewer victims', () => {
    const bound = [using('a-low', 'a', '3', 5), using('b-low', 'b', '3', 1)];
    const [o] = run([small('a'), small('b')], [pod('high', { priority: 10, requests: [{ cpu: '3' }] })], bound);
    expect(o!.nodeName).toBe('b');
    const fewer = [using('a1', 'a', '1500m', 1), using('a2', 'a', '1500m', 1), using('b1', 'b', '3', 1)];
    const [o2] = run([small('a'), small('b')], [pod('high', { priority: 10, requests: [{ cpu: '3' }] })], fewer);
    // Sum of priorities decides before the count: a has 2 victims (sum higher), b one.
    expect(o2!.nodeName).toBe('b');
  });

  it('breaks the remaining ties by the latest start of the most important victims, then node name', () => {
    const bound = [
      using('old', 'a', '3', 1, '2024-01-01T00:00:00Z'),
      using('new', 'b', '3', 1, '2024-06-01T00:00:00Z'),
    ];
    expect(
      run([small('a'), small('b')], [pod('high', { priority: 10, requests: [{ cpu: '3' }] })], bound)[0]!.nodeName,
    ).toBe('b');
    const same = [using('x', 'a', '3', 1), using('y', 'b', '3', 1)];
    expect(
      run([small('a'), small('b')], [pod('high', { priority: 10, requests: [{ cpu: '3' }] })], same)[0]!.nodeName,
    ).toBe('a');
  });

  it("frees the victims' resources for the pods that follow", () => {
    const outcomes = run(
      [small('a')],
      [pod('high', { priority: 10, requests: [{ cpu: '1' }] }), pod('next', { requests: [{ cpu: '2' }] })],
      [using('low', 'a', '3', 0)],
    );
    expect(outcomes.map((o) => o.nodeName)).toEqual(['a', 'a']);
  });
});
