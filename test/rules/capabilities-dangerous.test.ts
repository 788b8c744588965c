import { describe, expect, it } from '@jest/globals';
import rule from '../../rules/capabilities-dangerous.js';
import { ruleFindings, runRuleTests, testRule } from './rule-tester.js';

testRule('capabilities-dangerous', {
  invalid: {
    'added.yaml': [
      '21:21 init container "iptables" adds the capability ALL, outside the baseline Pod Security Standard',
      '27:39 container "web" adds the capability SYS_ADMIN, outside the baseline Pod Security Standard',
      '27:50 container "web" adds the capability NET_ADMIN, outside the baseline Pod Security Standard',
    ],
  },
});

describe('capabilities-dangerous options', () => {
  it('accepts the capabilities the configuration allows', async () => {
    const config = { rules: { 'capabilities-dangerous': { options: { allowed: ['NET_ADMIN', 'ALL'] } } } };
    expect(
      await ruleFindings('capabilities-dangerous', ['fixtures/rules/capabilities-dangerous/invalid/added.yaml'], {
        config,
      }),
    ).toEqual(['27:39 container "web" adds the capability SYS_ADMIN, outside the baseline Pod Security Standard']);
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
      name: 'a container without a securityContext adds nothing',
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
      name: 'the baseline capabilities, and drops',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27.3
              securityContext:
                capabilities:
                  drop: [ALL, SYS_ADMIN]
                  add: [NET_BIND_SERVICE, CHOWN, SETUID, SETGID, KILL]
      `,
    },
    {
      name: 'allowed lets more capabilities through',
      options: { allowed: ['NET_ADMIN'] },
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: vpn}
        spec:
          containers:
            - {name: vpn, image: "vpn:2.1.0", securityContext: {capabilities: {add: [NET_ADMIN]}}}
      `,
    },
    {
      name: 'wrong types are left to the schema: add as a string, items that are not strings',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a, image: "nginx:1.27.3", securityContext: {capabilities: {add: SYS_ADMIN}}}
            - {name: b, image: "nginx:1.27.3", securityContext: {capabilities: {add: [{SYS_ADMIN: true}, 7]}}}
            - {name: c, image: "nginx:1.27.3", securityContext: {capabilities: [SYS_ADMIN]}}
      `,
    },
  ],
  invalid: [
    {
      name: 'each capability outside the baseline, on every container type',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - {name: iptables, image: "iptables:1.8", securityContext: {capabilities: {add: [NET_ADMIN, NET_RAW]}}}
          containers:
            - name: web
              image: nginx:1.27.3
              securityContext:
                capabilities:
                  add: [NET_BIND_SERVICE, SYS_ADMIN]
          ephemeralContainers:
            - {name: debug, image: "busybox:1.36", securityContext: {capabilities: {add: [SYS_PTRACE]}}}
      `,
      errors: [
        {
          messageId: 'dangerous',
          data: { container: 'init container "iptables"', capability: 'NET_ADMIN' },
          line: 6,
          column: 86,
          endLine: 6,
          endColumn: 95,
        },
        {
          messageId: 'dangerous',
          data: { container: 'init container "iptables"', capability: 'NET_RAW' },
          line: 6,
          column: 97,
          endLine: 6,
          endColumn: 104,
        },
        {
          messageId: 'dangerous',
          data: { container: 'container "web"', capability: 'SYS_ADMIN' },
          line: 12,
          column: 35,
          endLine: 12,
          endColumn: 44,
        },
        {
          messageId: 'dangerous',
          data: { container: 'ephemeral container "debug"', capability: 'SYS_PTRACE' },
          line: 14,
          column: 83,
          endLine: 14,
          endColumn: 93,
        },
      ],
    },
    {
      name: 'ALL, a CAP_ prefix and lower case are not baseline names',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: web, image: "nginx:1.27.3", securityContext: {capabilities: {add: [ALL, CAP_CHOWN, chown]}}}
      `,
      errors: [
        {
          messageId: 'dangerous',
          data: { container: 'container "web"', capability: 'ALL' },
          line: 6,
          column: 81,
          endLine: 6,
          endColumn: 84,
        },
        {
          messageId: 'dangerous',
          data: { container: 'container "web"', capability: 'CAP_CHOWN' },
          line: 6,
          column: 86,
          endLine: 6,
          endColumn: 95,
        },
        {
          messageId: 'dangerous',
          data: { container: 'container "web"', capability: 'chown' },
          line: 6,
          column: 97,
          endLine: 6,
          endColumn: 102,
        },
      ],
    },
    {
      name: 'allowed replaces nothing of the baseline and names exact capabilities',
      options: { allowed: ['NET_ADMIN'] },
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - {name: report, image: "report:1.0", securityContext: {capabilities: {add: [CHOWN, NET_ADMIN, SYS_ADMIN]}}}
      `,
      errors: [
        {
          messageId: 'dangerous',
          data: { container: 'container "report"', capability: 'SYS_ADMIN' },
          line: 12,
          column: 108,
          endLine: 12,
          endColumn: 117,
        },
      ],
    },
  ],
});
