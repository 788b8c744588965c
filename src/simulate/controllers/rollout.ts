/**
 * Deployment rollout arithmetic (`pkg/controller/deployment/rolling.go`,
 * `pkg/controller/deployment/util/deployment_util.go`) as pure functions. The Deployment
 * controller of the simulation uses them one step at a time; `planRollingUpdate` runs them to
 * the end for a diff that wants the whole sequence of scale steps.
 */

/**
 * An int-or-percent value (`3`, `"25%"`) resolved against `total`; percentages round up or
 * down as asked. Undefined for anything else (`"25"`, `"x%"`, negative numbers).
 */
export function resolveIntOrPercent(value: unknown, total: number, roundUp: boolean): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+)%$/.exec(value);
  if (!match) return undefined;
  const scaled = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

export interface RollingParameters {
  maxSurge: number;
  maxUnavailable: number;
}

/**
 * maxSurge rounds up and maxUnavailable rounds down; when both come to 0, maxUnavailable is 1 so
 * the rollout can progress (ResolveFenceposts). 10 replicas at 25%/25% → surge 3, unavailable 2.
 * Unusable values count as the defaults (25%).
 */
export function rollingParameters(replicas: number, maxSurge: unknown, maxUnavailable: unknown): RollingParameters {
  const surge = resolveIntOrPercent(maxSurge ?? '25%', replicas, true) ?? resolveIntOrPercent('25%', replicas, true)!;
  let unavailable =
    resolveIntOrPercent(maxUnavailable ?? '25%', replicas, false) ?? resolveIntOrPercent('25%', replicas, false)!;
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { maxSurge: surge, maxUnavailable: unavailable };
}

/** A ReplicaSet as the rollout arithmetic sees it. */
export interface ReplicaSetCounts {
  /** spec.replicas */
  replicas: number;
  /** Pods that are available (Ready; minReadySeconds is not modelled). */
  available: number;
}

/**
 * The new ReplicaSet's next size (reconcileNewReplicaSet): straight to `replicas` when it is
 * above; otherwise up by `min(replicas + maxSurge − Σ all, replicas − new)` when room is left.
 */
export function nextNewReplicaSetSize(
  replicas: number,
  params: RollingParameters,
  newRs: ReplicaSetCounts,
  all: readonly ReplicaSetCounts[],
): number {
  if (newRs.replicas === replicas) return replicas;
  if (newRs.replicas > replicas) return replicas;
  const total = all.reduce((sum, rs) => sum + rs.replicas, 0);
  const maxTotal = replicas + params.maxSurge;
  if (total >= maxTotal) return newRs.replicas;
  return newRs.replicas + Math.max(0, Math.min(maxTotal - total, replicas - newRs.replicas));
}

/**
 * The old ReplicaSets' next sizes (reconcileOldReplicaSets), oldest first: first unhealthy pods
 * are removed within `Σ all − (replicas − maxUnavailable) − (new spec − new available)`, then
 * available pods down to `replicas − maxUnavailable` available in total.
 */
export function nextOldReplicaSetSizes(
  replicas: number,
  params: RollingParameters,
  newRs: ReplicaSetCounts,
  old: readonly ReplicaSetCounts[],
): number[] {
  const sizes = old.map((rs) => rs.replicas);
  if (sizes.every((s) => s === 0)) return sizes;
  const minAvailable = replicas - params.maxUnavailable;
  const all = sizes.reduce((a, b) => a + b, 0) + newRs.replicas;
  const maxScaledDown = all - minAvailable - (newRs.replicas - newRs.available);
  if (maxScaledDown <= 0) return sizes;
  // Unhealthy pods of old ReplicaSets go first: removing them costs no availability.
  let cleaned = 0;
  old.forEach((rs, i) => {
    if (cleaned >= maxScaledDown || rs.replicas === rs.available) return;
    const count = Math.min(maxScaledDown - cleaned, rs.replicas - rs.available);
    sizes[i] = rs.replicas - count;
    cleaned += count;
  });
  const available = old.reduce((sum, rs, i) => sum + Math.min(rs.available, sizes[i]!), 0) + newRs.available;
  if (available <= minAvailable) return sizes;
  let budget = available - minAvailable;
  sizes.forEach((size, i) => {
    if (budget <= 0 || size === 0) return;
    const count = Math.min(size, budget);
    sizes[i] = size - count;
    budget -= count;
  });
  return sizes;
}

export interface RolloutStep {
  /** `new`, or the index of an old ReplicaSet (oldest first). */
  replicaSet: 'new' | number;
  from: number;
  to: number;
}

export interface RollingUpdateInput {
  replicas: number;
  maxSurge?: unknown;
  maxUnavailable?: unknown;
  /** Sizes of the old ReplicaSets, oldest first; their pods are taken to be available. */
  oldReplicas: readonly number[];
  /** How many pods of the new ReplicaSet can become available (e.g. how many fit); default all. */
  newPodsThatFit?: number;
}

export interface RollingUpdatePlan {
  parameters: RollingParameters;
  steps: RolloutStep[];
  /** True when the rollout reaches `replicas` new pods and no old ones; false when it stalls. */
  complete: boolean;
}

/**
 * The sequence of scale steps of a RollingUpdate, in the order the Deployment controller takes
 * them: the new ReplicaSet grows within maxSurge; in the next sync its new pods have only just
 * started, so the old ReplicaSets shrink only as far as maxUnavailable allows without them;
 * then the new pods (those that fit) become available, and the controller goes on. Stops when
 * nothing moves.
 */
export function planRollingUpdate(input: RollingUpdateInput): RollingUpdatePlan {
  const parameters = rollingParameters(input.replicas, input.maxSurge, input.maxUnavailable);
  const fit = input.newPodsThatFit ?? Number.POSITIVE_INFINITY;
  let newRs: ReplicaSetCounts = { replicas: 0, available: 0 };
  let old: ReplicaSetCounts[] = input.oldReplicas.map((r) => ({ replicas: r, available: r }));
  const steps: RolloutStep[] = [];
  for (let guard = 0; guard < 10_000; guard++) {
    const next = nextNewReplicaSetSize(input.replicas, parameters, newRs, [...old, newRs]);
    const grew = next !== newRs.replicas;
    if (grew) {
      steps.push({ replicaSet: 'new', from: newRs.replicas, to: next });
      newRs = { replicas: next, available: newRs.available };
    }
    const sizes = nextOldReplicaSetSizes(input.replicas, parameters, newRs, old);
    const changed = sizes
      .map((to, i) => ({ replicaSet: i, from: old[i]!.replicas, to }))
      .filter((s) => s.from !== s.to);
    for (const item of changed) steps.push(item);
    old = sizes.map((r, i) => ({ replicas: r, available: Math.min(old[i]!.available, r) }));
    const available = Math.min(newRs.replicas, fit);
    if (!grew && changed.length === 0 && available === newRs.available) break;
    newRs = { replicas: newRs.replicas, available };
  }
  const complete = newRs.available === input.replicas && old.every((rs) => rs.replicas === 0);
  return { parameters, steps, complete };
}
