import { findingAt, type Finding } from '../model/finding.js';
import type { Manifest } from '../model/manifest.js';
import { severityRank } from '../model/severity.js';
import { isRecognized } from './kinds.js';
import type { KubeVersion } from './kube-version.js';
import { ObjectIndex } from './object-index.js';
import { fillMessage } from './message-template.js';
import type { Rule, RuleContext, RuleReport, RuleTarget } from './rule.js';
import type { RuleSetting } from './rule-settings.js';
import { containerAt, IGNORE_ANNOTATION, isSuppressed, readSuppressions, type Suppressions } from './suppression.js';
import { type GroupKind, groupKindOf } from '../model/group-kind.js';
import { containersOf } from '../model/containers.js';
import { isPodBearing, podTemplateOf } from '../model/pod-template.js';
import { namespaceOf } from '../model/object-ref.js';
import { objectFailure } from '../validate/internal-error.js';

export interface RunRulesOptions {
  settings: readonly RuleSetting[];
  kubernetesVersion: KubeVersion;
  /** False (`--no-inline-ignores`) makes `kubeplan.io/ignore` annotations ineffective. */
  inlineIgnores: boolean;
  /** Rules that annotations may not suppress (`.kubeplan.yaml` `inlineIgnores.forbid`). */
  forbidIgnore: ReadonlySet<string>;
  /** Every rule id there is, enabled or not: suppressions naming others are reported. */
  knownRuleIds: ReadonlySet<string>;
}

export interface RuleRun {
  findings: Finding[];
  /** Findings an annotation suppressed: counted in the summary, never shown as problems. */
  suppressed: SuppressedFinding[];
}

export interface SuppressedFinding {
  finding: Finding;
  /** The object's `kubeplan.io/ignore-reason`, when it gives one. */
  reason?: string;
}

/** Reported by the engine itself, not by a rule of the registry. */
export const ENGINE_RULE_IDS = {
  ruleError: 'rule-error',
  ignoreInvalid: 'ignore-annotation-invalid',
} as const;

function applies(target: RuleTarget, kind: GroupKind): boolean {
  if (target === 'all') return true;
  if (target === 'pod-templates') return isPodBearing(kind);
  return target.includes(kind);
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 200);
}

/**
 * Runs the enabled rules over every recognized object. The index of all objects is built once;
 * each rule sees one object at a time and looks others up in it. A rule that throws becomes a
 * `rule-error` finding on that object and the run goes on.
 */
export function runRules(manifests: readonly Manifest[], options: RunRulesOptions): RuleRun {
  const index = new ObjectIndex(manifests);
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];

  for (const manifest of manifests) {
    // Each rule has its own boundary below; this one catches what fails around the rules (the
    // object's suppressions, pod template or containers): that object gets one finding and the
    // others are still checked.
    try {
      checkObject(manifest, index, options, findings, suppressed);
    } catch (error) {
      findings.push(objectFailure(manifest, 'rule', 'run the rules on', error));
    }
  }
  return { findings, suppressed };
}

/** Runs the enabled rules over one object. */
function checkObject(
  manifest: Manifest,
  index: ObjectIndex,
  options: RunRulesOptions,
  findings: Finding[],
  suppressed: SuppressedFinding[],
): void {
  if (!isRecognized(manifest)) return;
  const kind = groupKindOf(manifest);
  const podTemplate = podTemplateOf(manifest.object);
  const containerNames = podTemplate
    ? containersOf(podTemplate, ['initContainers', 'containers', 'ephemeralContainers']).map((c) => c.name)
    : // Stryker disable next-line ArrayDeclaration: only a suppression naming the mutant's made-up container could tell
      [];
  const suppressions = readSuppressions(manifest, options.knownRuleIds, containerNames);
  for (const p of suppressions.problems) {
    findings.push(
      findingAt(manifest, {
        ruleId: ENGINE_RULE_IDS.ignoreInvalid,
        severity: 'warning',
        message: p.message,
        pointer: p.pointer,
        phase: 'rule',
      }),
    );
  }

  const namespace = namespaceOf(manifest.object);
  for (const setting of options.settings) {
    const { rule, severity } = setting;
    if (!applies(rule.meta.target, kind)) continue;
    const emit = (problem: RuleReport): void => {
      const finding = findingAt(manifest, {
        ruleId: rule.meta.id,
        severity: problem.atMost && severityRank(problem.atMost) < severityRank(severity) ? problem.atMost : severity,
        message: messageOf(rule, problem),
        pointer: problem.pointer,
        phase: 'rule',
        remediation: rule.meta.remediation,
        messageId: problem.messageId,
        data: problem.data ?? {},
        ...(problem.at ? { target: problem.at } : {}),
      });
      route(finding, suppressions, manifest, options, findings, suppressed);
    };
    const ctx: RuleContext = {
      manifest,
      object: manifest.object,
      kind,
      namespace,
      podTemplate,
      index,
      options: setting.options,
      kubernetesVersion: options.kubernetesVersion,
      report: emit,
    };
    try {
      rule.check(ctx);
    } catch (error) {
      findings.push(
        findingAt(manifest, {
          ruleId: ENGINE_RULE_IDS.ruleError,
          severity: 'error',
          message: `rule ${rule.meta.id} failed on this object (${firstLine(error)}); the other rules still ran; please report this`,
          pointer: '',
          phase: 'rule',
        }),
      );
    }
  }
}

/** The text of a reported message; an id the rule does not declare is a bug of the rule, and throws. */
function messageOf(rule: Rule, problem: RuleReport): string {
  const { messages } = rule.meta;
  const template = Object.hasOwn(messages, problem.messageId) ? messages[problem.messageId] : undefined;
  if (template === undefined) throw new Error(`rule ${rule.meta.id} has no message "${problem.messageId}"`);
  return fillMessage(template, problem.data);
}

/** Sends a finding to the suppressed list when an annotation allows it, or to the findings. */
function route(
  finding: Finding,
  s: Suppressions,
  m: Manifest,
  options: RunRulesOptions,
  findings: Finding[],
  suppressed: SuppressedFinding[],
): void {
  if (!options.inlineIgnores || !isSuppressed(s, finding.ruleId, containerAt(m, finding.pointer))) {
    findings.push(finding);
  } else if (options.forbidIgnore.has(finding.ruleId)) {
    findings.push({
      ...finding,
      message: `${finding.message} (not suppressed: .kubeplan.yaml forbids ${IGNORE_ANNOTATION} for this rule)`,
    });
  } else {
    suppressed.push(s.reason === undefined ? { finding } : { finding, reason: s.reason });
  }
}
