import { atLeast, formatKubeVersion } from '../src/lint/kube-version.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { stringListOption } from '../src/lint/rule-options.js';
import { asObject, asString, indexedObjectsIn } from '../src/model/json.js';

/** The sysctls the baseline Pod Security Standard allows, with the release that added each. */
const SAFE_SYSCTLS: ReadonlyArray<[name: string, since: string]> = [
  ['kernel.shm_rmid_forced', '1.0'],
  ['net.ipv4.ip_local_port_range', '1.0'],
  ['net.ipv4.ip_unprivileged_port_start', '1.0'],
  ['net.ipv4.tcp_syncookies', '1.0'],
  ['net.ipv4.ping_group_range', '1.0'],
  ['net.ipv4.ip_local_reserved_ports', '1.27'],
  ['net.ipv4.tcp_keepalive_time', '1.29'],
  ['net.ipv4.tcp_fin_timeout', '1.29'],
  ['net.ipv4.tcp_keepalive_intvl', '1.29'],
  ['net.ipv4.tcp_keepalive_probes', '1.29'],
  ['net.ipv4.tcp_rmem', '1.32'],
  ['net.ipv4.tcp_wmem', '1.32'],
];

export default defineRule<{ allowed: string[] }, 'unsafe'>({
  meta: {
    id: 'sysctl-unsafe',
    category: 'security',
    severity: 'error',
    profile: 'default',
    description:
      'A pod sets a kernel parameter (`securityContext.sysctls`) outside the safe set of the target Kubernetes version.',
    rationale:
      'Sysctls outside the safe set are not isolated per pod: they change the whole node or disable protections. The kubelet refuses to start pods that use them unless the node allows them explicitly, and the baseline Pod Security Standard forbids them.',
    remediation:
      "Remove the sysctl, or run the pod on nodes that allow it (kubelet `--allowed-unsafe-sysctls`) and list it in this rule's `allowed` option.",
    target: 'pod-templates',
    notes:
      'The safe set grows with the Kubernetes version (`--kube-version`): net.ipv4.ip_local_reserved_ports from 1.27, the TCP keepalive and fin_timeout parameters from 1.29, net.ipv4.tcp_rmem and tcp_wmem from 1.32. Names written with `/` separators are compared as with dots.',
    options: stringListOption('allowed', 'sysctls your nodes allow besides the safe set', []),
    example: {
      invalid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          securityContext:
            sysctls:
              - name: net.core.somaxconn
                value: "1024"
          containers:
            - name: web
              image: nginx:1.27.3
      `,
      valid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          securityContext:
            sysctls:
              - name: net.ipv4.ip_local_port_range
                value: "1024 65535"
          containers:
            - name: web
              image: nginx:1.27.3
      `,
    },
    messages: {
      unsafe:
        'sysctl {{sysctl}} is not in the safe set of Kubernetes {{version}}: the kubelet rejects the pod unless the node allows it',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    const safe = new Set([
      ...SAFE_SYSCTLS.filter(([, since]) => atLeast(ctx.kubernetesVersion, since)).map(([name]) => name),
      ...ctx.options.allowed,
    ]);
    const sysctls = asObject(ctx.podTemplate.spec.securityContext)?.sysctls;
    for (const { item, index } of indexedObjectsIn(sysctls)) {
      const name = asString(item.name);
      if (!name || safe.has(name.replace(/\//g, '.'))) continue;
      ctx.report({
        pointer: `${ctx.podTemplate.specPointer}/securityContext/sysctls/${index}/name`,
        messageId: 'unsafe',
        data: { sysctl: name, version: formatKubeVersion(ctx.kubernetesVersion) },
      });
    }
  },
});
