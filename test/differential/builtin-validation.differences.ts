/**
 * Where kubeplan's validation of built-in objects deliberately differs from the API server's, in
 * one place: the differential test (builtin-validation.test.ts) counts each case that falls under
 * one of these by its id, and fails on any other difference.
 */

/**
 * Error-severity rules that do not claim the API server refuses the object: the object is
 * accepted, and then breaks at run time or breaks the team's policy. The comparison leaves their
 * findings out; every other error is a claim of refusal and must match the API server's answer.
 */
export const ERRORS_THAT_ARE_NOT_REFUSALS: Readonly<Record<string, string>> = {
  'apparmor-unconfined': 'security policy: the API server accepts an unconfined profile',
  'capabilities-dangerous': 'security policy: the API server accepts any capability',
  'host-namespace': 'security policy: the API server accepts host namespaces',
  'privileged-container': 'security policy: the API server accepts privileged containers',
  'run-as-user-root': 'security policy: the API server accepts user 0',
  'probe-port-not-exposed': "breaks at run time: the kubelet's probe finds no port of that name",
  'service-target-port-missing': 'breaks at run time: the Service has no endpoint for that port',
  'ingress-backend-missing': 'breaks at run time: the backend Service is not in the input',
  'sysctl-unsafe': 'breaks at run time: the kubelet refuses the pod',
};

/**
 * Field paths the API server's errors name in their own way, rewritten to the field they mean.
 */
export const UPSTREAM_FIELD_QUIRKS: ReadonlyArray<readonly [RegExp, string]> = [
  // A pod template's label errors name `template.labels`, without the `metadata` they are in.
  [/(^|\.)template\.labels\b/, '$1template.metadata.labels'],
  // A downwardAPI volume item's mode is named `downwardAPI.mode`, without the item.
  [/\.downwardAPI\.mode$/, '.downwardAPI'],
];

/**
 * Rules that point at another field than the API server's error does, for the same refusal: the
 * field the API server would name, from the field kubeplan points at.
 */
export const FIELD_ALIASES: Readonly<Record<string, (field: string, kind: unknown) => readonly string[]>> = {
  // The API server names the template's labels; kubeplan points at the selector, which it quotes.
  'selector-template-mismatch': (field) => [field.replace(/^spec\.selector$/, 'spec.template.metadata.labels')],
  // A Job's name is copied into its pod template's labels, where the API server reports a bad name
  // a second time; kubeplan reports it once, on the name.
  // A Namespace's name is copied into its label kubernetes.io/metadata.name, reported again there.
  'invalid-name': (field) =>
    field === 'metadata.name'
      ? [field, 'spec.template.metadata.labels', 'spec.jobTemplate.spec.template.metadata.labels', 'metadata.labels']
      : [field],
  // A ReplicationController without labels takes its template's, where a bad one is reported again.
  'invalid-label': (field, kind) =>
    kind === 'ReplicationController' && field.startsWith('spec.template.metadata.labels')
      ? [field, 'metadata.labels']
      : [field],
};

/**
 * Refusals kubeplan does not reproduce (scope limits): the oracle's error matches `field` (a
 * regular expression on its field path) and `message`; the case then counts under `id`.
 */
export interface MissedRefusal {
  id: string;
  field: RegExp;
  message: RegExp;
  /** A further condition on the object, when the field and message alone say too little. */
  when?: (object: Record<string, unknown>, field: string) => boolean;
  reason: string;
}

/** The value at an API server field path such as `spec.ports[0].targetPort`. */
function valueAtPath(object: unknown, field: string): unknown {
  return field
    .split(/\.|\[|\]/)
    .filter(Boolean)
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], object);
}

export const MISSED_REFUSALS: readonly MissedRefusal[] = [
  {
    id: 'selector-missing-so-mismatch',
    field: /(^|\.)template\.metadata\.labels$/,
    message: /`selector` does not match template `labels`$/,
    when: (object) => valueAtPath(object, 'spec.selector') === undefined,
    reason:
      'with no selector at all, the API server also reports that it does not match the labels; kubeplan reports the missing selector once',
  },
  {
    id: 'mount-of-invalid-volume',
    field: /\.volumeMounts\[\d+\]\.name$/,
    message: /^Not found: /,
    when: (object, field) => {
      const spec = valueAtPath(
        object,
        field.replace(/\.(initContainers|containers)\[\d+\]\.volumeMounts\[\d+\]\.name$/, ''),
      );
      const name = valueAtPath(object, field);
      const volumes = (spec as { volumes?: Array<{ name?: unknown }> } | undefined)?.volumes ?? [];
      return volumes.some((v) => v.name === name);
    },
    reason:
      'a volume the API server refuses is left out of the names that mounts may use, so its mounts are reported too; kubeplan reports the volume once',
  },
  {
    id: 'service-target-port-from-port',
    field: /^spec\.ports\[\d+\]\.targetPort$/,
    message: /^Invalid value: -?\d+: must be between 1 and 65535, inclusive$/,
    when: (object, field) => [undefined, 0].includes(valueAtPath(object, field) as number | undefined),
    reason:
      "a targetPort left unset takes the port's number, so the API server reports an invalid port twice; kubeplan reports it once, on the port",
  },
];
