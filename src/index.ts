/**
 * kubeplan's library API. The CLI, the GitHub Action and the pre-commit hook only call these.
 */
export { lint, type LintOptions, type LintResult, type LintSummary } from './commands/lint.js';
export type { Finding, MessageData, Phase } from './model/finding.js';
export type { Manifest, KubeObject } from './model/manifest.js';
export type { ObjectRef } from './model/object-ref.js';
export type { Severity, FailOn } from './model/severity.js';
export { exitCodeFor, EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, type Summary } from './model/summary.js';
export { formatText, type TextOptions } from './report/text.js';
export { formatJson } from './report/json.js';
export { BUILTIN_RULES } from '../rules/index.js';
export type { Rule, RuleMeta, RuleContext, RuleCategory, RuleReport } from './lint/rule.js';
export type { RuleConfig } from './lint/rule-settings.js';
export type { SuppressedFinding } from './lint/run-rules.js';
export { ruleDescriptors } from './lint/rule-descriptors.js';
export { renderRuleDoc, renderRulesMarkdown } from './lint/rule-docs.js';
export { DEFAULT_KUBERNETES_VERSION } from './lint/kube-version.js';
export { DEFAULT_PROFILE, RULE_PROFILES, type RuleProfile } from './lint/rule-profiles.js';
export type { KubeplanConfig } from './config/config-types.js';
export {
  findConfigFile,
  loadConfigFile,
  parseConfig,
  formatConfigProblem,
  type ConfigResult,
} from './config/load-config.js';
export type { ConfigProblem } from './config/config-errors.js';
export { plan, planClock, DEFAULT_NOW, type PlanOptions, type PlanResult, type PlanStage } from './commands/plan.js';
export { loadInputs, runFilter, type InputOptions, type LoadedInputs } from './load/inputs.js';
export { createPathFilter, type ExcludeRules, type PathFilter } from './load/path-filter.js';
export { resolveClusterModel, type ClusterConfig, type ClusterModel } from './simulate/cluster/cluster-model.js';
export type { ClusterState, ClusterEvent } from './model/cluster-state.js';
export { applyDefaults, hasDefaults } from './simulate/defaults/index.js';
export { applyPodAdmission } from './simulate/defaults/admission.js';
export {
  planRollingUpdate,
  rollingParameters,
  type RollingUpdatePlan,
  type RolloutStep,
} from './simulate/controllers/rollout.js';
export { defaultClusterNodes } from './simulate/cluster/default-cluster.js';
export { nodeGroupsToNodes, NODE_GROUPS_SCHEMA, type NodeGroup } from './simulate/cluster/node-groups.js';
export { formatPlanText } from './report/plan-text.js';
export { formatPlanJson } from './report/plan-json.js';
export { formatPlanYaml } from './report/plan-yaml.js';
export {
  diff,
  diffExitCode,
  hasChanges,
  CurrentSourceError,
  type DiffOptions,
  type DiffResult,
  type DiffSummary,
} from './commands/diff.js';
export { check, mergeFindings, type CheckOptions, type CheckResult, type CheckSummary } from './commands/check.js';
export { diffObjects, type DiffObjectsOptions } from './diff/diff-objects.js';
export type { ObjectChange, ChangeAction, ObjectDiff } from './diff/types.js';
export type {
  Consequences,
  WorkloadConsequence,
  EndpointChange,
  RouteChange,
  Rollout,
} from './diff/consequences/types.js';
export { DIFF_CONFIG_SCHEMA, type DiffConfig, type IgnoreRule } from './diff/ignore-rules.js';
export { APPLY_MODES, type ApplyMode, predictLive } from './diff/apply/predict-applied.js';
export { formatDiffText } from './report/diff-text.js';
export { formatDiffJson } from './report/diff-json.js';
export { formatDiffMarkdown } from './report/diff-markdown.js';
export { formatCheckText } from './report/check-text.js';
export { formatCheckJson } from './report/check-json.js';
export { formatCheckMarkdown } from './report/check-markdown.js';
export { formatSarif, type SarifOptions } from './report/sarif.js';
export { formatGithub, type GithubOutput } from './report/github.js';
export { formatJunit, type JunitInput } from './report/junit.js';
export { CORE_CHECKS } from './validate/core-checks.js';
export type { RuleDescriptor } from './model/rule-descriptor.js';
