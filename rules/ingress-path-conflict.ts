import type { Manifest } from '../src/model/manifest.js';
import { describeRef } from '../src/model/object-ref.js';
import { fieldOf, isString, WRONG_TYPE } from '../src/lint/field-of.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { dig, indexedObjectsIn } from '../src/model/json.js';

interface Claim {
  manifest: Manifest;
  pointer: string;
}

interface Conflict {
  pointer: string;
  /** The path as messages show it: `/api (Prefix)`. */
  path: string;
  host: string;
  /** The first claim, when another Ingress holds it. */
  first?: Claim;
}

/**
 * A string field read for a key: its value, the default when absent, undefined when it has the
 * wrong type (such a path claims nothing knowable, and the schema reports it).
 */
function keyPart(root: unknown, path: readonly string[], absent: string): string | undefined {
  const value = fieldOf(root, path, isString);
  return value === WRONG_TYPE ? undefined : (value ?? absent);
}

/** class, host, pathType and path → every path that claims it, in input order. */
function claims(ingresses: readonly Manifest[]): Map<string, Claim[]> {
  const map = new Map<string, Claim[]>();
  for (const m of ingresses) {
    const className = keyPart(m.object, ['spec', 'ingressClassName'], '');
    const annotated = keyPart(m.object, ['metadata', 'annotations', 'kubernetes.io/ingress.class'], '');
    if (className === undefined || annotated === undefined) continue;
    const ingressClass = className || annotated;
    for (const { item: rule, index: r } of indexedObjectsIn(dig(m.object, 'spec', 'rules'))) {
      const host = keyPart(rule, ['host'], '*');
      if (host === undefined) continue;
      for (const { item: path, index: p } of indexedObjectsIn(dig(rule, 'http', 'paths'))) {
        const pathType = keyPart(path, ['pathType'], '');
        const value = keyPart(path, ['path'], '/');
        if (pathType === undefined || value === undefined) continue;
        const key = [ingressClass, host, pathType, value].join('\u0000');
        const list = map.get(key) ?? [];
        list.push({ manifest: m, pointer: `/spec/rules/${r}/http/paths/${p}/path` });
        map.set(key, list);
      }
    }
  }
  return map;
}

/** Every path that repeats an earlier claim, grouped by the Ingress that holds it. */
function conflictsByIngress(ingresses: readonly Manifest[]): Map<Manifest, Conflict[]> {
  const out = new Map<Manifest, Conflict[]>();
  for (const [key, list] of claims(ingresses)) {
    const [, host, pathType, path] = key.split('\u0000') as [string, string, string, string];
    const first = list[0]!;
    for (const claim of list.slice(1)) {
      const conflict: Conflict = {
        pointer: claim.pointer,
        host,
        path: pathType ? `${path} (${pathType})` : path,
        ...(first.manifest === claim.manifest ? {} : { first }),
      };
      out.set(claim.manifest, [...(out.get(claim.manifest) ?? []), conflict]);
    }
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'ingress-path-conflict',
    category: 'references',
    severity: 'warning',
    profile: 'default',
    description: 'Two Ingress paths of the same ingress class claim the same host, path and path type.',
    rationale:
      "Only one of them receives the traffic, and which one depends on the ingress controller (often the oldest Ingress): a deploy can silently take over, or lose, another team's route.",
    remediation: 'Keep one owner per host and path: merge the rules, or give one of them another path or host.',
    target: ['Ingress.networking.k8s.io'],
    notes:
      'Ingresses of different classes (`ingressClassName`, or the older `kubernetes.io/ingress.class` annotation) are served by different controllers and never conflict. Rules without a host claim every host (`*`).',
    example: {
      invalid: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shop
          namespace: shop
        spec:
          ingressClassName: nginx
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /api
                    pathType: Prefix
                    backend:
                      service:
                        name: shop
                        port:
                          number: 8080
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: api
          namespace: shop
        spec:
          ingressClassName: nginx
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /api
                    pathType: Prefix
                    backend:
                      service:
                        name: api
                        port:
                          number: 8080
      `,
      valid: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shop
          namespace: shop
        spec:
          ingressClassName: nginx
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: shop
                        port:
                          number: 8080
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: api
          namespace: shop
        spec:
          ingressClassName: nginx
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /api
                    pathType: Prefix
                    backend:
                      service:
                        name: api
                        port:
                          number: 8080
      `,
    },
    messages: {
      sameIngress:
        'host {{host}} path {{path}} is already claimed by another path of this Ingress: only one of them gets the traffic',
      otherIngress:
        'host {{host}} path {{path}} is already claimed by {{ingress}} ({{location}}): only one of them gets the traffic',
    },
  },
  check(ctx) {
    // Stryker disable next-line StringLiteral: the key only has to differ from other memos' keys; any other string does
    const conflicts = ctx.index.memo('ingress-path-conflict', () =>
      conflictsByIngress(ctx.index.ofKind('Ingress.networking.k8s.io')),
    );
    for (const c of conflicts.get(ctx.manifest) ?? []) {
      const data = { host: c.host, path: c.path };
      if (!c.first) ctx.report({ pointer: c.pointer, messageId: 'sameIngress', data });
      else
        ctx.report({
          pointer: c.pointer,
          messageId: 'otherIngress',
          data: {
            ...data,
            ingress: describeRef(c.first.manifest.ref),
            location: `${c.first.manifest.source.file}:${c.first.manifest.locate(c.first.pointer).line}`,
          },
        });
    }
  },
});
