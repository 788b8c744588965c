import { defaultLegacyVolumeSource } from './pod-spec.js';
import { defaultPointer, defaultString, ensureObject } from './fields.js';
import { type JsonObject, objectAt } from '../../model/json.js';

/** A claim's spec, also inside StatefulSet claim templates and ephemeral volumes: volumeMode Filesystem. */
export function defaultPersistentVolumeClaimSpec(spec: JsonObject): void {
  defaultPointer(spec, 'volumeMode', 'Filesystem');
}

/** PersistentVolumeClaim: its spec, and `status.phase: Pending` (SetDefaults_PersistentVolumeClaim). */
export function defaultPersistentVolumeClaim(claim: JsonObject): void {
  const spec = ensureObject(claim, 'spec');
  if (spec) defaultPersistentVolumeClaimSpec(spec);
  const status = ensureObject(claim, 'status');
  if (status) defaultString(status, 'phase', 'Pending');
}

/** PersistentVolume: reclaim policy Retain, volumeMode Filesystem, `status.phase: Pending`. */
export function defaultPersistentVolume(volume: JsonObject): void {
  const spec = ensureObject(volume, 'spec');
  if (spec) {
    defaultString(spec, 'persistentVolumeReclaimPolicy', 'Retain');
    defaultPointer(spec, 'volumeMode', 'Filesystem');
    const hostPath = objectAt(spec, 'hostPath');
    if (hostPath) defaultPointer(hostPath, 'type', '');
    defaultLegacyVolumeSource(spec);
  }
  const status = ensureObject(volume, 'status');
  if (status) defaultString(status, 'phase', 'Pending');
}

/** StorageClass (storage.k8s.io/v1): volumes are deleted with their claim and bound at once. */
export function defaultStorageClass(storageClass: JsonObject): void {
  defaultPointer(storageClass, 'reclaimPolicy', 'Delete');
  defaultPointer(storageClass, 'volumeBindingMode', 'Immediate');
}
