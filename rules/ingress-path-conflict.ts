import type { Manifest } from '../src/model/manifest.js';
import { describeRef } from '../src/model/object-ref.js';
import { defineRule } from '../src/lint/rule.js';
import { asString, dig, indexedObjectsIn } from '../src/model/json.js';

interface Claim {
  manifest: Manifest;
  pointer: string;
}

/** class, host, pathType and path → every path that claims it, in input order. */
function claims(ingresses: readonly Manifest[]): Map<string, Claim[]> {
  const map = new Map<string, Claim[]>();
  for (const m of ingresses) {
    const ingressClass =
      asString(dig(m.object, 'spec', 'ingressClassName')) ??
      asString(dig(m.object, 'metadata', 'annotations', 'kubernetes.io/ingress.class')) ??
      '';
    for (const { item: rule, index: r } of indexedObjectsIn(dig(m.object, 'spec', 'rules'))) {
      const host = asString(rule.host) ?? '*';
      for (const { item: path, index: p } of indexedObjectsIn(dig(rule, 'http', 'paths'))) {
        const key = [ingressClass, host, asString(path.pathType) ?? '', asString(path.path) ?? '/'].join('\u0000');
        const list = map.get(key) ?? [];
        list.push({ manifest: m, pointer: `/spec/rules/${r}/http/paths/${p}/path` });
        map.set(key, list);
      }
    }
  }
  return map;
}

/** Every path that repeats an earlier claim, grouped by the Ingress that holds it. */
function conflictsByIngress(
  ingresses: readonly Manifest[],
): Map<Manifest, Array<{ pointer: string; message: string }>> {
  const out = new Map<Manifest, Array<{ pointer: string; message: string }>>();
  for (const [key, list] of claims(ingresses)) {
    const [, host, pathType, path] = key.split('\u0000');
    const first = list[0]!;
    for (const claim of list.slice(1)) {
      const where =
        first.manifest === claim.manifest
          ? 'another path of this Ingress'
          : `${describeRef(first.manifest.ref)} (${first.manifest.source.file}:${first.manifest.locate(first.pointer).line})`;
      const message = `host ${host} path ${path}${pathType ? ` (${pathType})` : ''} is already claimed by ${where}: only one of them gets the traffic`;
      out.set(claim.manifest, [...(out.get(claim.manifest) ?? []), { pointer: claim.pointer, message }]);
    }
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'ingress-path-conflict',
    category: 'references',
    severity: 'warning',
    description: 'Two Ingress paths of the same ingress class claim the same host, path and path type.',
    rationale:
      "Only one of them receives the traffic, and which one depends on the ingress controller (often the oldest Ingress): a deploy can silently take over, or lose, another team's route.",
    remediation: 'Keep one owner per host and path: merge the rules, or give one of them another path or host.',
    target: ['Ingress.networking.k8s.io'],
    notes:
      'Ingresses of different classes (`ingressClassName`, or the older `kubernetes.io/ingress.class` annotation) are served by different controllers and never conflict. Rules without a host claim every host (`*`).',
    example: {
      invalid:
        '# in two Ingresses of class nginx:\nrules:\n  - host: shop.example.com\n    http:\n      paths:\n        - path: /api\n          pathType: Prefix',
      valid: '# one Ingress owns shop.example.com /api',
    },
  },
  check(ctx) {
    const conflicts = ctx.index.memo('ingress-path-conflict', () =>
      conflictsByIngress(ctx.index.ofKind('Ingress.networking.k8s.io')),
    );
    for (const c of conflicts.get(ctx.manifest) ?? []) ctx.report(c.pointer, c.message);
  },
});
