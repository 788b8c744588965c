import { defaultPullPolicy } from './image-pull-policy.js';
import { defaultInteger, defaultPointer, defaultString, ensureObject, isEmptyCollection } from './fields.js';
import { defaultPersistentVolumeClaimSpec } from './storage.js';
import { type JsonObject, isObject, objectAt, objectsAt } from '../../model/json.js';
import { ALL_CONTAINER_TYPES, type ContainerType, specContainers } from '../../model/containers.js';

/**
 * Defaults of a pod spec wherever one appears: in a Pod and in every pod template (Deployment,
 * StatefulSet, Job, ...), after `pkg/apis/core/v1/defaults.go` (SetDefaults_PodSpec and what the
 * generated defaulters call for its containers, probes and volumes).
 */
export function defaultPodSpec(spec: JsonObject): void {
  defaultString(spec, 'dnsPolicy', 'ClusterFirst');
  defaultString(spec, 'restartPolicy', 'Always');
  defaultPointer(spec, 'securityContext', {});
  defaultPointer(spec, 'terminationGracePeriodSeconds', 30);
  defaultString(spec, 'schedulerName', 'default-scheduler');
  for (const volume of objectsAt(spec, 'volumes')) defaultVolume(volume);
  // Ephemeral containers too: their common fields are defaulted like the others'.
  for (const c of specContainers(spec, ALL_CONTAINER_TYPES)) defaultContainer(c.container);
}

/** The containers SetDefaults_Pod walks: app and init containers, never ephemeral ones. */
const APP_AND_INIT: readonly ContainerType[] = ['containers', 'initContainers'];

/**
 * What only a Pod gets, not a pod template (SetDefaults_Pod): requests copied from limits,
 * pod-level requests from pod-level limits, service links, and host ports under host networking.
 * This is why a Deployment's template never shows `enableServiceLinks` but its pods do.
 */
export function defaultPodOnlyFields(spec: JsonObject): void {
  for (const c of specContainers(spec, APP_AND_INIT)) requestsFromLimits(objectAt(c.container, 'resources'));
  defaultPodLevelRequests(spec);
  defaultPointer(spec, 'enableServiceLinks', true);
  if (spec.hostNetwork === true) {
    for (const c of specContainers(spec, APP_AND_INIT)) {
      for (const port of objectsAt(c.container, 'ports')) {
        if (port.hostPort === undefined || port.hostPort === null || port.hostPort === 0)
          port.hostPort = port.containerPort;
      }
    }
  }
}

function requestsFromLimits(resources: JsonObject | undefined): void {
  const limits = resources && objectAt(resources, 'limits');
  if (!resources || !limits) return;
  const requests = ensureObject(resources, 'requests');
  if (!requests) return;
  for (const [name, value] of Object.entries(limits)) if (!Object.hasOwn(requests, name)) requests[name] = value;
}

/**
 * Pod-level resources (PodLevelResources, on by default since 1.34): with pod-level limits set,
 * a resource no container requests gets its pod-level request from the pod-level limit. A
 * resource containers do request would default to their aggregate; kubeplan leaves that one
 * unset (documented in docs/defaults.md) as the scheduler computes the same aggregate anyway.
 */
function defaultPodLevelRequests(spec: JsonObject): void {
  const resources = objectAt(spec, 'resources');
  const limits = resources && objectAt(resources, 'limits');
  if (!resources || !limits || isEmptyCollection(limits)) return;
  const requested = new Set<string>();
  for (const c of specContainers(spec, APP_AND_INIT)) {
    const requests = objectAt(objectAt(c.container, 'resources') ?? {}, 'requests');
    for (const name of Object.keys(requests ?? {})) requested.add(name);
  }
  const supported = (name: string): boolean => name === 'cpu' || name === 'memory' || name.startsWith('hugepages-');
  const missing = Object.keys(limits).filter((name) => supported(name) && !requested.has(name));
  if (missing.length === 0) return;
  const requests = ensureObject(resources, 'requests');
  if (!requests) return;
  for (const name of missing) if (!Object.hasOwn(requests, name)) requests[name] = limits[name];
}

function defaultContainer(container: JsonObject): void {
  if (isEmptyString(container.imagePullPolicy)) container.imagePullPolicy = defaultPullPolicy(container.image);
  defaultString(container, 'terminationMessagePath', '/dev/termination-log');
  defaultString(container, 'terminationMessagePolicy', 'File');
  for (const port of objectsAt(container, 'ports')) defaultString(port, 'protocol', 'TCP');
  for (const env of objectsAt(container, 'env')) defaultFieldRef(objectAt(env, 'valueFrom') ?? {});
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = objectAt(container, key);
    if (probe) defaultProbe(probe);
  }
  const lifecycle = objectAt(container, 'lifecycle');
  for (const key of ['postStart', 'preStop']) {
    const httpGet = objectAt(objectAt(lifecycle ?? {}, key) ?? {}, 'httpGet');
    if (httpGet) defaultHttpGet(httpGet);
  }
}

function isEmptyString(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function defaultProbe(probe: JsonObject): void {
  defaultInteger(probe, 'timeoutSeconds', 1);
  defaultInteger(probe, 'periodSeconds', 10);
  defaultInteger(probe, 'successThreshold', 1);
  defaultInteger(probe, 'failureThreshold', 3);
  const httpGet = objectAt(probe, 'httpGet');
  if (httpGet) defaultHttpGet(httpGet);
  // GRPCAction.service is declared `+default=""`, so it appears as an empty string.
  const grpc = objectAt(probe, 'grpc');
  if (grpc) defaultPointer(grpc, 'service', '');
}

function defaultHttpGet(httpGet: JsonObject): void {
  defaultString(httpGet, 'path', '/');
  defaultString(httpGet, 'scheme', 'HTTP');
}

/** The volume sources a pod volume can name; a volume with none of them becomes an emptyDir. */
const VOLUME_SOURCES = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
];

/** Volume file permissions default to 0644 (420) for Secret, ConfigMap, downward API and projected volumes. */
const DEFAULT_MODE = 420;

function defaultVolume(volume: JsonObject): void {
  if (!VOLUME_SOURCES.some((key) => volume[key] !== undefined && volume[key] !== null)) volume.emptyDir = {};
  for (const key of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const source = objectAt(volume, key);
    if (source) defaultPointer(source, 'defaultMode', DEFAULT_MODE);
  }
  const hostPath = objectAt(volume, 'hostPath');
  if (hostPath) defaultPointer(hostPath, 'type', '');
  for (const item of objectsAt(objectAt(volume, 'downwardAPI'), 'items')) defaultFieldRef(item);
  for (const projection of objectsAt(objectAt(volume, 'projected'), 'sources')) {
    for (const item of objectsAt(objectAt(projection, 'downwardAPI'), 'items')) defaultFieldRef(item);
    const token = objectAt(projection, 'serviceAccountToken');
    if (token) defaultPointer(token, 'expirationSeconds', 3600);
  }
  const claimSpec = objectAt(objectAt(objectAt(volume, 'ephemeral') ?? {}, 'volumeClaimTemplate') ?? {}, 'spec');
  if (claimSpec) defaultPersistentVolumeClaimSpec(claimSpec);
  defaultLegacyVolumeSource(volume);
  const image = objectAt(volume, 'image');
  if (image && isEmptyString(image.pullPolicy)) image.pullPolicy = defaultPullPolicy(image.reference);
}

/**
 * A downward API reference (an env var's `valueFrom`, a volume item): a field's API version,
 * and a resource's divisor, a Quantity held by value that the server writes back as "0" when
 * unset.
 */
function defaultFieldRef(item: JsonObject): void {
  const fieldRef = objectAt(item, 'fieldRef');
  if (fieldRef) defaultString(fieldRef, 'apiVersion', 'v1');
  const resourceFieldRef = objectAt(item, 'resourceFieldRef');
  if (resourceFieldRef) defaultPointer(resourceFieldRef, 'divisor', '0');
}

/**
 * Declarative defaults of the in-tree volume sources that still have them (their `+default`
 * markers in `staging/src/k8s.io/api/core/v1/types.go`).
 */
export function defaultLegacyVolumeSource(source: JsonObject): void {
  const iscsi = objectAt(source, 'iscsi');
  if (iscsi) defaultString(iscsi, 'iscsiInterface', 'default');
  const rbd = objectAt(source, 'rbd');
  if (rbd) {
    defaultString(rbd, 'pool', 'rbd');
    defaultString(rbd, 'user', 'admin');
    defaultString(rbd, 'keyring', '/etc/ceph/keyring');
  }
  const azureDisk = objectAt(source, 'azureDisk');
  if (azureDisk) {
    defaultPointer(azureDisk, 'cachingMode', 'ReadWrite');
    defaultPointer(azureDisk, 'fsType', 'ext4');
    defaultPointer(azureDisk, 'readOnly', false);
    defaultPointer(azureDisk, 'kind', 'Shared');
  }
  const scaleIO = objectAt(source, 'scaleIO');
  if (scaleIO) {
    defaultString(scaleIO, 'storageMode', 'ThinProvisioned');
    defaultString(scaleIO, 'fsType', 'xfs');
  }
}

/** Defaults of a pod template (`spec.template` of a workload): its pod spec only. */
export function defaultPodTemplate(template: unknown): void {
  if (!isObject(template)) return;
  const spec = objectAt(template, 'spec');
  if (spec) defaultPodSpec(spec);
}
