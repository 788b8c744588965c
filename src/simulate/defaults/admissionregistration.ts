import { defaultPointer, defaultString } from './fields.js';
import { isObject, type JsonObject, objectsAt } from '../../model/json.js';

/**
 * Admission webhook configurations, after `pkg/apis/admissionregistration/v1/defaults.go`: each
 * webhook fails closed (`failurePolicy: Fail`), matches equivalent versions, selects every
 * namespace and object (`{}`), waits 10 s, calls its Service on port 443, and each rule covers
 * every scope (`*`). A mutating webhook is not called again (`reinvocationPolicy: Never`).
 */
function defaultWebhook(webhook: JsonObject): void {
  defaultPointer(webhook, 'failurePolicy', 'Fail');
  defaultPointer(webhook, 'matchPolicy', 'Equivalent');
  defaultPointer(webhook, 'namespaceSelector', {});
  defaultPointer(webhook, 'objectSelector', {});
  defaultPointer(webhook, 'timeoutSeconds', 10);
  const service = isObject(webhook.clientConfig) ? webhook.clientConfig.service : undefined;
  if (isObject(service)) defaultPointer(service, 'port', 443);
  for (const rule of objectsAt(webhook, 'rules')) defaultPointer(rule, 'scope', '*');
}

export function defaultValidatingWebhookConfiguration(configuration: JsonObject): void {
  for (const webhook of objectsAt(configuration, 'webhooks')) defaultWebhook(webhook);
}

export function defaultMutatingWebhookConfiguration(configuration: JsonObject): void {
  for (const webhook of objectsAt(configuration, 'webhooks')) {
    defaultWebhook(webhook);
    defaultString(webhook, 'reinvocationPolicy', 'Never');
  }
}

/**
 * The removed admissionregistration.k8s.io/v1beta1 (served until 1.22): what a dump of an older
 * cluster holds. It failed open, matched exact versions, waited 30 s, asked for v1beta1 reviews
 * and assumed unknown side effects.
 */
function defaultWebhookV1beta1(webhook: JsonObject): void {
  defaultPointer(webhook, 'failurePolicy', 'Ignore');
  defaultPointer(webhook, 'matchPolicy', 'Exact');
  defaultPointer(webhook, 'sideEffects', 'Unknown');
  defaultPointer(webhook, 'timeoutSeconds', 30);
  if (webhook.admissionReviewVersions === undefined) webhook.admissionReviewVersions = ['v1beta1'];
  defaultWebhook(webhook);
}

export function defaultValidatingWebhookConfigurationV1beta1(configuration: JsonObject): void {
  for (const webhook of objectsAt(configuration, 'webhooks')) defaultWebhookV1beta1(webhook);
}

export function defaultMutatingWebhookConfigurationV1beta1(configuration: JsonObject): void {
  for (const webhook of objectsAt(configuration, 'webhooks')) {
    defaultWebhookV1beta1(webhook);
    defaultString(webhook, 'reinvocationPolicy', 'Never');
  }
}
