import type { KubeplanConfig } from '../config/config-types.js';
import type { SourceRange } from '../model/source-range.js';
import type { ClusterConfig, ClusterModelOptions } from '../simulate/cluster/cluster-model.js';

export interface ClusterOptions {
  /** Files with Node objects (`--cluster`): they win over the configuration's node groups. */
  cluster?: readonly string[];
  /** The configuration's node groups with where they are written; default: those of `config`. */
  clusterConfig?: ClusterConfig;
  config?: KubeplanConfig;
}

/**
 * The cluster model a command runs on, as `resolveClusterModel` takes it: `--cluster` files, else
 * the node groups of the configuration (named by its file, `.kubeplan.yaml` when unknown), else
 * none (the embedded cluster).
 */
export function clusterModelOptions(options: ClusterOptions): ClusterModelOptions {
  const clusterConfig = options.clusterConfig ?? configuredNodeGroups(options.config ?? {});
  return {
    ...(options.cluster?.length ? { cluster: options.cluster } : {}),
    ...(clusterConfig ? { clusterConfig } : {}),
  };
}

/** `cluster.nodeGroups` of a configuration, with its file and, when known, the positions in it. */
export function configuredNodeGroups(
  config: KubeplanConfig,
  locate?: (pointer: string) => SourceRange,
): ClusterConfig | undefined {
  const nodeGroups = config.cluster?.nodeGroups;
  if (!nodeGroups) return undefined;
  return { nodeGroups, file: config.file ?? '.kubeplan.yaml', ...(locate ? { locate } : {}) };
}
