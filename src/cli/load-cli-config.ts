import { BUILTIN_RULES } from '../../rules/index.js';
import type { KubeplanConfig } from '../config/config-types.js';
import { findConfigFile, formatConfigProblem, loadConfigFile } from '../config/load-config.js';
import type { CliIo } from './io.js';

/**
 * The configuration of a run: the file named by `--config`, else the nearest `.kubeplan.yaml`
 * found upward from the working directory, else none. Problems are printed and give undefined
 * (the command exits with code 2).
 */
export function loadCliConfig(io: CliIo, explicit: string | undefined): { config: KubeplanConfig; file?: string } | undefined {
  const file = explicit ?? findConfigFile(io.cwd ?? process.cwd());
  if (!file) return { config: {} };
  const result = loadConfigFile(file, BUILTIN_RULES);
  if (result.ok) return { config: result.config, file };
  for (const p of result.problems) io.stderr.write(`kubeplan: ${formatConfigProblem(p)}\n`);
  return undefined;
}
