import type { KubeObject, LocateTarget, Manifest } from '../model/manifest.js';
import type { MessageData } from '../model/finding.js';
import type { Severity } from '../model/severity.js';
import type { KubeVersion } from './kube-version.js';
import type { ObjectIndex } from './object-index.js';
import type { GroupKind } from '../model/group-kind.js';
import type { PodTemplate } from '../model/pod-template.js';
import type { RuleProfile } from './rule-profiles.js';

export type RuleCategory =
  | 'images'
  | 'resources'
  | 'probes'
  | 'security'
  | 'workloads'
  | 'references'
  | 'api'
  | 'names';

export const CATEGORY_TITLES: Readonly<Record<RuleCategory, string>> = {
  images: 'Images',
  resources: 'Resources',
  probes: 'Probes',
  security: 'Security (Pod Security Standards)',
  workloads: 'Workload shape',
  references: 'References between objects',
  api: 'API versions',
  names: 'Names and labels',
};

/** Which objects the engine hands to a rule. */
export type RuleTarget = 'all' | 'pod-templates' | readonly GroupKind[];

export interface RuleOptions {
  /** JSON Schema of the options object; `.kubeplan.yaml` is validated against it. */
  schema: Record<string, unknown>;
  defaults: Record<string, unknown>;
}

/**
 * A rule's messages by id. The id (`movingTag`) is stable: findings carry it and fingerprints use
 * it, so rewording a message keeps the identity of its findings. `{{name}}` placeholders are
 * filled from the report's `data`.
 */
export type RuleMessages<M extends string = string> = Readonly<Record<M, string>>;

/** Everything `docs/rules.md` and `kubeplan explain` say about a rule. */
export interface RuleMeta<M extends string = string> {
  /** kebab-case, stable forever: configuration and suppressions name it. */
  id: string;
  category: RuleCategory;
  /** The severity when the configuration does not set one. */
  severity: Severity;
  /** The smallest profile that runs the rule (rule-profiles.ts); configuring it runs it in any. */
  profile: RuleProfile;
  /** One sentence: what the rule reports. */
  description: string;
  /** Why it matters: what goes wrong in the cluster. */
  rationale: string;
  /** How to fix it, in a sentence or two (also attached to each finding). */
  remediation: string;
  target: RuleTarget;
  /**
   * Complete manifests (several documents when the rule looks at other objects): one the rule
   * reports, and the same fixed. The docs show them and a test runs them.
   */
  example: { invalid: string; valid: string };
  /** Every message the rule reports, by id. */
  messages: RuleMessages<M>;
  options?: RuleOptions;
  /** Behaviour worth knowing: references to objects not in the input, version handling. */
  notes?: string;
}

/** One problem a rule reports: where, which of its messages, and the values of its placeholders. */
export interface RuleReport<M extends string = string> {
  /** RFC 6901 pointer into the object; the engine adds the position. */
  pointer: string;
  messageId: M;
  data?: MessageData;
  /** `'key'` points at the key naming the field rather than its value (a bad label key). */
  at?: LocateTarget;
  /**
   * At most this severity, for a case the rule is less sure of (a copy of an object in another
   * file may be an alternative, not a mistake): it lowers the configured severity, never raises it.
   */
  atMost?: Severity;
}

export interface RuleContext<O = Record<string, unknown>, M extends string = string> {
  readonly manifest: Manifest;
  readonly object: KubeObject;
  readonly kind: GroupKind;
  /** `""` when the manifest does not set one. */
  readonly namespace: string;
  /** The object's pod template, for pod-bearing kinds. */
  readonly podTemplate: PodTemplate | undefined;
  /** Every object of the run, for cross-object rules. */
  readonly index: ObjectIndex;
  readonly options: O;
  readonly kubernetesVersion: KubeVersion;
  /**
   * Reports a problem: the engine fills the message's placeholders from `data` (a report naming
   * an unknown message, or leaving a placeholder without data, fails the rule on this object).
   */
  report(problem: RuleReport<M>): void;
}

export interface Rule<O = Record<string, unknown>, M extends string = string> {
  meta: RuleMeta<M>;
  check(ctx: RuleContext<O, M>): void;
}

/**
 * Declares a rule with typed options and message ids (inferred from `meta.messages` when no
 * options type is given); the engine hands it the configured options merged over the defaults.
 */
export function defineRule<O = Record<string, unknown>, M extends string = string>(rule: Rule<O, M>): Rule {
  return rule as unknown as Rule;
}
