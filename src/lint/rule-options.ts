import type { RuleOptions } from './rule.js';

/** The options of a rule that takes one list of strings (`allowed`, `mutableTags`, ...). */
export function stringListOption(name: string, description: string, defaults: readonly string[]): RuleOptions {
  return {
    schema: {
      type: 'object',
      properties: { [name]: { type: 'array', items: { type: 'string' }, description } },
      additionalProperties: false,
    },
    defaults: { [name]: [...defaults] },
  };
}
