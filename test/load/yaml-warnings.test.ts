import { describe, expect, it, jest } from '@jest/globals';
import { parseManifests } from '../../src/load/parse-manifests.js';

describe('the YAML package', () => {
  it('prints no warning of its own (a collection as a map key): output must not vary with the process id', () => {
    const emitted = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const parsed = parseManifests('key.yaml', '? [a, b]\n: c\n');
      expect(parsed.findings.map((f) => f.ruleId)).toEqual(['object-missing-type']);
      expect(emitted).not.toHaveBeenCalled();
    } finally {
      emitted.mockRestore();
    }
  });
});
