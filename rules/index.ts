/**
 * Every built-in rule, in id order. A rule is one file named after its id; the meta-test fails
 * when a file here is missing from this list, or a rule lacks docs, fixtures or tests.
 */
import type { Rule } from '../src/lint/rule.js';
import apiDeprecated from './api-deprecated.js';
import apiRemoved from './api-removed.js';
import apparmorUnconfined from './apparmor-unconfined.js';
import capabilitiesDangerous from './capabilities-dangerous.js';
import capabilitiesDropAllMissing from './capabilities-drop-all-missing.js';
import configmapKeyMissing from './configmap-key-missing.js';
import configmapReferenceMissing from './configmap-reference-missing.js';
import cpuRequestMissing from './cpu-request-missing.js';
import cronjobDeadlineMissing from './cronjob-deadline-missing.js';
import cronjobScheduleInvalid from './cronjob-schedule-invalid.js';
import cronjobScheduleNeverRuns from './cronjob-schedule-never-runs.js';
import duplicateContainerName from './duplicate-container-name.js';
import duplicateContainerPort from './duplicate-container-port.js';
import duplicateEnvName from './duplicate-env-name.js';
import duplicateObject from './duplicate-object.js';
import hostNamespace from './host-namespace.js';
import hostPathVolume from './host-path-volume.js';
import hostPort from './host-port.js';
import hpaReplicasConflict from './hpa-replicas-conflict.js';
import hpaTargetMissing from './hpa-target-missing.js';
import imagePullPolicyMismatch from './image-pull-policy-mismatch.js';
import imageTagLatest from './image-tag-latest.js';
import ingressBackendMissing from './ingress-backend-missing.js';
import ingressPathConflict from './ingress-path-conflict.js';
import ingressTlsSecretMissing from './ingress-tls-secret-missing.js';
import invalidLabel from './invalid-label.js';
import invalidName from './invalid-name.js';
import jobRestartPolicy from './job-restart-policy.js';
import livenessProbeMissing from './liveness-probe-missing.js';
import memoryLimitMissing from './memory-limit-missing.js';
import memoryRequestMissing from './memory-request-missing.js';
import networkPolicySelectsNothing from './network-policy-selects-nothing.js';
import pdbBlocksEviction from './pdb-blocks-eviction.js';
import pdbSelectsNothing from './pdb-selects-nothing.js';
import portNumberTypo from './port-number-typo.js';
import privilegeEscalationAllowed from './privilege-escalation-allowed.js';
import privilegedContainer from './privileged-container.js';
import probePortNotExposed from './probe-port-not-exposed.js';
import probesIdentical from './probes-identical.js';
import procMountUnmasked from './proc-mount-unmasked.js';
import pvcReferenceMissing from './pvc-reference-missing.js';
import readOnlyRootFilesystemMissing from './read-only-root-filesystem-missing.js';
import readinessProbeMissing from './readiness-probe-missing.js';
import requestAboveLimit from './request-above-limit.js';
import runAsNonRootMissing from './run-as-non-root-missing.js';
import runAsUserRoot from './run-as-user-root.js';
import seccompProfileMissing from './seccomp-profile-missing.js';
import secretInEnvValue from './secret-in-env-value.js';
import secretKeyMissing from './secret-key-missing.js';
import secretReferenceMissing from './secret-reference-missing.js';
import selectorTemplateMismatch from './selector-template-mismatch.js';
import serviceAccountMissing from './service-account-missing.js';
import serviceAccountTokenAutomount from './service-account-token-automount.js';
import serviceSelectorNoPods from './service-selector-no-pods.js';
import serviceTargetPortMissing from './service-target-port-missing.js';
import singleReplicaWithoutPdb from './single-replica-without-pdb.js';
import statefulsetServiceMissing from './statefulset-service-missing.js';
import sysctlUnsafe from './sysctl-unsafe.js';

export const BUILTIN_RULES: readonly Rule[] = [
  apiDeprecated,
  apiRemoved,
  apparmorUnconfined,
  capabilitiesDangerous,
  capabilitiesDropAllMissing,
  configmapKeyMissing,
  configmapReferenceMissing,
  cpuRequestMissing,
  cronjobDeadlineMissing,
  cronjobScheduleInvalid,
  cronjobScheduleNeverRuns,
  duplicateContainerName,
  duplicateContainerPort,
  duplicateEnvName,
  duplicateObject,
  hostNamespace,
  hostPathVolume,
  hostPort,
  hpaReplicasConflict,
  hpaTargetMissing,
  imagePullPolicyMismatch,
  imageTagLatest,
  ingressBackendMissing,
  ingressPathConflict,
  ingressTlsSecretMissing,
  invalidLabel,
  invalidName,
  jobRestartPolicy,
  livenessProbeMissing,
  memoryLimitMissing,
  memoryRequestMissing,
  networkPolicySelectsNothing,
  pdbBlocksEviction,
  pdbSelectsNothing,
  portNumberTypo,
  privilegeEscalationAllowed,
  privilegedContainer,
  probePortNotExposed,
  probesIdentical,
  procMountUnmasked,
  pvcReferenceMissing,
  readOnlyRootFilesystemMissing,
  readinessProbeMissing,
  requestAboveLimit,
  runAsNonRootMissing,
  runAsUserRoot,
  seccompProfileMissing,
  secretInEnvValue,
  secretKeyMissing,
  secretReferenceMissing,
  selectorTemplateMismatch,
  serviceAccountMissing,
  serviceAccountTokenAutomount,
  serviceSelectorNoPods,
  serviceTargetPortMissing,
  singleReplicaWithoutPdb,
  statefulsetServiceMissing,
  sysctlUnsafe,
];
