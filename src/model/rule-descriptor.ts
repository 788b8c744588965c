import type { Severity } from './severity.js';

/** What a report needs to know about a check: the rules of rules/ and the built-in load/schema checks. */
export interface RuleDescriptor {
  id: string;
  /** One sentence: what the check reports. */
  description: string;
  /** Longer explanation: why it matters and how to fix it (Markdown). */
  help: string;
  defaultSeverity: Severity;
  /** Where the check is documented (an absolute URL), when it is published. */
  docsUrl?: string;
  tags?: readonly string[];
}
