import { BUILTIN_RULES } from '../../rules/index.js';
import type { KubeplanConfig } from '../config/config-types.js';
import { findConfigFile, formatConfigProblem, loadConfigFile } from '../config/load-config.js';
import type { SourceRange } from '../model/source-range.js';
import type { ClusterConfig } from '../simulate/cluster/cluster-model.js';
import type { FailOn } from '../model/severity.js';
import { configuredNodeGroups } from '../commands/configured-cluster.js';
import type { CliIo } from './io.js';

export interface CliConfig {
  config: KubeplanConfig;
  file?: string;
  /** Position of a JSON pointer into the file, for findings about the configuration. */
  locate?: (pointer: string) => SourceRange;
}

/**
 * The configuration of a run: the file named by `--config`, else the nearest `.kubeplan.yaml`
 * found upward from the working directory, else none. Problems are printed and give undefined
 * (the command exits with code 2).
 */
export function loadCliConfig(io: CliIo, explicit: string | undefined): CliConfig | undefined {
  const file = explicit ?? findConfigFile(io.cwd ?? process.cwd());
  if (!file) return { config: {} };
  const result = loadConfigFile(file, BUILTIN_RULES);
  if (result.ok) return { config: result.config, file, ...(result.locate ? { locate: result.locate } : {}) };
  for (const p of result.problems) io.stderr.write(`kubeplan: ${formatConfigProblem(p)}\n`);
  return undefined;
}

/** The configuration's node groups, with where they are written, for the plan's cluster model. */
export function clusterConfigOf(loaded: CliConfig): ClusterConfig | undefined {
  return configuredNodeGroups(loaded.config, loaded.locate);
}

/** The severity at which a run fails: `--fail-on`, else `failOn` of the configuration, else `error`. */
export function failOnOf(flag: FailOn | undefined, config: KubeplanConfig): FailOn {
  return flag ?? config.failOn ?? 'error';
}
