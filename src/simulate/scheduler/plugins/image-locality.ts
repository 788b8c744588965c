/**
 * ImageLocality: favours nodes that already have the pod's images. Each image present on the node
 * counts its size scaled by the share of nodes that have it (so an image everywhere does not pull
 * pods onto one node); the sum is clamped between 23 MiB and 1000 MiB per container and scaled to
 * 0..100. Image names match node.status.images names exactly, after adding ":latest" to an
 * untagged name.
 */
import type { Cluster } from '../cluster.js';
import { MAX_NODE_SCORE } from '../normalize.js';

export const NAME = 'ImageLocality';
export const WEIGHT = 1;

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/**
 * The name kube-scheduler looks up among node.status.images: the image string as written, with
 * ":latest" appended when there is no ':' after the last '/'. This is deliberately not a parse of
 * the reference (src/model/image-reference.ts): the scheduler compares raw strings, so `nginx`
 * and `docker.io/library/nginx` are different names here, a digest (`app@sha256:…`) is kept as
 * it is, and an invalid reference still gets a name.
 */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

/** An image's size scaled by the share of nodes that have it, truncated as Go's int64(float64). */
export function scaledImageScore(size: number, nodesWithImage: number, totalNodes: number): number {
  return Math.trunc(size * (nodesWithImage / totalNodes));
}

export function calculatePriority(sumScores: number, containers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * containers;
  const clamped = Math.min(Math.max(sumScores, MIN_THRESHOLD), maxThreshold);
  return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

/** The score of every node for a pod with these images (init containers and containers). */
export function imageLocalityScores(cluster: Cluster, images: readonly string[]): Int32Array {
  const scores = new Int32Array(cluster.N);
  // A pod without containers scores 0 in Go (the sum is raised to the minimum, the maximum is 0);
  // calculatePriority's clamp would give it 100.
  if (images.length === 0 || !cluster.images.hasAny) return scores;
  const names = images.map(normalizedImageName);
  for (let n = 0; n < cluster.N; n++) {
    const onNode = cluster.images.byNode[n]!;
    let sum = 0;
    for (const name of names) {
      if (!onNode.has(name)) continue;
      const image = cluster.images.byName.get(name)!;
      sum += scaledImageScore(image.size, image.nodes, cluster.N);
    }
    scores[n] = calculatePriority(sum, images.length);
  }
  return scores;
}
