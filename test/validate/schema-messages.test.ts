import { describe, expect, it } from '@jest/globals';
import type { ErrorObject } from 'ajv';
import { describeSchemaErrors } from '../../src/validate/schema-messages.js';

function error(
  keyword: string,
  instancePath: string,
  schemaPath: string,
  params: Record<string, unknown>,
): ErrorObject {
  return { keyword, instancePath, schemaPath, params };
}

describe('describeSchemaErrors', () => {
  it('never says "expected ," when the alternatives of a place name no type', () => {
    // Errors shaped as a precompiled validator reports them: schema paths relative to each definition.
    const root = { spec: { value: 'x', other: {} } };
    const errors = [
      error('format', '/spec/value', '#/format', { format: 'ipv4' }),
      error('format', '/spec/value', '#/format', { format: 'ipv6' }),
      error('anyOf', '/spec/value', '#/anyOf', {}),
      error('oneOf', '/spec/other', '#/oneOf', { passingSchemas: null }),
    ];
    expect(describeSchemaErrors(errors, root)).toEqual([
      { pointer: '/spec/value', message: 'spec.value: "x" matches none of the formats ipv4 or ipv6' },
      {
        pointer: '/spec/other',
        message: 'spec.other: must match exactly one alternative of the schema (oneOf), but matches none',
      },
    ]);
  });

  it('names null as the expected type when it is the only one', () => {
    const errors = [error('type', '/spec/gone', '#/type', { type: ['null'] })];
    expect(describeSchemaErrors(errors, { spec: { gone: 1 } })).toEqual([
      { pointer: '/spec/gone', message: 'spec.gone: expected null, got number 1' },
    ]);
  });

  it('keeps int-or-string and quantity alternatives in a single message', () => {
    const errors = [
      error('type', '/port', '#/properties/port/type', { type: ['integer', 'string'] }),
      error('type', '/port', '#/properties/port/else/anyOf/0/type', { type: 'integer' }),
      error('type', '/port', '#/properties/port/else/anyOf/1/type', { type: 'string' }),
      error('anyOf', '/port', '#/properties/port/else/anyOf', {}),
      error('if', '/port', '#/properties/port/if', { failingKeyword: 'else' }),
    ];
    expect(describeSchemaErrors(errors, { port: true })).toEqual([
      { pointer: '/port', message: 'port: expected integer or string, got boolean true' },
    ]);
  });

  it('does not show a hidden value in the alternatives of a junctor', () => {
    const errors = [
      error('not', '/data/key', '#/properties/data/else/oneOf/0/properties/key/not', {}),
      error('enum', '/data/key', '#/properties/data/else/oneOf/1/properties/key/enum', { allowedValues: ['a'] }),
      error('oneOf', '/data', '#/properties/data/else/oneOf', { passingSchemas: null }),
    ];
    expect(describeSchemaErrors(errors, { data: { key: 'secret' } }, (p) => p.startsWith('/data/'))).toEqual([
      {
        pointer: '/data',
        message:
          'data: must match exactly one alternative of the schema (oneOf), but matches none: (1) key: the value is excluded by the schema (not); (2) key: the value is not one of "a"',
      },
    ]);
  });

  it('never quotes a value of a Secret, of any apiVersion, other than its names and type', () => {
    const secret = {
      apiVersion: 'example.com/v1',
      kind: 'Secret',
      metadata: { name: 'db', annotations: { note: 12345 } },
      type: 7,
      data: 'CANARY-data-value',
      stringData: { password: 1234 },
      immutable: 'CANARY',
    };
    const errors = [
      error('type', '/data', '#/properties/data/type', { type: 'object' }),
      error('type', '/stringData/password', '#/properties/stringData/additionalProperties/type', { type: 'string' }),
      error('type', '/immutable', '#/properties/immutable/type', { type: 'boolean' }),
      error('type', '/metadata/annotations/note', '#/type', { type: 'string' }),
      error('enum', '/data', '#/properties/data/enum', { allowedValues: ['a'] }),
      error('type', '/type', '#/properties/type/type', { type: 'string' }),
    ];
    expect(describeSchemaErrors(errors, secret).map((p) => p.message)).toEqual([
      'data: expected object, got string of 17 characters (value hidden)',
      'stringData.password: expected string, got number (value hidden)',
      'immutable: expected boolean, got string of 6 characters (value hidden)',
      'metadata.annotations.note: expected string, got number (value hidden)',
      'type: expected string, got number 7',
    ]);
  });

  it('quotes the values of other kinds', () => {
    const errors = [error('type', '/data', '#/properties/data/type', { type: 'object' })];
    expect(describeSchemaErrors(errors, { kind: 'ConfigMap', data: 'plain' })).toEqual([
      { pointer: '/data', message: 'data: expected object, got string "plain"' },
    ]);
  });
});
