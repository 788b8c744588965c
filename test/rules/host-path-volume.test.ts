import rule from '../../rules/host-path-volume.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('host-path-volume', {
  invalid: {
    'host-path.yaml': [
      '25:13 volume "varlog" mounts the node\'s /var/log (hostPath), forbidden by the baseline Pod Security Standard',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'emptyDir, ConfigMap and PVC volumes',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          volumes:
            - {name: tmp, emptyDir: {}}
            - {name: config, configMap: {name: web}}
            - {name: data, persistentVolumeClaim: {claimName: data}}
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
    },
    {
      name: 'a hostPath of the wrong type, and volumes that are not objects, are left to the schema',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          volumes:
            - {name: a, hostPath: /var/log}
            - hostPath
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
    },
    {
      name: 'a Pod without a spec has no pod template to check',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
      `,
    },
    {
      name: 'volumes of the wrong type are left to the schema',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          volumes: {name: logs, hostPath: {path: /var/log}}
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
    },
  ],
  invalid: [
    {
      name: 'a hostPath with its path',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: shipper}
        spec:
          volumes:
            - name: logs
              hostPath:
                path: /var/log
                type: Directory
          containers:
            - {name: shipper, image: "shipper:1.2.0"}
      `,
      errors: [
        {
          messageId: 'hostPath',
          data: { volume: 'logs', path: '/var/log' },
          line: 8,
          column: 9,
          endLine: 10,
          endColumn: 1,
        },
      ],
    },
    {
      name: 'a hostPath without a path, in a DaemonSet, beside other volumes',
      malformed: true,
      yaml: `
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              volumes:
                - {name: tmp, emptyDir: {}}
                - {name: root, hostPath: {}}
              containers:
                - {name: agent, image: "agent:1.0"}
      `,
      errors: [
        {
          messageId: 'hostPathWithoutPath',
          data: { volume: 'root' },
          line: 11,
          column: 34,
          endLine: 11,
          endColumn: 36,
        },
      ],
    },
    {
      name: 'a hostPath volume without a name is reported with an empty name',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: shipper}
        spec:
          volumes:
            - hostPath: {path: /var/log}
          containers:
            - {name: shipper, image: "shipper:1.2.0"}
      `,
      errors: [
        {
          messageId: 'hostPath',
          data: { volume: '', path: '/var/log' },
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 33,
        },
      ],
    },
  ],
});
