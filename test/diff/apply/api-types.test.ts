import { describe, expect, it } from '@jest/globals';
import { API_TYPES } from '../../../src/diff/apply/api-types.generated.js';
import { rootTypeOf } from '../../../src/diff/apply/api-types.js';
import { SSA_SCHEMA } from '../../../src/diff/apply/server-side/ssa-schema.generated.js';
import { askOracle, oracleBinary } from '../../helpers/oracle.js';

describe('the Go API types', () => {
  const oracle = oracleBinary();
  (oracle ? it : it.skip)('are what the oracle reads from the Go types (else run npm run generate:api-types)', () => {
    const [answer] = askOracle(oracle!, [{ op: 'types' }]);
    expect(answer?.error).toBeUndefined();
    expect(JSON.parse(JSON.stringify(answer?.result))).toEqual(JSON.parse(JSON.stringify(API_TYPES)));
  });

  (oracle ? it : it.skip)(
    "and the server-side apply schema are upstream's (else run npm run generate:api-types)",
    () => {
      const [answer] = askOracle(oracle!, [{ op: 'server-side-apply-schema' }]);
      expect(answer?.error).toBeUndefined();
      expect(JSON.parse(JSON.stringify(answer?.result))).toEqual(JSON.parse(JSON.stringify(SSA_SCHEMA)));
    },
  );

  it('give a built-in kind its type, another version of its group its type, a custom kind none', () => {
    expect(rootTypeOf('apps/v1', 'Deployment')).toBe('apps/v1.Deployment');
    expect(rootTypeOf('apps/v9', 'Deployment')).toBe('apps/v1.Deployment');
    expect(rootTypeOf('v1', 'Service')).toBe('core/v1.Service');
    expect(rootTypeOf('example.com/v1', 'Deployment')).toBeUndefined();
  });
});
