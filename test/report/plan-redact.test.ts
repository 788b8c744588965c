import { describe, expect, it } from '@jest/globals';
import { LAST_APPLIED, MASK, redactForPlan } from '../../src/report/plan-redact.js';

function deployment(env: unknown[], metadata: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', ...metadata },
    spec: {
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          initContainers: [{ name: 'init', image: 'init:1', env: [{ name: 'API_TOKEN', value: 'canary-init' }] }],
          containers: [{ name: 'web', image: 'web:1', env }],
        },
      },
    },
  };
}

describe('redactForPlan', () => {
  it('masks the env values that secret-in-env-value reports, and only those', () => {
    const object = deployment([
      { name: 'DB_PASSWORD', value: 'canary-password' },
      { name: 'PASSWORD_FILE', value: '/run/secrets/db' },
      { name: 'MAX_TOKENS', value: '2048' },
      { name: 'LOG_LEVEL', value: 'debug' },
      { name: 'API_KEY', valueFrom: { secretKeyRef: { name: 'api', key: 'key' } } },
    ]);
    const before = JSON.stringify(object);
    const redacted = redactForPlan(object) as { spec: { template: { spec: Record<string, unknown> } } };
    expect(redacted.spec.template.spec).toEqual({
      initContainers: [{ name: 'init', image: 'init:1', env: [{ name: 'API_TOKEN', value: MASK }] }],
      containers: [
        {
          name: 'web',
          image: 'web:1',
          env: [
            { name: 'DB_PASSWORD', value: MASK },
            { name: 'PASSWORD_FILE', value: '/run/secrets/db' },
            { name: 'MAX_TOKENS', value: '2048' },
            { name: 'LOG_LEVEL', value: 'debug' },
            { name: 'API_KEY', valueFrom: { secretKeyRef: { name: 'api', key: 'key' } } },
          ],
        },
      ],
    });
    // The plan's own state is never changed.
    expect(JSON.stringify(object)).toBe(before);
  });

  it('drops managedFields and the last-applied annotation of every kind, keeping the other annotations', () => {
    const metadata = {
      annotations: { [LAST_APPLIED]: '{"env":"canary"}', 'deployment.kubernetes.io/revision': '3' },
      managedFields: [{ manager: 'kubectl', operation: 'Update' }],
    };
    expect(redactForPlan(deployment([], metadata)).metadata).toEqual({
      name: 'web',
      annotations: { 'deployment.kubernetes.io/revision': '3' },
    });
    const configMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', annotations: { [LAST_APPLIED]: '{}' } },
    };
    expect(redactForPlan(configMap)).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
  });

  it("masks a Secret's data and stringData, whatever their type, and drops its last-applied copy", () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', annotations: { [LAST_APPLIED]: '{"data":{"k":"canary"}}' } },
      data: { b: 'Y2FuYXJ5', a: 'Y2FuYXJ5' },
      stringData: 'canary',
    };
    expect(redactForPlan(secret)).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data: { a: MASK, b: MASK },
      stringData: MASK,
    });
  });

  it('returns an object with nothing to hide as it is', () => {
    const object = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', annotations: { team: 'web' } },
      spec: { containers: [{ name: 'web', image: 'web:1', env: [{ name: 'LOG_LEVEL', value: 'debug' }] }] },
    };
    expect(redactForPlan(object)).toBe(object);
  });
});
