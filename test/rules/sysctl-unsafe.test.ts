import { describe, expect, it } from '@jest/globals';
import { ruleFindings, testRule } from './rule-tester.js';

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
