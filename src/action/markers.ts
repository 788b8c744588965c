/**
 * Hidden HTML comments that let a later run find what an earlier one posted: the sticky
 * summary comment, and each review comment's finding (by its line-independent fingerprint).
 */
export const SUMMARY_MARKER = '<!-- kubeplan:summary -->';

export function findingMarker(fingerprint: string): string {
  return `<!-- kubeplan:finding:${fingerprint} -->`;
}

const FINDING_MARKER = /<!-- kubeplan:finding:([0-9a-f]+) -->/;

export function fingerprintInBody(body: string | undefined | null): string | undefined {
  return body ? FINDING_MARKER.exec(body)?.[1] : undefined;
}
