import { describe, expect, it } from '@jest/globals';
import { keptSecretKeys } from '../../../src/diff/apply/secret-string-data.js';

const secret = (body: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 's' },
  ...body,
});
const live = secret({ data: { a: 'MQ==', b: 'Mg==', c: 'Mw==' } });

describe('Secret keys kubectl apply cannot remove', () => {
  it('are those the last apply wrote under stringData and the manifest drops', () => {
    const last = secret({ stringData: { a: '1', b: '2' }, data: { c: 'Mw==' } });
    expect(keptSecretKeys(live, secret({ stringData: { a: '1' } }), last)).toEqual(['b']);
  });

  it('are none when the last apply wrote them under data (they are removed), the manifest keeps them, or there is no last apply', () => {
    expect(keptSecretKeys(live, secret({ stringData: { a: '1' } }), secret({ data: { b: 'Mg==' } }))).toEqual([]);
    expect(keptSecretKeys(live, secret({ data: { b: 'Mg==' } }), secret({ stringData: { b: '2' } }))).toEqual([]);
    expect(keptSecretKeys(live, secret({}), undefined)).toEqual([]);
    expect(keptSecretKeys({ ...live, kind: 'ConfigMap' }, secret({}), secret({ stringData: { b: '2' } }))).toEqual([]);
  });
});
