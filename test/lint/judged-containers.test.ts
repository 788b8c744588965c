import { describe, expect, it } from '@jest/globals';
import { judgedContainers } from '../../src/lint/judged-containers.js';

describe('judgedContainers', () => {
  it('keeps containers with a string name, no name or a null name, and leaves out a name of another type', () => {
    const at = {
      specPointer: '/spec',
      spec: { containers: [{ name: 'web' }, {}, { name: null }, { name: 42 }, { name: ['a'] }] },
    };
    expect(judgedContainers(at).map((c) => c.pointer)).toStrictEqual([
      '/spec/containers/0',
      '/spec/containers/1',
      '/spec/containers/2',
    ]);
  });

  it('reads the container types it is given', () => {
    const at = { specPointer: '/spec', spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'web' }] } };
    expect(judgedContainers(at, ['initContainers']).map((c) => c.name)).toStrictEqual(['init']);
  });
});
