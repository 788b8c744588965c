import { isObject, type JsonObject } from '../../model/json.js';
import { dns1123Subdomain } from '../../model/name-validation.js';
import type { FieldPath } from '../../model/selectors/validation.js';
import { containerProblems } from './containers.js';
import { eachObject, invalid, isInteger, type Problems, required } from './problems.js';

const CONTAINER_LISTS = ['initContainers', 'containers'] as const;

/**
 * A pod spec, of a Pod or a template: its containers, volumes and the mounts that name them (a
 * StatefulSet's claim templates count as volumes), its service account, security context and
 * spreading constraints.
 */
export function podSpecProblems(
  spec: JsonObject,
  at: FieldPath,
  isPod: boolean,
  claimNames: unknown[],
  out: Problems,
): void {
  const volumes = Array.isArray(spec.volumes) ? spec.volumes : [];
  const volumeNames = new Set([...volumes.map((v) => (isObject(v) ? v.name : undefined)), ...claimNames]);
  // A service account name is an object name, a DNS-1123 subdomain.
  for (const field of ['serviceAccountName', 'serviceAccount'])
    if (typeof spec[field] === 'string' && spec[field] !== '')
      for (const e of dns1123Subdomain(spec[field])) out.push(invalid(at.child(field), spec[field], e));
  eachObject(volumes, at.child('volumes'), (volume, volumeAt) => fileModes(volume, volumeAt, out));
  if (isObject(spec.securityContext)) securityContextProblems(spec.securityContext, at.child('securityContext'), out);
  for (const list of CONTAINER_LISTS) {
    eachObject(spec[list], at.child(list), (c, cAt) => {
      containerProblems(c, cAt, isPod, list === 'initContainers', out);
      if (isObject(c.securityContext)) securityContextProblems(c.securityContext, cAt.child('securityContext'), out);
      // A mount names one of the pod's volumes (a name the schema already found missing is its finding).
      eachObject(c.volumeMounts, cAt.child('volumeMounts'), (mount, mountAt) => {
        if (typeof mount.name === 'string' && mount.name !== '' && !volumeNames.has(mount.name))
          out.push({
            pointer: mountAt.child('name').pointer,
            message: `${mountAt.child('name').text}: Not found: ${JSON.stringify(mount.name)}`,
          });
      });
    });
  }
  eachObject(spec.topologySpreadConstraints, at.child('topologySpreadConstraints'), (c, cAt) =>
    spreadProblems(c, cAt, out),
  );
}

const MODE_DETAIL = 'must be a number between 0 and 0777 (octal), both inclusive';

/** File modes of the volumes that write files: 0 to 0777 (511), for the volume and each item. */
function fileModes(volume: JsonObject, at: FieldPath, out: Problems): void {
  const mode = (value: unknown, modeAt: FieldPath) => {
    if (isInteger(value) && (value < 0 || value > 0o777)) out.push(invalid(modeAt, value, MODE_DETAIL));
  };
  const items = (source: JsonObject, sourceAt: FieldPath) =>
    eachObject(source.items, sourceAt.child('items'), (item, itemAt) => mode(item.mode, itemAt.child('mode')));
  for (const kind of ['configMap', 'secret', 'downwardAPI', 'projected']) {
    const source = volume[kind];
    if (!isObject(source)) continue;
    const sourceAt = at.child(kind);
    mode(source.defaultMode, sourceAt.child('defaultMode'));
    items(source, sourceAt);
    if (kind === 'projected')
      eachObject(source.sources, sourceAt.child('sources'), (projection, projectionAt) => {
        for (const inner of ['configMap', 'secret', 'downwardAPI']) {
          const innerSource = projection[inner];
          if (isObject(innerSource)) items(innerSource, projectionAt.child(inner));
        }
      });
  }
}

const MAX_ID = 2147483647;
/** A sysctl name: dot- or slash-separated segments. */
const SYSCTL_NAME = /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/;

/** User and group ids in range, no privileged container that may not escalate (an unmasked /proc outside a user namespace is proc-mount-unmasked's), a Localhost seccomp profile named, sysctl names. */
function securityContextProblems(context: JsonObject, at: FieldPath, out: Problems): void {
  for (const field of ['runAsUser', 'runAsGroup', 'fsGroup']) {
    const id = context[field];
    if (isInteger(id) && (id < 0 || id > MAX_ID))
      out.push(invalid(at.child(field), id, `must be between 0 and ${MAX_ID}, inclusive`));
  }
  if (context.privileged === true && context.allowPrivilegeEscalation === false)
    out.push(
      invalid(
        at,
        { privileged: true, allowPrivilegeEscalation: false },
        'cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
      ),
    );
  const seccomp = context.seccompProfile;
  if (
    isObject(seccomp) &&
    seccomp.type === 'Localhost' &&
    (seccomp.localhostProfile === undefined || seccomp.localhostProfile === '')
  )
    out.push(
      required(at.child('seccompProfile').child('localhostProfile'), 'must be set when seccomp type is Localhost'),
    );
  eachObject(context.sysctls, at.child('sysctls'), (sysctl, sysctlAt) => {
    const name = sysctl.name;
    if (typeof name === 'string' && name !== '' && (name.length > 253 || !SYSCTL_NAME.test(name)))
      out.push(
        invalid(sysctlAt.child('name'), name, `must have at most 253 characters and match regex ${SYSCTL_NAME.source}`),
      );
  });
}

/** A spreading constraint: a topology key, and minDomains above zero and only where skew is enforced. */
function spreadProblems(constraint: JsonObject, at: FieldPath, out: Problems): void {
  if (isInteger(constraint.maxSkew) && constraint.maxSkew <= 0)
    out.push(invalid(at.child('maxSkew'), constraint.maxSkew, 'must be greater than zero'));
  if (constraint.topologyKey === '') out.push(required(at.child('topologyKey'), 'can not be empty'));
  const minDomains = constraint.minDomains;
  if (!isInteger(minDomains)) return;
  if (minDomains <= 0) out.push(invalid(at.child('minDomains'), minDomains, 'must be greater than zero'));
  else if (constraint.whenUnsatisfiable !== 'DoNotSchedule')
    out.push(
      invalid(
        at.child('minDomains'),
        minDomains,
        `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${String(constraint.whenUnsatisfiable)}`,
      ),
    );
}
