import { createHash } from 'node:crypto';
import type { Finding } from '../model/finding.js';
import { identityKey } from '../model/object-ref.js';

/**
 * A fingerprint that identifies "the same problem" across commits: it ignores line numbers
 * (which move when lines are added above) and uses the rule, the file, the object's identity
 * and the field pointer, plus what keeps distinct problems at one field apart: the rule's
 * message id when the finding has one, so rewording a message (or a value in it, such as the
 * line of a first definition) does not make every finding new; the message text otherwise
 * (schema, simulation and diff findings).
 */
export function findingFingerprint(f: Finding): string {
  const object = f.object ? identityKey(f.object) : '';
  // A message id is a sixth part, so the fingerprints of findings without one stay what they
  // always were.
  const which = f.messageId === undefined ? [f.message] : ['messageId', f.messageId];
  return createHash('sha256')
    .update([f.ruleId, f.file, object, f.pointer, ...which].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}
