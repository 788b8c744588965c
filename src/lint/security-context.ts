import { asObject } from '../model/json.js';
import { type FieldValue, fieldOf, WRONG_TYPE } from './field-of.js';
import type { ContainerEntry } from '../model/containers.js';
import type { PodTemplate } from '../model/pod-template.js';

/** A security setting as it applies to a container, and where it was written. */
export interface EffectiveSetting {
  value: unknown;
  /** Pointer to the field that decided the value, or to where it should be set when unset. */
  pointer: string;
  /**
   * Where the value came from: the container, the pod, or nowhere (unset); `wrong-type` when the
   * securityContext that decides, or the field in it, has the wrong type: the value is unknown
   * and rules say nothing (the schema phase reports it).
   */
  source: 'container' | 'pod' | 'unset' | 'wrong-type';
}

/**
 * A field that exists at both levels (`runAsNonRoot`, `runAsUser`, `seccompProfile`,
 * `appArmorProfile`): the container's securityContext wins over the pod's. `is` says which
 * values have the field's type.
 */
export function effectiveSetting(
  template: PodTemplate,
  c: ContainerEntry,
  field: string,
  is: (value: unknown) => boolean,
): EffectiveSetting {
  const levels = [
    { root: c.container, pointer: `${c.pointer}/securityContext/${field}`, source: 'container' as const },
    { root: template.spec, pointer: `${template.specPointer}/securityContext/${field}`, source: 'pod' as const },
  ];
  for (const level of levels) {
    const value = fieldOf(level.root, ['securityContext', field], (v): v is unknown => is(v));
    if (value === WRONG_TYPE) return { value: undefined, pointer: level.pointer, source: 'wrong-type' };
    if (value !== undefined) return { value, pointer: level.pointer, source: level.source };
  }
  return { value: undefined, pointer: `${c.pointer}/securityContext/${field}`, source: 'unset' };
}

/** A container-only security field (`privileged`, `allowPrivilegeEscalation`, ...), read as fieldOf reads it. */
export function containerSetting<T>(
  c: ContainerEntry,
  field: string,
  is: (value: unknown) => value is T,
): FieldValue<T> {
  return fieldOf(c.container, ['securityContext', field], is);
}

/** Windows pods: Linux-only controls (seccomp, capabilities, root user) do not apply. */
export function isWindowsPod(template: PodTemplate): boolean {
  return asObject(template.spec.os)?.name === 'windows';
}
