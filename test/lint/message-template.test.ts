import { describe, expect, it } from '@jest/globals';
import { fillMessage, placeholdersOf } from '../../src/lint/message-template.js';

describe('message templates', () => {
  it('list their placeholders once each, in order, with or without spaces in the braces', () => {
    expect(placeholdersOf('{{container}}: {{ image }} uses "{{tag}}" ({{container}})')).toEqual([
      'container',
      'image',
      'tag',
    ]);
    expect(placeholdersOf('no placeholders, {single} braces, {{}} and {{two words}}')).toEqual([]);
  });

  it('fill every placeholder, numbers included', () => {
    expect(fillMessage('port {{port}} of {{ name }}', { port: 8080, name: 'web' })).toBe('port 8080 of web');
  });

  it('leave text without placeholders as it is, with or without data', () => {
    expect(fillMessage('selector {} matches nothing')).toBe('selector {} matches nothing');
    expect(fillMessage('plain', { unused: 'x' })).toBe('plain');
  });

  it('throw for a placeholder without data, even when data has it on the prototype', () => {
    expect(() => fillMessage('{{tag}}', {})).toThrow('the message has no data for {{tag}}');
    expect(() => fillMessage('{{toString}}', {})).toThrow('the message has no data for {{toString}}');
  });
});
