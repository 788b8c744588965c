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
