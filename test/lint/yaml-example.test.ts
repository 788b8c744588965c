import { describe, expect, it } from '@jest/globals';
import { dedentYaml, yaml } from '../../src/lint/yaml-example.js';

describe('dedentYaml', () => {
  it('drops the last line when it holds only the indentation before the closing backtick', () => {
    expect(dedentYaml('\n    a: 1\n    b: 2\n    ')).toBe('a: 1\nb: 2\n');
  });

  it('keeps a last line without spaces', () => {
    expect(dedentYaml('a: 1\n---')).toBe('a: 1\n---\n');
  });

  it('ignores empty lines when finding the shared indentation', () => {
    expect(dedentYaml('\n    a:\n\n      b: 1\n')).toBe('a:\n\n  b: 1\n');
  });

  it('ignores lines of spaces only when finding the shared indentation', () => {
    expect(dedentYaml('\n    a:\n  \n      b: 1\n')).toBe('a:\n\n  b: 1\n');
  });

  it('serves as a template tag', () => {
    const name = 'web';
    expect(yaml`
      kind: Pod
      metadata:
        name: ${name}
    `).toBe('kind: Pod\nmetadata:\n  name: web\n');
  });
});
