/**
 * kubeplan's library API. The CLI, the GitHub Action and the pre-commit hook only call these.
 */
export { lint, type LintOptions, type LintResult, type LintSummary } from './commands/lint.js';
export type { Finding, Phase } from './model/finding.js';
export type { Manifest, KubeObject } from './model/manifest.js';
export type { ObjectRef } from './model/object-ref.js';
export type { Severity, FailOn } from './model/severity.js';
export { exitCodeFor, EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, type Summary } from './model/summary.js';
export { formatText, type TextOptions } from './report/text.js';
export { formatJson } from './report/json.js';
export { BUILTIN_RULES } from '../rules/index.js';
export type { Rule, RuleMeta, RuleContext, RuleCategory } from './lint/rule.js';
export type { RuleConfig } from './lint/rule-settings.js';
export type { SuppressedFinding } from './lint/run-rules.js';
export { ruleDescriptors } from './lint/rule-descriptors.js';
export { renderRuleDoc, renderRulesMarkdown } from './lint/rule-docs.js';
export { DEFAULT_KUBERNETES_VERSION } from './lint/kube-version.js';
export type { KubeplanConfig } from './config/config-types.js';
export { findConfigFile, loadConfigFile, parseConfig, formatConfigProblem, type ConfigResult } from './config/load-config.js';
export type { ConfigProblem } from './config/config-errors.js';
export { plan, planClock, DEFAULT_NOW, type PlanOptions, type PlanResult } from './commands/plan.js';
export type { ClusterState, ClusterEvent } from './model/cluster-state.js';
export { applyDefaults, hasDefaults } from './simulate/defaults/index.js';
export { applyPodAdmission } from './simulate/defaults/admission.js';
export { planRollingUpdate, rollingParameters, type RollingUpdatePlan, type RolloutStep } from './simulate/controllers/rollout.js';
export { defaultClusterNodes } from './simulate/cluster/default-cluster.js';
export { nodeGroupsToNodes, NODE_GROUPS_SCHEMA, type NodeGroup } from './simulate/cluster/node-groups.js';
export { formatPlanText } from './report/plan-text.js';
export { formatPlanJson } from './report/plan-json.js';
export { formatPlanYaml } from './report/plan-yaml.js';
