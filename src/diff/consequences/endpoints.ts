import { findingAt, type Finding } from '../../model/finding.js';
import { plural } from '../../model/plural.js';
import { describeRef, identityKey } from '../../model/object-ref.js';
import type { ServiceSummary } from '../../simulate/simulate.js';
import { compareRefs } from '../identity.js';
import type { ObjectChange } from '../types.js';
import type { Transition } from './transition.js';
import type { EndpointChange } from './types.js';

function byService(services: readonly ServiceSummary[]): Map<string, ServiceSummary> {
  return new Map(services.map((s) => [identityKey(s.service), s]));
}

/**
 * Services whose number of ready endpoints differs between the two simulated clusters (a new
 * Service counts from 0; a removed one is left out). A Service that had endpoints and has none
 * afterwards is an error: whatever sends it traffic gets connection refusals.
 */
export function endpointConsequences(
  changes: readonly ObjectChange[],
  transition: Transition,
): { endpoints: EndpointChange[]; findings: Finding[] } {
  const before = byService(transition.before.services);
  const changeOf = new Map(changes.map((c) => [identityKey(c.ref), c]));
  const endpoints: EndpointChange[] = [];
  const findings: Finding[] = [];
  for (const [key, next] of byService(transition.after.services)) {
    if (next.endpoints === undefined) continue;
    const was = before.get(key)?.endpoints ?? 0;
    if (was === next.endpoints) continue;
    endpoints.push({ service: next.service, before: was, after: next.endpoints });
    const change = changeOf.get(key);
    const manifest = change?.desired ?? change?.current;
    if (next.endpoints === 0 && manifest) {
      findings.push(
        findingAt(manifest, {
          ruleId: 'service-endpoints-lost',
          severity: 'error',
          pointer: '/spec/selector',
          phase: 'diff',
          message: `${describeRef(next.service)} loses all ${plural(was, 'ready endpoint')}: no pod of the new state matches its selector with a ready port, so its clients get no answer`,
          remediation:
            "keep the Service's selector and target ports in step with the labels and ports of the pods it is for",
        }),
      );
    }
  }
  return { endpoints: endpoints.sort((a, b) => compareRefs(a.service, b.service)), findings };
}
