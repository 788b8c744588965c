import type { LocateTarget, Manifest } from './manifest.js';
import { compareText } from './compare-text.js';
import type { ObjectRef } from './object-ref.js';
import type { Severity } from './severity.js';

/** The values a rule's message template is filled with (`{ container: 'container "web"', tag: 'latest' }`). */
export type MessageData = Readonly<Record<string, string | number>>;

/** The stage of the pipeline that produced a finding. */
export type Phase = 'parse' | 'schema' | 'rule' | 'simulate' | 'diff';

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Path as the user gave it (relative paths stay relative); `<stdin>` for standard input. */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  object?: ObjectRef;
  /** RFC 6901 pointer into the object (`""` for the whole document or file). */
  pointer: string;
  phase: Phase;
  remediation?: string;
  docsUrl?: string;
  /**
   * Which of its rule's messages this is (rule findings only): stable when the text is reworded,
   * so fingerprints use it rather than the message.
   */
  messageId?: string;
  /** The values the message template was filled with. */
  data?: MessageData;
}

/** The one order every output uses: file, position, then rule and message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  );
}

/** What a check says about an object; `findingAt` adds the file and position. */
export interface FindingInit {
  ruleId: string;
  severity: Severity;
  message: string;
  pointer: string;
  phase: Phase;
  /** Point at the key naming the field rather than at its value (for unknown fields). */
  target?: LocateTarget;
  remediation?: string;
  docsUrl?: string;
  messageId?: string;
  data?: MessageData;
}

/** A finding about `manifest` at `init.pointer`, positioned by the manifest's source map. */
export function findingAt(manifest: Manifest, init: FindingInit): Finding {
  const { target, ...rest } = init;
  const pos = manifest.locate(init.pointer, target);
  const finding: Finding = {
    ...rest,
    file: manifest.source.file,
    line: pos.line,
    column: pos.column,
    endLine: pos.endLine,
    endColumn: pos.endColumn,
    object: manifest.ref,
  };
  if (finding.remediation === undefined) delete finding.remediation;
  if (finding.docsUrl === undefined) delete finding.docsUrl;
  if (finding.messageId === undefined) delete finding.messageId;
  if (finding.data === undefined) delete finding.data;
  return finding;
}
