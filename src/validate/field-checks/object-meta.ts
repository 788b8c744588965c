import { isObject, type JsonObject } from '../../model/json.js';
import { dns1123Label, dns1123Subdomain } from '../../model/name-validation.js';
import { isClusterScoped } from '../../model/namespace-scope.js';
import { eachObject, invalid, type Problems, required, ROOT } from './problems.js';

/** An empty name, a namespaced object's namespace; `kind` is the object's group kind. */
export function objectMetaProblems(object: JsonObject, kind: string, out: Problems): void {
  const meta = isObject(object.metadata) ? object.metadata : {};
  // An absent name is the schema's finding; an empty one passes the schema but not the server,
  // except a LimitRange's: the server makes one.
  if (meta.name === '' && !meta.generateName && kind !== 'LimitRange')
    out.push(required(ROOT.child('metadata').child('name'), 'name or generateName is required'));
  // A cluster-scoped object's namespace is cleared, not checked.
  const namespaced =
    typeof object.apiVersion === 'string' &&
    typeof object.kind === 'string' &&
    !isClusterScoped(object.apiVersion, object.kind);
  if (namespaced && typeof meta.namespace === 'string' && meta.namespace !== '')
    for (const e of dns1123Label(meta.namespace))
      out.push(invalid(ROOT.child('metadata').child('namespace'), meta.namespace, e));
}

/** A ServiceAccount subject names a service account (a DNS-1123 subdomain), in a namespace outside a RoleBinding. */
export function subjectProblems(object: JsonObject, inNamespace: boolean, out: Problems): void {
  eachObject(object.subjects, ROOT.child('subjects'), (subject, subjectAt) => {
    if (subject.kind !== 'ServiceAccount') return;
    if (typeof subject.name === 'string' && subject.name !== '')
      for (const e of dns1123Subdomain(subject.name)) out.push(invalid(subjectAt.child('name'), subject.name, e));
    if (!inNamespace && (subject.namespace === undefined || subject.namespace === ''))
      out.push(required(subjectAt.child('namespace')));
  });
}
