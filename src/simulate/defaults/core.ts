import { defaultPodOnlyFields, defaultPodSpec, defaultPodTemplate } from './pod-spec.js';
import { defaultPointer, defaultString, ensureObject, isEmptyCollection } from './fields.js';
import { type JsonObject, isObject, objectAt, objectsAt } from '../../model/json.js';
import { isUnsetTargetPort } from '../../model/target-port.js';

/** Pod: everything a pod spec gets, plus what only Pods get (SetObjectDefaults_Pod). */
export function defaultPod(pod: JsonObject): void {
  const spec = objectAt(pod, 'spec');
  if (!spec) return;
  defaultPodOnlyFields(spec);
  defaultPodSpec(spec);
}

/** PodTemplate (the core kind): its template's pod spec. */
export function defaultPodTemplateObject(podTemplate: JsonObject): void {
  defaultPodTemplate(podTemplate.template);
}

/** ReplicationController: selector and labels from the template's labels, one replica. */
export function defaultReplicationController(rc: JsonObject): void {
  const spec = ensureObject(rc, 'spec');
  if (!spec) return;
  const template = objectAt(spec, 'template');
  const labels = template && objectAt(objectAt(template, 'metadata') ?? {}, 'labels');
  if (labels) {
    if (isEmptyCollection(spec.selector)) spec.selector = { ...labels };
    const metadata = ensureObject(rc, 'metadata');
    if (metadata && isEmptyCollection(metadata.labels)) metadata.labels = { ...labels };
  }
  defaultPointer(spec, 'replicas', 1);
  defaultPodTemplate(template);
}

/** Whether traffic can reach the Service from outside the cluster (`pkg/api/v1/service`, ExternallyAccessible). */
function externallyAccessible(spec: JsonObject): boolean {
  return (
    spec.type === 'LoadBalancer' ||
    spec.type === 'NodePort' ||
    (spec.type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0)
  );
}

/** Service (SetDefaults_Service). ClusterIP, node port and IP family allocation are not defaulting. */
export function defaultService(service: JsonObject): void {
  const spec = ensureObject(service, 'spec');
  if (!spec) return;
  defaultString(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const config = ensureObject(spec, 'sessionAffinityConfig');
    const clientIP = config && ensureObject(config, 'clientIP');
    if (clientIP) defaultPointer(clientIP, 'timeoutSeconds', 10800);
  }
  defaultString(spec, 'type', 'ClusterIP');
  for (const port of objectsAt(spec, 'ports')) {
    defaultString(port, 'protocol', 'TCP');
    if (isUnsetTargetPort(port.targetPort)) port.targetPort = port.port;
  }
  if (externallyAccessible(spec)) defaultString(spec, 'externalTrafficPolicy', 'Cluster');
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP')
    defaultPointer(spec, 'internalTrafficPolicy', 'Cluster');
  if (spec.type === 'LoadBalancer') {
    defaultPointer(spec, 'allocateLoadBalancerNodePorts', true);
    const status = objectAt(objectAt(service, 'status') ?? {}, 'loadBalancer');
    for (const ingress of objectsAt(status, 'ingress'))
      if (typeof ingress.ip === 'string' && ingress.ip !== '') defaultPointer(ingress, 'ipMode', 'VIP');
  }
}

export function defaultSecret(secret: JsonObject): void {
  defaultString(secret, 'type', 'Opaque');
}

/** Namespace: the `kubernetes.io/metadata.name` label and `status.phase: Active`. */
export function defaultNamespace(namespace: JsonObject): void {
  const metadata = objectAt(namespace, 'metadata');
  if (metadata && typeof metadata.name === 'string' && metadata.name !== '') {
    const labels = ensureObject(metadata, 'labels');
    if (labels) labels['kubernetes.io/metadata.name'] = metadata.name;
  }
  const status = ensureObject(namespace, 'status');
  if (status) defaultString(status, 'phase', 'Active');
}

/** Node: allocatable copied from capacity when the node reports none. */
export function defaultNode(node: JsonObject): void {
  const status = objectAt(node, 'status');
  const capacity = status && objectAt(status, 'capacity');
  if (status && capacity && (status.allocatable === undefined || status.allocatable === null))
    status.allocatable = { ...capacity };
}

export function defaultEndpoints(endpoints: JsonObject): void {
  for (const subset of objectsAt(endpoints, 'subsets'))
    for (const port of objectsAt(subset, 'ports')) defaultString(port, 'protocol', 'TCP');
}

/**
 * LimitRange, for `type: Container` items: the default limit from max, the default request from
 * the default limit, then from min (SetDefaults_LimitRangeItem).
 */
export function defaultLimitRange(limitRange: JsonObject): void {
  for (const item of objectsAt(objectAt(limitRange, 'spec'), 'limits')) {
    if (item.type !== 'Container') continue;
    const defaults = ensureObject(item, 'default');
    const defaultRequest = ensureObject(item, 'defaultRequest');
    if (!defaults || !defaultRequest) continue;
    const fill = (target: JsonObject, source: unknown): void => {
      if (!isObject(source)) return;
      for (const [name, value] of Object.entries(source)) if (!Object.hasOwn(target, name)) target[name] = value;
    };
    fill(defaults, item.max);
    fill(defaultRequest, defaults);
    fill(defaultRequest, item.min);
    // Go drops empty maps when encoding; so does kubeplan.
    if (Object.keys(defaults).length === 0) delete item.default;
    if (Object.keys(defaultRequest).length === 0) delete item.defaultRequest;
  }
}
