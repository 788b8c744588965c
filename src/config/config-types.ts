import type { DiffConfig } from '../diff/ignore-rules.js';
import type { RuleProfile } from '../lint/rule-profiles.js';
import type { RuleConfig } from '../lint/rule-settings.js';
import type { FailOn } from '../model/severity.js';
import type { NodeGroup } from '../simulate/cluster/node-groups.js';

/** `.kubeplan.yaml`, after validation. Every section is optional. */
export interface KubeplanConfig {
  /** The Kubernetes release to check against (`"1.36"`); `--kube-version` overrides it. */
  kubernetesVersion?: string;
  /** The severity at which `kubeplan lint` exits 1; `--fail-on` overrides it. */
  failOn?: FailOn;
  /** Globs of paths not to read, added to `--exclude`. */
  ignorePaths?: string[];
  /** The file this configuration was read from (set by loadConfigFile): `ignorePaths` are relative to its folder. */
  file?: string;
  inlineIgnores?: {
    /** False makes `kubeplan.io/ignore` annotations ineffective (as `--no-inline-ignores`). */
    enabled?: boolean;
    /** Rules that annotations may not suppress. */
    forbid?: string[];
  };
  /** Which rules run when `rules` names none of them: default, restricted or all; `--profile` overrides it. */
  profile?: RuleProfile;
  /** Severity (`off` disables) and options per rule id; a rule named here runs in any profile. */
  rules?: Record<string, RuleConfig>;
  /** The cluster model of `kubeplan plan` when no `--cluster` file is given. */
  cluster?: {
    nodeGroups?: NodeGroup[];
  };
  /** What `kubeplan diff` and `check` leave out of the comparison. */
  diff?: DiffConfig;
}
