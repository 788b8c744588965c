import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { plan } from '../../src/commands/plan.js';
import { writeYaml, YAML_PARSE_OPTIONS, YAML_TO_JS_OPTIONS } from '../../src/load/yaml-options.js';
import { formatPlanJson } from '../../src/report/plan-json.js';
import { formatPlanText } from '../../src/report/plan-text.js';
import { formatPlanYaml, writePlanYaml } from '../../src/report/plan-yaml.js';
import { FLOW_DEPTH, flowYaml } from '../../src/report/plan-yaml-flow.js';

function readBack(text: string): unknown {
  return parse(text, { ...YAML_PARSE_OPTIONS, ...YAML_TO_JS_OPTIONS });
}

function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 7 === 3 ? [value, 'item'] : { a: value };
  return value;
}

/** A custom resource (no CRD: kept as it is) with a map nested `depth` deep, in flow style. */
function deepResource(depth: number): string {
  return `apiVersion: example.com/v1\nkind: Thing\nmetadata:\n  name: deep\nspec: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`;
}

describe('plan YAML at any depth', () => {
  it('prints a custom resource with a map nested 650 deep, which reads back as the JSON output', async () => {
    const result = await plan(['-'], { readStdin: async () => Buffer.from(deepResource(650)) });
    const yaml = formatPlanYaml(result);
    expect(readBack(yaml)).toEqual(JSON.parse(formatPlanJson(result)));
    expect(formatPlanText(result)).toContain('No problems found');
  });

  it('prints documents whose collections are all less than FLOW_DEPTH deep exactly as the yaml package does', () => {
    // The deepest map is at depth FLOW_DEPTH - 1: the document is 0, state 1, items 2, its item 3.
    const document = { state: { items: [nested(FLOW_DEPTH - 3, 'yes')] }, on: 'on', n: 1_000 };
    expect(writePlanYaml(document)).toBe(writeYaml(document));
  });

  it('keeps every scalar of a deep value as it was: quoting, escapes, numbers, empty collections', () => {
    const leaf = {
      yes: 'yes',
      colon: 'a: b',
      dash: '- x',
      separators: 'line\u2028next\u0085\u009f',
      quote: 'say "hi"\n',
      number: 1e21,
      negative: -0.5,
      nothing: null,
      flag: false,
      empty: {},
      none: [],
      'key with: colon': '1_000',
    };
    const document = { top: nested(FLOW_DEPTH + 20, leaf) };
    expect(readBack(writePlanYaml(document))).toEqual(document);
  });

  it('never takes a value of the document for one of its placeholders', () => {
    const document = {
      top: nested(FLOW_DEPTH + 5, 'kubeplan-deep-value-0'),
      word: 'kubeplan-deep-value-0',
      list: ['x - kubeplan-deep-value-0'],
    };
    expect(readBack(writePlanYaml(document))).toEqual(document);
  });

  it('writes flow style without recursion', () => {
    const deep = nested(50_000, 'leaf');
    expect(flowYaml(deep).length).toBeGreaterThan(100_000);
    expect(flowYaml({ a: [1, 'x', { b: null }], 'c d': true })).toBe('{"a": [1, "x", {"b": null}], "c d": true}');
  });
});
