import { describe, expect, it } from '@jest/globals';
import rule from '../../rules/sysctl-unsafe.js';
import { ruleFindings, runRuleTests, testRule } from './rule-tester.js';

testRule('sysctl-unsafe', {
  invalid: {
    'unsafe.yaml': [
      '18:19 sysctl net.core.somaxconn is not in the safe set of Kubernetes 1.36: the kubelet rejects the pod unless the node allows it',
      '22:19 sysctl kernel/msgmax is not in the safe set of Kubernetes 1.36: the kubelet rejects the pod unless the node allows it',
    ],
  },
});

describe('sysctl-unsafe and the Kubernetes version', () => {
  it('uses the safe set of the target version', async () => {
    expect(
      await ruleFindings('sysctl-unsafe', ['fixtures/rules/sysctl-unsafe/valid/safe.yaml'], {
        kubernetesVersion: '1.28',
      }),
    ).toEqual([
      '20:19 sysctl net/ipv4/tcp_keepalive_time is not in the safe set of Kubernetes 1.28: the kubelet rejects the pod unless the node allows it',
      '22:19 sysctl net.ipv4.tcp_rmem is not in the safe set of Kubernetes 1.28: the kubelet rejects the pod unless the node allows it',
    ]);
  });

  it('accepts the sysctls allowed by the configuration', async () => {
    const config = { rules: { 'sysctl-unsafe': { options: { allowed: ['net.core.somaxconn', 'kernel.msgmax'] } } } };
    expect(
      await ruleFindings('sysctl-unsafe', ['fixtures/rules/sysctl-unsafe/invalid/unsafe.yaml'], { config }),
    ).toEqual([]);
  });
});

runRuleTests(rule, {
  valid: [
    {
      name: 'a Pod without a spec has no pod template to check',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
      `,
    },
    {
      name: 'a pod without a securityContext sets no sysctl',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
    },
    {
      name: 'the safe set, with dots or slashes',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext:
            sysctls:
              - {name: net.ipv4.ip_local_port_range, value: "1024 65535"}
              - {name: kernel/shm_rmid_forced, value: "1"}
              - {name: net.ipv4.tcp_rmem, value: "4096 87380 6291456"}
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
    },
    {
      name: 'allowed, matched with slashes read as dots',
      options: { allowed: ['net.core.somaxconn'] },
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext:
            sysctls:
              - {name: net/core/somaxconn, value: "1024"}
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
    },
    {
      name: 'a parameter made safe in 1.29, checked against 1.29',
      kubeVersion: '1.29',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext:
            sysctls:
              - {name: net.ipv4.tcp_keepalive_time, value: "600"}
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
    },
    {
      name: 'wrong types are left to the schema',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext:
            sysctls:
              - {name: [net.core.somaxconn], value: "1024"}
              - net.core.somaxconn=1024
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
    },
  ],
  invalid: [
    {
      name: 'outside the safe set',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext:
            sysctls:
              - name: net.core.somaxconn
                value: "1024"
              - {name: kernel/msgmax, value: "65536"}
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
      errors: [
        {
          messageId: 'unsafe',
          data: { sysctl: 'net.core.somaxconn', version: '1.36' },
          line: 7,
          column: 15,
          endLine: 7,
          endColumn: 33,
        },
        {
          messageId: 'unsafe',
          data: { sysctl: 'kernel/msgmax', version: '1.36' },
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 29,
        },
      ],
    },
    {
      name: 'safe only from a later release than the target',
      kubeVersion: '1.28',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              securityContext:
                sysctls:
                  - {name: net.ipv4.ip_local_reserved_ports, value: "30000"}
                  - {name: net.ipv4.tcp_keepalive_time, value: "600"}
              containers:
                - {name: web, image: "nginx:1.27.3"}
      `,
      errors: [
        {
          messageId: 'unsafe',
          data: { sysctl: 'net.ipv4.tcp_keepalive_time', version: '1.28' },
          line: 12,
          column: 20,
          endLine: 12,
          endColumn: 47,
        },
      ],
    },
    {
      name: 'allowed names only what it lists',
      options: { allowed: ['kernel.msgmax'] },
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext:
            sysctls:
              - {name: kernel.msgmax, value: "65536"}
              - {name: kernel.msgmnb, value: "65536"}
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
      errors: [
        {
          messageId: 'unsafe',
          data: { sysctl: 'kernel.msgmnb', version: '1.36' },
          line: 8,
          column: 16,
          endLine: 8,
          endColumn: 29,
        },
      ],
    },
  ],
});
