import { findingAt, type Finding } from '../../model/finding.js';
import { describeRef, identityKey } from '../../model/object-ref.js';
import { compareRefs, compareText } from '../identity.js';
import type { IngressRoute } from '../../simulate/endpoints/ingress-routes.js';
import type { IngressSummary } from '../../simulate/simulate.js';
import type { ObjectChange } from '../types.js';
import type { Transition } from './transition.js';
import type { RouteChange } from './types.js';

/** Where a route leads: `frontend:80`, or the backend as written with what is wrong with it. */
function target(route: IngressRoute): string {
  if (route.service !== undefined && route.servicePort !== undefined) return `${route.service}:${route.servicePort}`;
  return route.problem ? `${route.backend} (${route.problem.replace('-', ' ')})` : route.backend;
}

function routesByKey(
  ingresses: readonly IngressSummary[],
): Map<string, { ingress: IngressSummary['ingress']; route: IngressRoute }> {
  const map = new Map<string, { ingress: IngressSummary['ingress']; route: IngressRoute }>();
  for (const { ingress, routes } of ingresses) {
    for (const route of routes) map.set(`${identityKey(ingress)}|${route.host}|${route.path}`, { ingress, route });
  }
  return map;
}

/**
 * Ingress routes (host + path) whose target Service and port differ between the two simulated
 * clusters, or that appear or go away. A backend renamed to a port name that resolves to the
 * same Service port is not a change: the traffic goes where it went. A route that led somewhere
 * and now leads nowhere (its Service or port is gone) is an error, at the route in the Ingress
 * manifest.
 */
export function routeConsequences(
  changes: readonly ObjectChange[],
  transition: Transition,
): { routes: RouteChange[]; findings: Finding[] } {
  const before = routesByKey(transition.before.ingresses);
  const after = routesByKey(transition.after.ingresses);
  const changeOf = new Map(changes.map((c) => [identityKey(c.ref), c]));
  const routes: RouteChange[] = [];
  const findings: Finding[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key);
    const now = after.get(key);
    const [from, to] = [was && target(was.route), now && target(now.route)];
    if (from === to) continue;
    const { ingress, route } = (now ?? was)!;
    routes.push({
      ingress,
      host: route.host,
      path: route.path,
      ...(from !== undefined ? { before: from } : {}),
      ...(to !== undefined ? { after: to } : {}),
    });
    const change = changeOf.get(identityKey(ingress));
    const manifest = change?.desired ?? change?.current;
    if (was && !was.route.problem && now?.route.problem && manifest) {
      findings.push(
        findingAt(manifest, {
          ruleId: 'ingress-route-lost',
          severity: 'error',
          pointer: now.route.pointer,
          phase: 'diff',
          message: `route ${route.host}${route.path} of ${describeRef(ingress)} loses its target: ${from} becomes ${to}`,
          remediation: 'keep the backend in step with the Service: its name and a port name or number it has',
        }),
      );
    }
  }
  routes.sort(
    (a, b) => compareRefs(a.ingress, b.ingress) || compareText(a.host, b.host) || compareText(a.path, b.path),
  );
  return { routes, findings };
}
