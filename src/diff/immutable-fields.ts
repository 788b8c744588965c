import { findingAt, type Finding } from '../model/finding.js';
import { copyJson } from '../model/copy-json.js';
import { fieldPath, valueAt } from '../model/json-pointer.js';
import type { KubeObject, Manifest } from '../model/manifest.js';
import { groupKindOfObject } from '../model/group-kind.js';
import { describeRef, type ObjectRef } from '../model/object-ref.js';
import { compareQuantities, parseQuantity } from '../model/quantity.js';
import { firstDifference } from './first-difference.js';
import { deepEqual, isObject, objectAt, type JsonObject } from '../model/json.js';

/** A field whose change the API server refuses, with the reason it gives. */
interface Violation {
  /** The immutable field (`/spec/selector`); the finding points at the first change inside it. */
  pointer: string;
  reason: string;
  remediation: string;
  /** Never show the values (a Secret's data). */
  hideValues?: boolean;
}

const RECREATE = (what: string): string =>
  `keep the current value, or delete the ${what} and create it again (kubectl replace --force): it is gone in between`;

const STATEFULSET_REASON =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";
const STATEFULSET_MUTABLE = new Set([
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'revisionHistoryLimit',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
]);

/** Pod template fields a suspended Job that never ran may still change (batch validation). */
const SUSPENDED_JOB_MUTABLE = [
  '/spec/nodeSelector',
  '/spec/affinity',
  '/spec/tolerations',
  '/spec/schedulingGates',
  '/metadata/labels',
  '/metadata/annotations',
];

function spec(object: KubeObject): JsonObject {
  return objectAt(object, 'spec') ?? {};
}

function changed(current: KubeObject, desired: KubeObject, pointer: string): boolean {
  return !deepEqual(valueAt(current, pointer), valueAt(desired, pointer));
}

function immutable(pointers: readonly string[], remediation: string, reason = 'field is immutable') {
  return (current: KubeObject, desired: KubeObject): Violation[] =>
    pointers.filter((p) => changed(current, desired, p)).map((pointer) => ({ pointer, reason, remediation }));
}

/** What a check may look up beyond the object: the StorageClasses of both sides, by name. */
export interface UpdateContext {
  storageClass(name: string): KubeObject | undefined;
}

const RESIZE_REASON =
  'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize';

const CHECKS: Record<string, (current: KubeObject, desired: KubeObject, context: UpdateContext) => Violation[]> = {
  'Deployment.apps': immutable(['/spec/selector'], RECREATE('Deployment')),
  'ReplicaSet.apps': immutable(['/spec/selector'], RECREATE('ReplicaSet')),
  'DaemonSet.apps': immutable(['/spec/selector'], RECREATE('DaemonSet')),
  'StatefulSet.apps': (current, desired) => {
    const fields = new Set([...Object.keys(spec(current)), ...Object.keys(spec(desired))]);
    return [...fields]
      .filter((f) => !STATEFULSET_MUTABLE.has(f) && !deepEqual(spec(current)[f], spec(desired)[f]))
      .map((f) => ({
        pointer: `/spec/${f}`,
        reason: STATEFULSET_REASON,
        remediation: `${RECREATE('StatefulSet')}; kubectl delete --cascade=orphan keeps its pods and volumes while it is recreated`,
      }));
  },
  'Job.batch': (current, desired) => {
    const violations = immutable(['/spec/selector', '/spec/completionMode'], RECREATE('Job'))(current, desired);
    const s = spec(desired);
    const elastic = s.completionMode === 'Indexed' && s.completions === s.parallelism;
    if (!elastic) violations.push(...immutable(['/spec/completions'], RECREATE('Job'))(current, desired));
    if (templateChanged(current, desired))
      violations.push({ pointer: '/spec/template', reason: 'field is immutable', remediation: RECREATE('Job') });
    return violations;
  },
  Service: (current, desired) => {
    const types = [spec(current).type, spec(desired).type];
    const allocated = typeof spec(current).clusterIP === 'string' && spec(current).clusterIP !== '';
    if (types.includes('ExternalName') || !allocated || !('clusterIP' in spec(desired))) return [];
    return immutable(['/spec/clusterIP'], RECREATE('Service'))(current, desired);
  },
  PersistentVolumeClaim: (current, desired, context) => {
    const violations: Violation[] = [];
    const rest = (o: KubeObject): JsonObject => {
      const { resources, volumeAttributesClassName, ...others } = spec(o);
      void volumeAttributesClassName;
      return { ...others, resources: { ...(isObject(resources) ? resources : {}), requests: undefined } };
    };
    if (!deepEqual(rest(current), rest(desired))) {
      violations.push({
        pointer: firstDifference(rest(current), rest(desired), '/spec'),
        reason:
          'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
        remediation: RECREATE('PersistentVolumeClaim (and its data)'),
      });
    }
    const before = parseQuantity(valueAt(current, '/spec/resources/requests/storage'));
    const after = parseQuantity(valueAt(desired, '/spec/resources/requests/storage'));
    const growth = before && after ? compareQuantities(after, before) : 0;
    if (growth < 0) {
      violations.push({
        pointer: '/spec/resources/requests/storage',
        reason: "a claim cannot shrink below its volume's capacity",
        remediation: 'keep the current size; volumes only grow',
      });
    }
    // Growing needs a StorageClass that allows it (the PersistentVolumeClaimResize admission).
    const className = valueAt(desired, '/spec/storageClassName') ?? valueAt(current, '/spec/storageClassName');
    const storageClass = typeof className === 'string' ? context.storageClass(className) : undefined;
    if (growth > 0 && storageClass && storageClass.allowVolumeExpansion !== true) {
      violations.push({
        pointer: '/spec/resources/requests/storage',
        reason: `${RESIZE_REASON} (StorageClass ${String(className)} does not set allowVolumeExpansion: true)`,
        remediation: `set allowVolumeExpansion: true on StorageClass ${String(className)} if its provisioner can grow volumes, or keep the current size`,
      });
    }
    return violations;
  },
  'RoleBinding.rbac.authorization.k8s.io': immutable(['/roleRef'], RECREATE('RoleBinding'), 'cannot change roleRef'),
  'ClusterRoleBinding.rbac.authorization.k8s.io': immutable(
    ['/roleRef'],
    RECREATE('ClusterRoleBinding'),
    'cannot change roleRef',
  ),
  'StorageClass.storage.k8s.io': immutable(
    ['/provisioner', '/parameters', '/reclaimPolicy', '/volumeBindingMode'],
    RECREATE('StorageClass'),
  ),
  Secret: immutableData,
  ConfigMap: immutableData,
};

/** A Secret or ConfigMap marked `immutable: true` keeps its data and the mark for good. */
function immutableData(current: KubeObject, desired: KubeObject): Violation[] {
  if (current.immutable !== true) return [];
  const remediation = `create a new ${String(current.kind)} under another name and point the workloads at it`;
  return immutable(
    ['/immutable', '/data', '/binaryData', '/stringData'],
    remediation,
    'field is immutable when `immutable` is set',
  )(current, desired).map((v) => ({ ...v, hideValues: true }));
}

function templateChanged(current: KubeObject, desired: KubeObject): boolean {
  const before = copyJson(valueAt(current, '/spec/template'));
  const after = copyJson(valueAt(desired, '/spec/template'));
  // A suspended Job may still be told where to run (it has not started any pod yet).
  if (spec(current).suspend === true && spec(desired).suspend === true) {
    for (const pointer of SUSPENDED_JOB_MUTABLE) {
      for (const template of [before, after]) {
        const [parent, key] = [
          valueAt(template, pointer.slice(0, pointer.lastIndexOf('/'))),
          pointer.slice(pointer.lastIndexOf('/') + 1),
        ];
        if (isObject(parent)) delete parent[key];
      }
    }
  }
  return !deepEqual(before, after);
}

function scalar(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? JSON.stringify(value)
    : undefined;
}

/**
 * Errors for the changes of an update the API server would refuse because the field cannot
 * change once the object exists (a Deployment's selector, a Service's cluster IP, a
 * StatefulSet's claim templates, a Job's template, a shrinking claim...). Each points at the
 * first changed line inside the field in the desired manifest; `refused` says why in a line.
 * `current` and `desired` are the normalized objects of both sides (the current one aligned).
 */
export function immutableFieldFindings(
  ref: ObjectRef,
  current: KubeObject,
  desired: KubeObject,
  manifest: Manifest,
  context: UpdateContext,
): { findings: Finding[]; refused?: string } {
  const kind = groupKindOfObject(desired);
  const check = Object.hasOwn(CHECKS, kind) ? CHECKS[kind] : undefined;
  const reasons: string[] = [];
  const findings = (check ? check(current, desired, context) : []).map((v) => {
    const pointer = firstDifference(valueAt(current, v.pointer), valueAt(desired, v.pointer), v.pointer);
    const [before, after] = [scalar(valueAt(current, pointer)), scalar(valueAt(desired, pointer))];
    const values = before && after && !v.hideValues ? ` (${before} → ${after})` : '';
    const reason = `${fieldPath(v.pointer)}: ${v.reason}${values}`;
    reasons.push(reason);
    return findingAt(manifest, {
      ruleId: 'immutable-field',
      severity: 'error',
      message: `${reason}; the API server rejects this update of ${describeRef(ref)}`,
      pointer,
      phase: 'diff',
      remediation: v.remediation,
    });
  });
  return { findings, ...(reasons.length ? { refused: reasons.join('; ') } : {}) };
}
