/**
 * Where kubeplan's scheduler deliberately differs from kube-scheduler v1.36 (the oracle's
 * `schedule` op), in one place: the differential test (scheduling.test.ts) counts each case that
 * falls under one of these by its id, and fails on any other difference.
 *
 * Each difference has a matcher on the case's comparison (sched-compare.ts), precise enough that
 * nothing else hides under it: where a difference is one of wording, the matcher rewrites
 * kubeplan's text the documented way and the rewritten text must then equal the oracle's byte for
 * byte; where it is one of choice, kubeplan's choice must be one the oracle may make.
 */

export interface SchedulingDifference {
  id: string;
  reason: string;
}

export const TIE_BREAK: SchedulingDifference = {
  id: 'tie-break',
  reason:
    'kube-scheduler picks at random among the nodes with the top total score (and, when preempting, among the ' +
    'candidates that tie, by a random offset); kubeplan deterministically picks the first node name. Accepted ' +
    "when kubeplan's node is one of the oracle's top-scoring nodes (or one of the preemption choices the oracle " +
    'may make, with the same victims).',
};

export const TAINT_REASON_WORDING: SchedulingDifference = {
  id: 'taint-reason-names-the-taint',
  reason:
    "kubeplan names the first untolerated taint (`node(s) had untolerated taint {key: value}`, kube-scheduler's " +
    'wording up to 1.34); v1.35+ writes `node(s) had untolerated taint(s)`. kubeplan keeps the taint in the reason ' +
    'because its plan and problems report which taint to tolerate. Matcher: rewriting each such reason to the ' +
    "v1.36 wording (and adding up the counts of the reasons that become one) gives the oracle's text exactly.",
};

export const DRA_POSTFILTER_WORDING: SchedulingDifference = {
  id: 'dra-postfilter-text',
  reason:
    "v1.34+ runs DynamicResources' PostFilter before DefaultPreemption, and for a pod without resource claims its " +
    '`no new claims to deallocate` comes first in the PostFilter part of the FailedScheduling message ' +
    '(`... no new claims to deallocate, preemption: ...`). kubeplan does not model DRA and writes the preemption ' +
    "part alone. Matcher: inserting `no new claims to deallocate, ` before kubeplan's `preemption:` gives the " +
    "oracle's message exactly.",
};

/** Every deliberate difference, by id. */
export const SCHEDULING_DIFFERENCES: readonly SchedulingDifference[] = [
  TIE_BREAK,
  TAINT_REASON_WORDING,
  DRA_POSTFILTER_WORDING,
];
