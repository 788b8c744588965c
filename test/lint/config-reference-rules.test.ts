import { describe, expect, it } from '@jest/globals';
import secretKeyMissing from '../../rules/secret-key-missing.js';
import { runCase } from '../rules/rule-cases.js';

/** A Secret "app" with only the key `token`, and a Pod whose container has the given env and envFrom. */
const podWithSecretApp = (container: string) => `
apiVersion: v1
kind: Secret
metadata: {name: app, namespace: shop}
stringData: {token: x}
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop}
spec:
  containers:
    - {name: api, image: "api:1.0", ${container}}
`;

const messages = (container: string) =>
  runCase(secretKeyMissing, { yaml: podWithSecretApp(container) }).map((f) => f.message);

describe('missingKeyRule (secret-key-missing)', () => {
  it('reports a required key the Secret does not have', () => {
    expect(messages('env: [{name: P, valueFrom: {secretKeyRef: {name: app, key: password}}}]')).toStrictEqual([
      'container "api" env P references key "password" of Secret "app", which has no such key (it has "token")',
    ]);
  });

  it('does not read a ConfigMap key reference as a reference to the Secret of the same name', () => {
    expect(messages('env: [{name: P, valueFrom: {configMapKeyRef: {name: app, key: password}}}]')).toStrictEqual([]);
  });

  it('does not report an optional key reference', () => {
    expect(
      messages('env: [{name: P, valueFrom: {secretKeyRef: {name: app, key: password, optional: true}}}]'),
    ).toStrictEqual([]);
  });

  it('does not report a reference to the whole Secret (envFrom), which names no key', () => {
    expect(messages('envFrom: [{secretRef: {name: app}}]')).toStrictEqual([]);
  });
});
