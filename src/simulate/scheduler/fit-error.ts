/**
 * The FailedScheduling message (framework FitError.Error): "0/N nodes are available:" then either
 * the PreFilter message or, per distinct reason, "<count> <reason>" sorted as plain strings and
 * joined with ", ", each part ending with "."; a PostFilter (preemption) message follows after a space.
 */

export const NO_NODES_MESSAGE = 'no nodes available to schedule pods';

export function formatFitError(
  numAllNodes: number,
  reasonCounts: ReadonlyMap<string, number>,
  preFilterMessage = '',
  postFilterMessage = '',
): string {
  let message = `0/${numAllNodes} nodes are available:`;
  if (preFilterMessage !== '') {
    message += ` ${preFilterMessage}.`;
  } else {
    const parts = [...reasonCounts].map(([reason, count]) => `${count} ${reason}`);
    // Go's sort.Strings compares bytes; for these ASCII strings that is JavaScript's default order.
    parts.sort();
    if (parts.length > 0) message += ` ${parts.join(', ')}.`;
  }
  if (postFilterMessage !== '') message += ` ${postFilterMessage}`;
  return message;
}
