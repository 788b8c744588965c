import { asObject } from '../model/json.js';
import type { ContainerEntry } from '../model/containers.js';
import type { PodTemplate } from '../model/pod-template.js';

/** A security setting as it applies to a container, and where it was written. */
export interface EffectiveSetting {
  value: unknown;
  /** Pointer to the field that decided the value, or to where it should be set when unset. */
  pointer: string;
  /** Where the value came from: the container, the pod, or nowhere (unset). */
  source: 'container' | 'pod' | 'unset';
}

/**
 * A field that exists at both levels (`runAsNonRoot`, `runAsUser`, `seccompProfile`,
 * `appArmorProfile`): the container's securityContext wins over the pod's.
 */
export function effectiveSetting(template: PodTemplate, c: ContainerEntry, field: string): EffectiveSetting {
  const own = asObject(c.container.securityContext)?.[field];
  if (own !== undefined && own !== null)
    return { value: own, pointer: `${c.pointer}/securityContext/${field}`, source: 'container' };
  const pod = asObject(template.spec.securityContext)?.[field];
  if (pod !== undefined && pod !== null)
    return { value: pod, pointer: `${template.specPointer}/securityContext/${field}`, source: 'pod' };
  return { value: undefined, pointer: `${c.pointer}/securityContext/${field}`, source: 'unset' };
}

/** A container-only security field (`privileged`, `allowPrivilegeEscalation`, ...). */
export function containerSetting(c: ContainerEntry, field: string): unknown {
  return asObject(c.container.securityContext)?.[field];
}

/** Windows pods: Linux-only controls (seccomp, capabilities, root user) do not apply. */
export function isWindowsPod(template: PodTemplate): boolean {
  return asObject(template.spec.os)?.name === 'windows';
}
