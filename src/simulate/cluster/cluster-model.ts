import type { Finding } from '../../model/finding.js';
import type { KubeObject } from '../../model/manifest.js';
import { START_OF_FILE, type SourceRange } from '../../model/source-range.js';
import type { LoadOptions } from '../../load/load-manifests.js';
import { defaultClusterNodes } from './default-cluster.js';
import { loadCluster } from './load-cluster.js';
import { nodeGroupsToNodes, type NodeGroup, type NodeGroupProblem } from './node-groups.js';

/** Node groups from a configuration file, with what positions findings about them. */
export interface ClusterConfig {
  nodeGroups: readonly NodeGroup[];
  /** The configuration file. */
  file: string;
  /** Position of a JSON pointer into the file (`/cluster/nodeGroups/0/cpu`); line 1 without it. */
  locate?: (pointer: string) => SourceRange;
}

export interface ClusterModelOptions {
  /** Files with Node objects (`--cluster`): they win over everything else. */
  cluster?: readonly string[];
  /** `cluster.nodeGroups` of the configuration, used when no files are given. */
  clusterConfig?: ClusterConfig;
}

export interface ClusterModel {
  nodes: KubeObject[];
  source: 'default' | 'config' | 'files';
  findings: Finding[];
  ioErrors: number;
}

/** A problem in the configured node groups, at its place in the configuration file. */
function nodeGroupFinding(config: ClusterConfig, problem: NodeGroupProblem): Finding {
  const pointer = `/cluster/nodeGroups${problem.pointer}`;
  const { line, column, endLine, endColumn } = config.locate?.(pointer) ?? START_OF_FILE;
  return {
    ruleId: 'cluster-node-invalid',
    severity: 'error',
    message: problem.message,
    file: config.file,
    line,
    column,
    endLine,
    endColumn,
    pointer,
    phase: 'simulate',
  };
}

/**
 * The nodes a simulation runs on: `--cluster` files, else the configuration's node groups, else
 * the embedded cluster. Problems with either become findings at their place.
 */
export async function resolveClusterModel(options: ClusterModelOptions, load: LoadOptions = {}): Promise<ClusterModel> {
  if (options.cluster?.length) {
    // `--cluster -` reads standard input through the run's one reader, with its size limit.
    const loaded = await loadCluster(options.cluster, load);
    return { nodes: loaded.nodes, source: 'files', findings: loaded.findings, ioErrors: loaded.ioErrors };
  }
  if (options.clusterConfig) {
    const configured = nodeGroupsToNodes(options.clusterConfig.nodeGroups);
    return {
      nodes: configured.nodes,
      source: 'config',
      findings: configured.problems.map((p) => nodeGroupFinding(options.clusterConfig!, p)),
      ioErrors: 0,
    };
  }
  return { nodes: defaultClusterNodes(), source: 'default', findings: [], ioErrors: 0 };
}
