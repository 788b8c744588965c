import type { KubeObject, LocateTarget, Manifest } from '../model/manifest.js';
import type { Severity } from '../model/severity.js';
import type { KubeVersion } from './kube-version.js';
import type { ObjectIndex } from './object-index.js';
import type { GroupKind } from '../model/group-kind.js';
import type { PodTemplate } from '../model/pod-template.js';

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

/** Everything `docs/rules.md` and `kubeplan explain` say about a rule. */
export interface RuleMeta {
  /** kebab-case, stable forever: configuration and suppressions name it. */
  id: string;
  category: RuleCategory;
  /** The severity when the configuration does not set one. */
  severity: Severity;
  /** One sentence: what the rule reports. */
  description: string;
  /** Why it matters: what goes wrong in the cluster. */
  rationale: string;
  /** How to fix it, in a sentence or two (also attached to each finding). */
  remediation: string;
  target: RuleTarget;
  /** A manifest that triggers the rule and the same manifest fixed. */
  example: { invalid: string; valid: string };
  options?: RuleOptions;
  /** Behaviour worth knowing: references to objects not in the input, version handling. */
  notes?: string;
}

export interface RuleContext<O = Record<string, unknown>> {
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
   * Reports a problem at an RFC 6901 pointer into this object; the engine adds the position.
   * `at: 'key'` points at the key naming the field rather than its value (a bad label key).
   */
  report(pointer: string, message: string, at?: LocateTarget): void;
}

export interface Rule<O = Record<string, unknown>> {
  meta: RuleMeta;
  check(ctx: RuleContext<O>): void;
}

/** Declares a rule with typed options; the engine hands it the configured options merged over the defaults. */
export function defineRule<O = Record<string, unknown>>(rule: Rule<O>): Rule {
  return rule as unknown as Rule;
}
