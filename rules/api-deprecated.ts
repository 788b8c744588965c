import { replacementAdvice } from '../src/lint/api-replacement.js';
import { DEPRECATED_KINDS, removedApi } from '../src/model/deprecated-apis.js';
import { atLeast, formatKubeVersion } from '../src/lint/kube-version.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';

export default defineRule({
  meta: {
    id: 'api-deprecated',
    category: 'api',
    severity: 'warning',
    profile: 'default',
    description:
      'An object uses an API version (or kind) that the target Kubernetes version still serves but that is deprecated, with its removal release.',
    rationale:
      'A deprecated API version works today and breaks the apply after the upgrade that removes it. Migrating ahead of the upgrade keeps the upgrade a non-event.',
    remediation: 'Change `apiVersion` to the replacement the message names while both are served.',
    target: 'all',
    notes:
      'An API version counts as deprecated for a target version that serves both it and its replacement (so with `--kube-version 1.24`, `batch/v1beta1` CronJobs are reported here and `api-removed` takes over from 1.25). Whole kinds deprecated without removal (`v1 Endpoints` since 1.33) are reported too.',
    example: {
      invalid: yaml`
        # with the default --kube-version (1.36)
        apiVersion: v1
        kind: Endpoints
        metadata:
          name: db
        subsets:
          - addresses:
              - ip: 10.0.0.12
            ports:
              - port: 5432
      `,
      valid: yaml`
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: db
        addressType: IPv4
        endpoints:
          - addresses: [10.0.0.12]
        ports:
          - port: 5432
      `,
    },
    messages: {
      deprecated:
        '{{apiVersion}} {{kind}} is deprecated and removed in Kubernetes {{removedIn}} (target {{target}}): {{advice}}',
      kindDeprecated: '{{apiVersion}} {{kind}} is deprecated since Kubernetes {{since}}: use {{instead}}',
    },
  },
  check(ctx) {
    const { apiVersion, kind } = ctx.manifest.ref;
    const target = ctx.kubernetesVersion;
    const api = removedApi(apiVersion, kind);
    const announced =
      api &&
      (api.deprecatedIn ? atLeast(target, api.deprecatedIn) : api.replacements.some((r) => atLeast(target, r.since)));
    if (api && announced && !atLeast(target, api.removedIn)) {
      ctx.report({
        pointer: '/apiVersion',
        messageId: 'deprecated',
        data: {
          apiVersion,
          kind,
          removedIn: api.removedIn,
          target: formatKubeVersion(target),
          advice: replacementAdvice(api, target),
        },
      });
    }
    const deprecatedKind = DEPRECATED_KINDS.find((d) => d.apiVersion === apiVersion && d.kind === kind);
    if (deprecatedKind && atLeast(target, deprecatedKind.since)) {
      ctx.report({
        pointer: '/kind',
        messageId: 'kindDeprecated',
        data: { apiVersion, kind, since: deprecatedKind.since, instead: deprecatedKind.instead },
      });
    }
  },
});
