import { describe, expect, it } from '@jest/globals';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { withoutValues } from '../../src/load/reported-errors.js';
import { briefAt } from '../helpers/findings.js';

/** A value that must never appear in a message. */
const TOKEN = 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI';

const messagesOf = (text: string): string[] => parseManifests('s.yaml', text).findings.map(briefAt);

describe('messages about bad input never quote a value that may be secret', () => {
  it('describe a document that is not an object by its type and length', () => {
    expect(messagesOf(`${TOKEN}\n`)).toEqual([
      '1:1 document-not-object document is a string of 35 characters, not a Kubernetes object',
    ]);
    expect(messagesOf('123456\n---\ntrue\n---\n~\n')).toEqual([
      '1:1 document-not-object document is a number, not a Kubernetes object',
      '3:1 document-not-object document is a boolean (true), not a Kubernetes object',
      '5:1 document-not-object document is null, not a Kubernetes object',
    ]);
  });

  it('describe a List item that is not an object by its type and length', () => {
    expect(messagesOf(`apiVersion: v1\nkind: List\nitems:\n  - ${TOKEN}\n  - x\n`)).toEqual([
      '4:5 document-not-object items[0] is a string of 35 characters, not a Kubernetes object',
      '5:5 document-not-object items[1] is a string of 1 character, not a Kubernetes object',
    ]);
  });

  it('leave out the text a syntax error in a Secret would quote', () => {
    expect(messagesOf('apiVersion: v1\nkind: Secret\nstringData:\n  token: "\\xZZhunter2"\n')).toEqual([
      '4:11 yaml-syntax Invalid escape sequence',
    ]);
    expect(messagesOf('apiVersion: v1\nkind: Secret\ndata:\n  token: |x hunter2\n    a\n')).toEqual([
      '4:11 yaml-syntax Block scalar header includes extra characters',
    ]);
    expect(messagesOf('apiVersion: v1\nkind: Secret\ndata:\n  token: *hunter2\n')).toEqual([
      '1:1 yaml-syntax cannot read document 1: Unresolved alias (the anchor must be set before the alias)',
    ]);
  });

  it('replace quoted text by its length, and keep quoted punctuation', () => {
    expect(withoutValues(`Unexpected scalar token in YAML stream: "${TOKEN}"`)).toBe(
      'Unexpected scalar token in YAML stream: a text of 35 characters',
    );
    expect(withoutValues('Unexpected flow-map-end token in YAML stream: "}"')).toBe(
      'Unexpected flow-map-end token in YAML stream: "}"',
    );
    expect(withoutValues('Missing closing "quote')).toBe('Missing closing "quote');
  });

  it('say that a document nests too deeply to read, not how the parser broke', () => {
    const deep = `apiVersion: v1\nkind: ${'['.repeat(6000)}${']'.repeat(6000)}\n`;
    const messages = parseManifests('deep.yaml', deep).findings.map((f) => `${f.ruleId} ${f.message}`);
    expect(messages).toContain(
      'yaml-syntax the document nests too deeply (thousands of levels) for kubeplan to read; not checked',
    );
    expect(messages.join('\n')).not.toContain('call stack');
  });

  it('put that finding at the start of the document, not where the stack gave out (which varies)', () => {
    const deep = `apiVersion: v1\nkind: ${'['.repeat(6000)}${']'.repeat(6000)}\n`;
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n${deep}`;
    const findings = parseManifests('deep.yaml', text).findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`);
    expect(findings).toEqual(['4:1 yaml-syntax']);
  });
});
