import { createHash } from 'node:crypto';
import type { Finding } from '../model/finding.js';
import { identityKey } from '../model/object-ref.js';

/**
 * A fingerprint that identifies "the same problem" across commits: it ignores line numbers
 * (which move when lines are added above) and uses the rule, the file, the object's identity
 * and the field pointer, plus the message to keep distinct problems at one field apart.
 */
export function findingFingerprint(f: Finding): string {
  const object = f.object ? identityKey(f.object) : '';
  return createHash('sha256')
    .update([f.ruleId, f.file, object, f.pointer, f.message].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}
