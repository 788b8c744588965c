import type { KubeObject, Manifest } from '../model/manifest.js';
import { clusterScopedCustomKinds, DEFAULT_NAMESPACE, placeInNamespace } from '../model/namespace-scope.js';
import { describeRef, nameOf, namespaceOf, refOf } from '../model/object-ref.js';
import { applyPodAdmission } from './defaults/admission.js';
import { applyDefaults, defaultingKeeps, defaultInPlace, markDefaulted } from './defaults/index.js';
import { ensureObject } from './defaults/fields.js';
import { serviceClusterIp } from './objects/addresses.js';
import { fnv1a32, generatedName } from './objects/names.js';
import { isCyclic, sameAsCopy } from '../model/copy-json.js';
import { sameTemplate } from './objects/template-equality.js';
import { pendingStatus } from './objects/pod-status.js';
import { metadataOf, uidOf, type SimulationState } from './state.js';
import { admitPod } from './admission/admit-pod.js';
import { templateGeneration, TEMPLATE_GENERATION } from './controllers/daemonset.js';
import { asString, canonicalEqual, isObject, objectAt } from '../model/json.js';

/** Objects kubeplan recomputes itself: those of `--current` are dropped, not kept stale. */
export const RECOMPUTED_KINDS = new Set(['EndpointSlice', 'Endpoints', 'Event']);

/** Server bookkeeping that says nothing about what the cluster does; dropped from current objects. */
function dropBookkeeping(object: KubeObject): void {
  const metadata = objectAt(object, 'metadata');
  if (metadata) delete metadata.managedFields;
}

/** Who owns the current objects a simulation is given (SimulationInput.currentObjects). */
export type CurrentObjects = 'copies' | 'results';

/**
 * A current object as the API server stores it: defaulted, without bookkeeping. Copied, unless
 * the caller owns the object (`owned`): a fresh copy (`copies`) is defaulted in place, which is
 * what defaulting a copy of it would give. An object of an earlier run (`results`) that is stored
 * like that already is kept itself rather than its copy: the run then shares its objects with the
 * earlier one instead of holding a copy of each, and caches keyed by objects (the comparable form
 * of a pod template) keep their entries. Sharing is safe as no stored object is ever changed in
 * place (SimulationState), and `create` writes no uid or creation time into an object that has both.
 * Whether defaulting would change such an object is told without copying it where its kind
 * allows (defaultingKeeps): the first run's objects are defaulted already, and nearly all come
 * out unchanged.
 */
function storedForm(object: KubeObject, owned: CurrentObjects | undefined): KubeObject {
  if (owned === 'copies') {
    defaultInPlace(object);
    dropBookkeeping(object);
    markDefaulted(object);
    return object;
  }
  if (owned === 'results' && isComplete(object) && !hasBookkeeping(object) && defaultingKeeps(object)) return object;
  const copy = applyDefaults(object);
  dropBookkeeping(copy);
  if (owned !== 'results') return copy;
  return isComplete(object) && sameAsCopy(object, copy) ? object : copy;
}

/** Whether the object has a uid and a creation time, which `create` then leaves as they are. */
function isComplete(object: KubeObject): boolean {
  const metadata = objectAt(object, 'metadata');
  return metadata?.uid != null && metadata.creationTimestamp != null;
}

/** Whether dropBookkeeping would change the object. */
function hasBookkeeping(object: KubeObject): boolean {
  const metadata = objectAt(object, 'metadata');
  return metadata !== undefined && Object.hasOwn(metadata, 'managedFields');
}

/**
 * Objects of `--current`, as the cluster has them (status included). Nodes there are left out:
 * the cluster model has its own (`--cluster`, node groups or the embedded cluster). An object
 * that contains itself is left out with a warning, unless the caller owns the objects (`owned`,
 * SimulationInput.currentObjects) and has left those out itself.
 */
export function admitCurrent(state: SimulationState, manifests: readonly Manifest[], owned?: CurrentObjects): void {
  const nodes: Manifest[] = [];
  for (const manifest of manifests) {
    if (!owned && isCyclic(manifest.object)) {
      const message = `${describeRef(manifest.ref)} contains itself through a YAML alias, which no cluster dump does; it is left out of the current state`;
      state.report({ ruleId: 'current-object-ignored', severity: 'warning', message, origin: manifest, pointer: '' });
      continue;
    }
    if (manifest.object.kind === 'Node') {
      nodes.push(manifest);
      continue;
    }
    if (RECOMPUTED_KINDS.has(String(manifest.object.kind))) continue;
    state.create(storedForm(manifest.object, owned), manifest);
  }
  if (nodes.length) {
    const names = `${nodes
      .slice(0, 3)
      .map((m) => m.ref.name)
      .join(', ')}${nodes.length > 3 ? ', ...' : ''}`;
    const message = `${nodes.length === 1 ? `Node ${names} is` : `${nodes.length} Nodes (${names}) are`} left out: the plan's nodes come from --cluster, the configuration's node groups or the embedded cluster, not from --current`;
    state.report({ ruleId: 'current-object-ignored', severity: 'info', message, origin: nodes[0]!, pointer: '/kind' });
  }
}

/**
 * The input objects as the API server stores them: defaulted, in `namespace` (kubectl's `-n`,
 * default `default`) when namespaced and without one, replacing the current object of the same
 * identity (keeping its uid, creation time and status, with `generation` one higher when the spec changed), with
 * what registries add: cluster IPs of Services, the selector and labels of Jobs, admission of
 * bare Pods. Returns the objects it could not admit (a bare Pod refused by admission).
 */
export function admitDesired(
  state: SimulationState,
  manifests: readonly Manifest[],
  namespace: string = DEFAULT_NAMESPACE,
  crds: readonly Manifest[] = [],
): void {
  const takenIps = new Set(state.list('Service', '').map((e) => String(objectAt(e.object, 'spec')?.clusterIP ?? '')));
  takenIps.add('10.96.0.1');
  // Custom kinds whose CustomResourceDefinition (in the cluster, the input or `--crd`) says `scope: Cluster`.
  const clusterScoped = clusterScopedCustomKinds([
    ...state.list('CustomResourceDefinition', 'apiextensions.k8s.io').map((e) => e.object),
    ...[...manifests, ...crds].map((m) => m.object),
  ]);
  for (const manifest of manifests) {
    const object = applyDefaults(manifest.object);
    const metadata = metadataOf(object);
    placeInNamespace(metadata, object, clusterScoped, namespace);
    // An object named only by generateName gets its name when the API server creates it (the
    // first free generated name, as a controller's pods get theirs), so two such objects are two.
    const generateName = asString(metadata.generateName);
    if (nameOf(object) === '' && generateName)
      metadata.name = generatedName(generateName, (name) => state.has({ ...refOf(object), name })).name;
    const current = state.get(refOf(object));
    if (current) {
      const old = metadataOf(current.object);
      metadata.uid = old.uid;
      metadata.creationTimestamp = old.creationTimestamp;
      const changed = !canonicalEqual(object.spec, current.object.spec);
      if (typeof old.generation === 'number') metadata.generation = changed ? old.generation + 1 : old.generation;
      if (current.object.status !== undefined && !changed) object.status = current.object.status;
      else if (object.kind === 'StatefulSet') keepRevision(object, current.object);
      if (object.kind === 'Service') keepAllocatedServiceFields(object, current.object);
      state.remove(current.object);
    } else {
      metadata.generation = 1;
    }
    if (object.kind === 'DaemonSet' && object.apiVersion === 'apps/v1') setTemplateGeneration(object, current?.object);
    if (object.kind === 'Service' && object.apiVersion === 'v1') allocateClusterIp(object, takenIps);
    // A bare Pod goes through admission before it is stored, as a controller's pods do.
    if (object.kind === 'Pod' && object.apiVersion === 'v1' && !admitBarePod(state, object, manifest)) continue;
    state.create(object, manifest);
    if (object.kind === 'Job' && object.apiVersion === 'batch/v1') addJobSelector(object);
    if (current) shareUnchangedSpec(object, current.object);
  }
}

/**
 * A spec that comes out of admission exactly as the current object's (the same keys in the same
 * order: nothing can tell them apart) is kept as that object, not as the new copy: the second
 * run of a transition applies every manifest again, and a shared spec keeps its pod template's
 * comparable form (template-equality.ts, cached by object) and is held once, not twice. Done last,
 * as admission no longer changes the spec in place, and no stored object is changed in place.
 */
function shareUnchangedSpec(object: KubeObject, current: KubeObject): void {
  if (object.spec !== current.spec && sameAsCopy(current.spec, object.spec)) object.spec = current.spec;
}

/**
 * A StatefulSet whose spec changed but not its template keeps the revision its pods carry
 * (statefulSetRevision), so that scaling it does not replace them.
 */
function keepRevision(set: KubeObject, current: KubeObject): void {
  const revision = objectAt(current, 'status')?.updateRevision;
  if (
    typeof revision !== 'string' ||
    !sameTemplate(objectAt(current, 'spec')?.template, objectAt(set, 'spec')?.template)
  )
    return;
  set.status = { ...(objectAt(set, 'status') ?? {}), currentRevision: revision, updateRevision: revision };
}

/**
 * The API server counts a DaemonSet's template versions (`deprecated.daemonset.template.generation`):
 * 1 at creation, one more each time an update changes the template. Its pods carry the number.
 */
function setTemplateGeneration(ds: KubeObject, current: KubeObject | undefined): void {
  const old = current ? Number(templateGeneration(current)) : 0;
  const generation =
    current && sameTemplate(objectAt(current, 'spec')?.template, objectAt(ds, 'spec')?.template) ? old : old + 1;
  const metadata = metadataOf(ds);
  metadata.annotations = {
    ...(isObject(metadata.annotations) ? metadata.annotations : {}),
    [TEMPLATE_GENERATION]: String(generation),
  };
}

function keepAllocatedServiceFields(service: KubeObject, current: KubeObject): void {
  const spec = ensureObject(service, 'spec');
  const old = objectAt(current, 'spec');
  if (!spec || !old) return;
  for (const key of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy'])
    if (spec[key] === undefined && old[key] !== undefined) spec[key] = old[key];
}

/** A ClusterIP Service gets a cluster IP, single-stack IPv4 (headless `None` and ExternalName get none). */
function allocateClusterIp(service: KubeObject, taken: Set<string>): void {
  const spec = ensureObject(service, 'spec');
  if (!spec || spec.type === 'ExternalName') return;
  if (spec.clusterIP === undefined || spec.clusterIP === '')
    spec.clusterIP = serviceClusterIp(namespaceOf(service), String(metadataOf(service).name), fnv1a32, taken);
  if (spec.clusterIPs === undefined) spec.clusterIPs = [spec.clusterIP];
  if (spec.clusterIP !== 'None') {
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
  }
}

/**
 * The Job registry's additions (`pkg/registry/batch/job/strategy.go`): unless `manualSelector`,
 * the selector is the Job's uid and the template carries the uid and job-name labels.
 */
function addJobSelector(job: KubeObject): void {
  const spec = objectAt(job, 'spec');
  if (!spec || spec.manualSelector === true) return;
  const uid = uidOf(job);
  const name = String(metadataOf(job).name);
  spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
  const template = ensureObject(spec, 'template');
  const templateMeta = template && ensureObject(template, 'metadata');
  if (!templateMeta) return;
  const labels = isObject(templateMeta.labels) ? templateMeta.labels : {};
  templateMeta.labels = {
    ...labels,
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': name,
    'controller-uid': uid,
    'job-name': name,
  };
}

/** A Pod of the input goes through the same admission as a controller's pods. */
/** Whether admission takes a Pod of the input, not stored yet (changing it as admission does); a refusal is reported. */
function admitBarePod(state: SimulationState, pod: KubeObject, manifest: Manifest): boolean {
  if (!isObject(pod.spec)) return true;
  const admitted = Object.assign(pod, { spec: applyPodAdmission(pod.spec) });
  const refused = admitPod(state, admitted);
  if (refused) {
    state.report({
      ruleId: 'pod-forbidden',
      severity: 'error',
      message: `the API server refuses ${describeRef(refOf(pod))}: ${refused.message}`,
      origin: manifest,
      pointer: `/spec${refused.pointer ? `/${refused.pointer}` : ''}`,
    });
    return false;
  }
  pod.status = pendingStatus(admitted.spec);
  return true;
}
