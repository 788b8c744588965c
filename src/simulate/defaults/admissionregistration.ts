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

/**
 * The removed admissionregistration.k8s.io/v1beta1 (served until 1.22): what a dump of an older
 * cluster holds. It failed open, matched exact versions, waited 30 s, asked for v1beta1 reviews
 * and assumed unknown side effects; the rest is as in v1.
 */
function defaultWebhookV1beta1(webhook: JsonObject): void {
  defaultPointer(webhook, 'failurePolicy', 'Ignore');
  defaultPointer(webhook, 'matchPolicy', 'Exact');
  defaultPointer(webhook, 'sideEffects', 'Unknown');
  defaultPointer(webhook, 'timeoutSeconds', 30);
  if (webhook.admissionReviewVersions === undefined) webhook.admissionReviewVersions = ['v1beta1'];
  defaultWebhook(webhook);
}

/** The defaulter of a configuration's kind and version, applied to each of its webhooks. */
function eachWebhook(
  defaultOne: (webhook: JsonObject) => void,
  mutating: boolean,
): (configuration: JsonObject) => void {
  return (configuration) => {
    for (const webhook of objectsAt(configuration, 'webhooks')) {
      defaultOne(webhook);
      if (mutating) defaultString(webhook, 'reinvocationPolicy', 'Never');
    }
  };
}

export const defaultValidatingWebhookConfiguration = eachWebhook(defaultWebhook, false);
export const defaultMutatingWebhookConfiguration = eachWebhook(defaultWebhook, true);
export const defaultValidatingWebhookConfigurationV1beta1 = eachWebhook(defaultWebhookV1beta1, false);
export const defaultMutatingWebhookConfigurationV1beta1 = eachWebhook(defaultWebhookV1beta1, true);
