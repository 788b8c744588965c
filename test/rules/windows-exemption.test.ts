import { describe, expect, it } from '@jest/globals';
import { lint } from '../../src/index.js';

/**
 * The restricted Pod Security Standard exempts Windows pods (`spec.os.name: windows`, from 1.25)
 * from its Linux-only controls: privilege escalation, seccomp and capabilities. It still requires
 * `runAsNonRoot` on them (the kubelet enforces it on Windows by refusing ContainerAdministrator).
 */
const RULES = ['run-as-non-root-missing', 'seccomp-profile-missing'];

/** `line:column-endLine:endColumn ruleId message` of the two rules' findings on a manifest. */
async function findings(yaml: string): Promise<string[]> {
  const result = await lint(['-'], { onlyRules: RULES, readStdin: async () => Buffer.from(yaml) });
  return result.findings
    .filter((f) => f.phase === 'rule')
    .map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.message}`);
}

/** A Deployment whose pod spec starts with `podFields` (line 16 onwards). */
const deployment = (podFields: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: iis
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: iis
  template:
    metadata:
      labels:
        app: iis
    spec:
${podFields}      containers:
        - name: iis
          image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
`;

const NOT_REQUIRED =
  'run-as-non-root-missing container "iis" is not required to run as non-root (runAsNonRoot is not true on it or on the pod): it may run as root';
const NO_SECCOMP =
  'seccomp-profile-missing no seccomp profile for container "iis": set seccompProfile.type RuntimeDefault on the pod (required by the restricted Pod Security Standard)';

describe('Windows pods and the restricted Pod Security Standard', () => {
  it('exempts a Windows pod from seccomp-profile-missing, not from run-as-non-root-missing', async () => {
    // Line 16 is `os:`, where the pod spec starts; the container is at line 19.
    expect(await findings(deployment('      os:\n        name: windows\n'))).toEqual([`19:11-21:1 ${NOT_REQUIRED}`]);
  });

  it('checks a pod that says it is Linux, and one that says nothing, for both', async () => {
    expect(await findings(deployment('      os:\n        name: linux\n'))).toEqual([
      `16:7-21:1 ${NO_SECCOMP}`,
      `19:11-21:1 ${NOT_REQUIRED}`,
    ]);
    expect(await findings(deployment(''))).toEqual([`16:7-19:1 ${NO_SECCOMP}`, `17:11-19:1 ${NOT_REQUIRED}`]);
  });

  it('passes a Windows pod that requires a non-root user, and reports one that opts out', async () => {
    const nonRoot =
      '      os:\n        name: windows\n      securityContext:\n        runAsNonRoot: true\n        windowsOptions:\n          runAsUserName: ContainerUser\n';
    expect(await findings(deployment(nonRoot))).toEqual([]);
    const optOut = '      os:\n        name: windows\n      securityContext:\n        runAsNonRoot: false\n';
    // The pod's `runAsNonRoot: false` is at line 19, column 23.
    expect(await findings(deployment(optOut))).toEqual([
      '19:23-19:28 run-as-non-root-missing container "iis" sets runAsNonRoot: false (from the pod): it may run as root',
    ]);
  });

  it('decides per pod: a Windows and a Linux pod in one file', async () => {
    const pod = (name: string, os: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  os:\n    name: ${os}\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: app\n      image: registry.example.com/app:1.0.0\n`;
    // The Linux pod is the second document: its securityContext (which lacks seccompProfile) is line 24.
    expect(await findings(`${pod('win', 'windows')}---\n${pod('lin', 'linux')}`)).toEqual([
      '24:5-25:1 seccomp-profile-missing no seccomp profile for container "app": set seccompProfile.type RuntimeDefault on the pod (required by the restricted Pod Security Standard)',
    ]);
  });
});
