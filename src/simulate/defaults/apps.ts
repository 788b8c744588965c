import { defaultPodTemplate } from './pod-spec.js';
import { defaultPersistentVolumeClaim } from './storage.js';
import { defaultPointer, defaultString, ensureObject } from './fields.js';
import { type JsonObject, objectAt, objectsAt } from '../../model/json.js';

/** Facts from `pkg/apis/apps/v1/defaults.go`. */

export function defaultDeployment(deployment: JsonObject): void {
  const spec = ensureObject(deployment, 'spec');
  if (!spec) return;
  defaultPointer(spec, 'replicas', 1);
  const strategy = ensureObject(spec, 'strategy');
  if (strategy) {
    defaultString(strategy, 'type', 'RollingUpdate');
    if (strategy.type === 'RollingUpdate') {
      const rollingUpdate = ensureObject(strategy, 'rollingUpdate');
      if (rollingUpdate) {
        defaultPointer(rollingUpdate, 'maxUnavailable', '25%');
        defaultPointer(rollingUpdate, 'maxSurge', '25%');
      }
    }
  }
  defaultPointer(spec, 'revisionHistoryLimit', 10);
  defaultPointer(spec, 'progressDeadlineSeconds', 600);
  defaultPodTemplate(spec.template);
}

export function defaultReplicaSet(replicaSet: JsonObject): void {
  const spec = ensureObject(replicaSet, 'spec');
  if (!spec) return;
  defaultPointer(spec, 'replicas', 1);
  defaultPodTemplate(spec.template);
}

export function defaultDaemonSet(daemonSet: JsonObject): void {
  const spec = ensureObject(daemonSet, 'spec');
  if (!spec) return;
  const strategy = ensureObject(spec, 'updateStrategy');
  if (strategy) {
    defaultString(strategy, 'type', 'RollingUpdate');
    if (strategy.type === 'RollingUpdate') {
      const rollingUpdate = ensureObject(strategy, 'rollingUpdate');
      if (rollingUpdate) {
        defaultPointer(rollingUpdate, 'maxUnavailable', 1);
        defaultPointer(rollingUpdate, 'maxSurge', 0);
      }
    }
  }
  defaultPointer(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(spec.template);
}

export function defaultStatefulSet(statefulSet: JsonObject): void {
  const spec = ensureObject(statefulSet, 'spec');
  if (!spec) return;
  defaultString(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = ensureObject(spec, 'updateStrategy');
  if (strategy) {
    // rollingUpdate is created only when the type itself was defaulted: an explicit
    // `type: RollingUpdate` without `rollingUpdate` stays that way.
    if (strategy.type === undefined || strategy.type === null || strategy.type === '') {
      strategy.type = 'RollingUpdate';
      defaultPointer(strategy, 'rollingUpdate', {});
    }
    const rollingUpdate = objectAt(strategy, 'rollingUpdate');
    if (strategy.type === 'RollingUpdate' && rollingUpdate) defaultPointer(rollingUpdate, 'partition', 0);
  }
  const retention = ensureObject(spec, 'persistentVolumeClaimRetentionPolicy');
  if (retention) {
    defaultString(retention, 'whenDeleted', 'Retain');
    defaultString(retention, 'whenScaled', 'Retain');
  }
  defaultPointer(spec, 'replicas', 1);
  defaultPointer(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(spec.template);
  for (const claim of objectsAt(spec, 'volumeClaimTemplates')) defaultPersistentVolumeClaim(claim);
}
