import { describe, expect, it } from '@jest/globals';
import { appendPointer, fieldPath, formatPointer, parsePointer, valueAt } from '../../src/model/json-pointer.js';

describe('JSON pointers', () => {
  const doc = { x: [10, 20], metadata: { name: 'web', 'a/b': 1, '~k': 2 }, '': 'root-empty' };

  it('reads the value at a pointer, escapes included', () => {
    expect(valueAt(doc, '')).toBe(doc);
    expect(valueAt(doc, '/x/1')).toBe(20);
    expect(valueAt(doc, '/metadata/a~1b')).toBe(1);
    expect(valueAt(doc, '/metadata/~0k')).toBe(2);
    expect(valueAt(doc, '/')).toBe('root-empty');
  });

  it('reads own properties and list indexes only', () => {
    expect(valueAt(doc, '/x/length')).toBeUndefined();
    expect(valueAt(doc, '/x/01')).toBeUndefined();
    expect(valueAt(doc, '/x/-')).toBeUndefined();
    expect(valueAt(doc, '/x/2')).toBeUndefined();
    expect(valueAt(doc, '/metadata/constructor')).toBeUndefined();
    expect(valueAt(doc, '/metadata/__proto__')).toBeUndefined();
    expect(valueAt(doc, '/metadata/name/length')).toBeUndefined();
    expect(valueAt(null, '/a')).toBeUndefined();
  });

  it('parses, appends and names paths', () => {
    expect(parsePointer('/a~1b/~01')).toEqual(['a/b', '~1']);
    expect(appendPointer('/spec', 'a/b', 0)).toBe('/spec/a~1b/0');
    expect(formatPointer(['a~b', 'c/d', '~1', 3])).toBe('/a~0b/c~1d/~01/3');
    expect(formatPointer([])).toBe('');
    expect(fieldPath('/spec/containers/0/env/1/name')).toBe('spec.containers[0].env[1].name');
    expect(fieldPath('/metadata/labels/app.kubernetes.io~1name')).toBe('metadata.labels["app.kubernetes.io/name"]');
    // Only a whole run of digits is an index.
    expect(fieldPath('/items/10/a1')).toBe('items[10].a1');
    expect(fieldPath('/x/1a')).toBe('x["1a"]');
  });
});
