import { SEVERITIES } from '../model/severity.js';
import type { Rule } from '../lint/rule.js';
import { RULE_PROFILES } from '../lint/rule-profiles.js';
import { DIFF_CONFIG_SCHEMA } from '../diff/ignore-rules.js';
import { NODE_GROUPS_SCHEMA } from '../simulate/cluster/node-groups.js';

/**
 * The top-level sections of `.kubeplan.yaml`, each with the JSON Schema of its value. A new
 * section (the simulator's `cluster`, the diff's `diff`) is one more entry here and one more
 * field in `KubeplanConfig`; the loader, its error messages and the docs pick it up.
 */
export interface ConfigSection {
  description: string;
  schema: (rules: readonly Rule[]) => Record<string, unknown>;
}

const SEVERITY_OR_OFF = ['off', ...SEVERITIES];

export const CONFIG_SECTIONS: Readonly<Record<string, ConfigSection>> = {
  kubernetesVersion: {
    description:
      'Kubernetes release to check against, e.g. "1.30" (default: the release whose schemas kubeplan ships).',
    schema: () => ({ type: 'string', pattern: '^v?\\d+\\.\\d+(\\.\\d+)?$' }),
  },
  failOn: {
    description:
      'Lowest severity that makes `kubeplan lint` exit with code 1: error, warning, info or never (default: error).',
    schema: () => ({ enum: ['error', 'warning', 'info', 'never'] }),
  },
  ignorePaths: {
    description: 'Globs of files and directories not to read, as with `--exclude`.',
    schema: () => ({ type: 'array', items: { type: 'string' } }),
  },
  inlineIgnores: {
    description: 'Suppression annotations: `enabled` (default true) and `forbid`, the rules they may not suppress.',
    schema: () => ({
      type: 'object',
      properties: { enabled: { type: 'boolean' }, forbid: { type: 'array', items: { type: 'string' } } },
      additionalProperties: false,
    }),
  },
  cluster: {
    description:
      'The cluster `kubeplan plan` runs on, as `nodeGroups` (name, count, cpu, memory, pods, zones, labels, taints, ...); `--cluster` files replace it.',
    schema: () => ({ type: 'object', properties: { nodeGroups: NODE_GROUPS_SCHEMA }, additionalProperties: false }),
  },
  diff: {
    description:
      'kubeplan diff and check: `mode`, how the manifests are applied (`client`, as `kubectl apply`, the default; `server-side`, as `kubectl apply --server-side`, with `fieldManager` (default `kubectl`) and `forceConflicts`; `whole-object`, the live object replaced by the manifest), and `ignoreDifferences`, fields left out of the comparison per kind (group, name, namespace) by JSON pointer; `*` and `key=value` select list items.',
    schema: () => DIFF_CONFIG_SCHEMA,
  },
  profile: {
    description:
      'Which rules run: `default` (what breaks or endangers a cluster), `restricted` (adds the Pod Security Standards restricted level) or `all`; a rule named under `rules` runs in any profile.',
    schema: () => ({ enum: [...RULE_PROFILES] }),
  },
  rules: {
    description:
      'Per rule id: a severity (off, info, warning, error), or `{severity, options}`; naming a rule turns it on whatever the profile.',
    schema: (rules) => ({
      type: 'object',
      properties: Object.fromEntries(
        rules.map((r) => [
          r.meta.id,
          {
            anyOf: [
              { type: 'string', enum: SEVERITY_OR_OFF },
              {
                type: 'object',
                properties: {
                  severity: { enum: SEVERITY_OR_OFF },
                  options: r.meta.options?.schema ?? { type: 'object', additionalProperties: false },
                },
                additionalProperties: false,
              },
            ],
          },
        ]),
      ),
      additionalProperties: false,
    }),
  },
};

/** The JSON Schema of the whole file. */
export function configSchema(rules: readonly Rule[]): Record<string, unknown> {
  return {
    type: 'object',
    properties: Object.fromEntries(
      Object.entries(CONFIG_SECTIONS).map(([name, section]) => [name, section.schema(rules)]),
    ),
    additionalProperties: false,
  };
}
