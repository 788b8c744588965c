import { describe, expect, it } from '@jest/globals';
import { runCli } from '../helpers/run-cli.js';

const VALID = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n';

describe('invalid option values', () => {
  it.each([
    [
      ['diff', '-', '--current', 'fixtures/demo', '--context', '-1'],
      'kubeplan: --context: invalid number of lines "-1" (0 or more)',
    ],
    [
      ['check', '-', '--context', '99999999999999999999'],
      'kubeplan: --context: invalid number of lines "99999999999999999999" (0 or more)',
    ],
    [
      ['lint', '-', '--max-file-size', 'banana'],
      'kubeplan: --max-file-size: invalid size "banana" (use e.g. 500KiB, 20MiB)',
    ],
    [
      ['plan', '-', '--now', 'garbage'],
      'kubeplan: --now: invalid time "garbage" (use RFC 3339, e.g. 2026-03-01T12:00:00Z)',
    ],
    [
      ['plan', '-', '--headroom-limit', 'abc'],
      'kubeplan: --headroom-limit: invalid headroom "abc" (a number of pods from 1 to 10000)',
    ],
    [
      ['plan', '-', '--headroom-limit', '0'],
      'kubeplan: --headroom-limit: invalid headroom "0" (a number of pods from 1 to 10000)',
    ],
    [
      ['plan', '-', '-n', 'Bad_NS!'],
      `kubeplan: --namespace: invalid namespace "Bad_NS!": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character`,
    ],
    [
      ['check', '-', '--namespace', 'team.a'],
      'kubeplan: --namespace: invalid namespace "team.a": must not contain dots',
    ],
    [
      ['lint', '-', '--kube-version', '2.0'],
      'kubeplan: --kube-version "2.0" is not a Kubernetes release kubeplan supports (1.16 to 1.36)',
    ],
    [
      ['check', '-', '--kube-version', '1.99'],
      'kubeplan: --kube-version "1.99" is not a Kubernetes release kubeplan supports (1.16 to 1.36)',
    ],
    [
      ['lint', '-', '--kube-version', 'latest'],
      'kubeplan: --kube-version "latest" is not a Kubernetes version such as 1.30',
    ],
  ])('%j is one line on stderr and exit code 2', async (argv, message) => {
    const r = await runCli(argv, { stdin: VALID });
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });

  it('accepts the values it documents', async () => {
    expect((await runCli(['lint', '-', '--kube-version', 'v1.16.3'], { stdin: VALID })).code).toBe(0);
    expect((await runCli(['check', '-', '--kube-version', '1.36', '-n', 'team-a'], { stdin: VALID })).code).toBe(0);
    expect(
      (await runCli(['plan', '-', '--now', '2026-03-01T12:00:00+02:00', '--headroom-limit', '5'], { stdin: VALID }))
        .code,
    ).toBe(0);
  });
});
