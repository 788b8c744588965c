import { groupKindOfObject } from '../../model/group-kind.js';
import { isObject, type JsonObject } from '../../model/json.js';
import { podTemplateOf } from '../../model/pod-template.js';
import { ingressProblems } from './ingress.js';
import { objectMetaProblems, subjectProblems } from './object-meta.js';
import { podSpecProblems } from './pod-spec.js';
import { pathOf, type Problems, ROOT } from './problems.js';
import { serviceProblems } from './service.js';
import { replicationControllerProblems, workloadProblems } from './workloads.js';

/**
 * The API server's checks of fields that the OpenAPI schemas let through (a port of 70000, an
 * empty image, a negative replica count, a probe with two handlers): each problem is one
 * `schema-invalid` error in the API server's own words. Only what the server refuses whatever
 * else the object holds is here; a value of the wrong type is the schema's finding and is left
 * alone. Each check was found, and is kept, by the differential test against the API server's
 * validation (test/differential/builtin-validation.test.ts).
 */
export function fieldProblems(object: JsonObject): Problems {
  const out: Problems = [];
  const kind = groupKindOfObject(object);
  objectMetaProblems(object, kind, out);
  if (kind === 'RoleBinding.rbac.authorization.k8s.io' || kind === 'ClusterRoleBinding.rbac.authorization.k8s.io')
    subjectProblems(object, kind === 'RoleBinding.rbac.authorization.k8s.io', out);
  const spec = isObject(object.spec) ? object.spec : undefined;
  const specAt = ROOT.child('spec');
  const template = podTemplateOf(object);
  const templateAt = template ? pathOf(template.specPointer) : undefined;
  if (spec) {
    workloadProblems(kind, spec, specAt, template?.spec, templateAt, out);
    if (kind === 'Service') serviceProblems(spec, specAt, out);
    if (kind === 'Ingress.networking.k8s.io') ingressProblems(spec, specAt, out);
    if (kind === 'ReplicationController') replicationControllerProblems(spec, specAt, template?.labels, out);
  }
  if (template && templateAt) {
    // A StatefulSet's claim templates are volumes of its pods too.
    const claims =
      kind === 'StatefulSet.apps' && spec && Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : [];
    const claimNames = claims.map((c) => (isObject(c) && isObject(c.metadata) ? c.metadata.name : undefined));
    podSpecProblems(template.spec, templateAt, kind === 'Pod', claimNames, out);
  }
  return out;
}
