import { appendPointer, fieldPath } from '../src/model/json-pointer.js';
import { declaredPorts } from '../src/lint/ports.js';
import { judgedContainers } from '../src/lint/judged-containers.js';
import { atLeast } from '../src/lint/kube-version.js';
import { defineRule, type RuleContext } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { asString, dig, objectAt, objectsAt } from '../src/model/json.js';
import { describeContainer } from '../src/model/containers.js';
import {
  LABEL_VALUE_MAX,
  dns1035Label,
  dns1123Label,
  dns1123Subdomain,
  ianaServiceName,
  pathSegmentName,
} from '../src/model/name-validation.js';

/** How the API server validates the name of each kind; every other kind uses a DNS-1123 subdomain. */
const NAME_RULES: Readonly<Record<string, { describe: string; check: (name: string) => string[] }>> = {
  Namespace: { describe: 'a DNS-1123 label', check: dns1123Label },
  Service: { describe: 'a DNS-1035 label', check: dns1035Label },
  'Role.rbac.authorization.k8s.io': { describe: 'a path segment', check: pathSegmentName },
  'ClusterRole.rbac.authorization.k8s.io': { describe: 'a path segment', check: pathSegmentName },
  'RoleBinding.rbac.authorization.k8s.io': { describe: 'a path segment', check: pathSegmentName },
  'ClusterRoleBinding.rbac.authorization.k8s.io': { describe: 'a path segment', check: pathSegmentName },
  // Its validation checks only the spec; the name gets the path-segment check every object gets.
  'PodDisruptionBudget.policy': { describe: 'a path segment', check: pathSegmentName },
  // Job names become the value of the job-name label of their pods; CronJobs add an 11-character suffix to name their Jobs.
  'Job.batch': {
    describe: 'a DNS-1123 subdomain',
    check: (n) => [
      ...dns1123Subdomain(n),
      ...(n.length > LABEL_VALUE_MAX
        ? [`must be no more than ${LABEL_VALUE_MAX} characters (it becomes a label value on the Job's pods)`]
        : []),
    ],
  },
  'CronJob.batch': {
    describe: 'a DNS-1123 subdomain',
    check: (n) => [
      ...dns1123Subdomain(n),
      ...(n.length > 52
        ? ['must be no more than 52 characters (its Jobs are named after it with an 11-character suffix)']
        : []),
    ],
  },
};

const DEFAULT_RULE = { describe: 'a DNS-1123 subdomain', check: dns1123Subdomain };

/** From 1.36 the API server takes any DNS-1123 label as a Service name (a leading digit too). */
const SERVICE_SINCE_1_36 = { describe: 'a DNS-1123 label', check: dns1123Label };

/** A StatefulSet's name is a DNS-1123 label (its pods' names and hostnames are made of it), from 1.34 at least. */
const STATEFULSET_SINCE_1_34 = { describe: 'a DNS-1123 label', check: dns1123Label };

function nameRule(ctx: RuleContext): { describe: string; check: (name: string) => string[] } {
  if (ctx.kind === 'Service' && atLeast(ctx.kubernetesVersion, '1.36')) return SERVICE_SINCE_1_36;
  if (ctx.kind === 'StatefulSet.apps' && atLeast(ctx.kubernetesVersion, '1.34')) return STATEFULSET_SINCE_1_34;
  return NAME_RULES[ctx.kind] ?? DEFAULT_RULE;
}

/** Where a container refers to one of its ports: probes and lifecycle hooks. */
const PORT_HANDLERS: ReadonlyArray<readonly string[]> = [
  ['livenessProbe'],
  ['readinessProbe'],
  ['startupProbe'],
  ['lifecycle', 'postStart'],
  ['lifecycle', 'preStop'],
];

/** A port given as a string is a port name, and must be one (`"8080"` is not a number to the API server). */
function checkPortReference(ctx: RuleContext, value: unknown, pointer: string): void {
  if (typeof value !== 'string') return;
  const errors = ianaServiceName(value);
  if (!errors.length) return;
  ctx.report({
    pointer,
    messageId: 'portReference',
    data: {
      field: fieldPath(pointer),
      name: value,
      errors: errors.join('; '),
      hint: /^\d+$/.test(value) ? ' (a port number is written without quotes)' : '',
    },
  });
}

export default defineRule({
  meta: {
    id: 'invalid-name',
    category: 'names',
    severity: 'error',
    profile: 'default',
    description:
      'An object, container or container port has a name, or a port is referred to by a name, that the API server rejects.',
    rationale:
      'Names become DNS names, label values and path segments, so the API server checks their syntax: most objects need a lowercase DNS-1123 subdomain, Services a DNS-1035 label (starting with a letter), Namespaces and containers a DNS-1123 label, container ports an IANA service name (at most 15 characters), and so must a port referred to by name (a Service `targetPort`, a probe `port`): `targetPort: "8080"` is a name, not a number. A bad name fails the whole apply.',
    remediation:
      'Use lowercase letters, digits and `-` (and `.` where a subdomain is allowed), starting and ending with a letter or digit, within the length limit the message gives.',
    target: 'all',
    notes:
      'Objects named only by `generateName` are not checked. Job names are limited to 63 characters and CronJob names to 52, as the API server does.',
    example: {
      invalid: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: Web_API
        spec:
          selector:
            app: web-api
          ports:
            - port: 80
              targetPort: 8080
      `,
      valid: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: web-api
        spec:
          selector:
            app: web-api
          ports:
            - port: 80
              targetPort: 8080
      `,
    },
    messages: {
      objectName: '{{kind}} name "{{name}}" is not {{expected}}: {{errors}}',
      containerName: 'container name "{{name}}" is not a DNS-1123 label: {{errors}}',
      portName: '{{container}}: port name "{{name}}" is not an IANA service name: {{errors}}',
      portReference: '{{field}}: Invalid value: "{{name}}": {{errors}}{{hint}}',
    },
  },
  check(ctx) {
    const name = asString(dig(ctx.object, 'metadata', 'name'));
    if (name !== undefined && name !== '') {
      const rule = nameRule(ctx);
      const errors = rule.check(name);
      if (errors.length)
        ctx.report({
          pointer: '/metadata/name',
          messageId: 'objectName',
          data: { kind: ctx.manifest.ref.kind, name, expected: rule.describe, errors: errors.join('; ') },
        });
    }
    if (ctx.kind === 'Service') {
      objectsAt(objectAt(ctx.object, 'spec'), 'ports').forEach((port, i) => {
        checkPortReference(ctx, port.targetPort, `/spec/ports/${i}/targetPort`);
      });
    }
    if (!ctx.podTemplate) return;
    for (const c of judgedContainers(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      for (const handler of PORT_HANDLERS) {
        for (const action of ['httpGet', 'tcpSocket']) {
          const port = dig(c.container, ...handler, action, 'port');
          checkPortReference(ctx, port, appendPointer(c.pointer, ...handler, action, 'port'));
        }
      }
    }
    for (const c of judgedContainers(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const errors = c.name ? dns1123Label(c.name) : [];
      if (errors.length)
        ctx.report({
          pointer: `${c.pointer}/name`,
          messageId: 'containerName',
          data: { name: c.name, errors: errors.join('; ') },
        });
      for (const p of declaredPorts(c)) {
        const portErrors = p.name !== undefined ? ianaServiceName(p.name) : [];
        if (portErrors.length)
          ctx.report({
            pointer: appendPointer(p.pointer, 'name'),
            messageId: 'portName',
            data: { container: describeContainer(c), name: p.name!, errors: portErrors.join('; ') },
          });
      }
    }
  },
});
