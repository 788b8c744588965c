import { describe, expect, it } from '@jest/globals';
import { readInputs } from '../../src/action/inputs.js';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('the Action inputs', () => {
  it('leaves the profile to the configuration when unset', () => {
    expect(readInputs(reader({})).profile).toBeUndefined();
  });

  it('reads a profile, and refuses a name that is none', () => {
    expect(readInputs(reader({ profile: ' restricted ' })).profile).toBe('restricted');
    expect(() => readInputs(reader({ profile: 'strict' }))).toThrow(
      'input profile must be default, restricted, all, not "strict"',
    );
  });
});
