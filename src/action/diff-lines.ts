/**
 * The lines of a pull request that can carry a review comment: for each changed file, the
 * new-side line numbers that appear in its diff hunks (added and context lines). GitHub
 * rejects the whole review with 422 when one comment is on any other line.
 */
export type CommentableLines = Map<string, Set<number>>;

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/** New-side line numbers inside the hunks of one file's unified diff (`patch` in the GitHub API). */
export function linesInPatch(patch: string): Set<number> {
  const lines = new Set<number>();
  let next = 0;
  let inHunk = false;
  for (const line of patch.split('\n')) {
    const hunk = HUNK.exec(line);
    if (hunk) {
      next = Number(hunk[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    if (line.startsWith('+') || line.startsWith(' ')) lines.add(next++);
    // '-' lines exist only on the old side; '\ No newline at end of file' is a marker.
  }
  return lines;
}

export interface PullRequestFile {
  filename: string;
  status?: string;
  /** Missing for binary files and diffs too large for the API. */
  patch?: string;
}

export function commentableLines(files: readonly PullRequestFile[]): CommentableLines {
  const map: CommentableLines = new Map();
  for (const f of files) {
    if (f.status === 'removed' || !f.patch) continue;
    map.set(f.filename, linesInPatch(f.patch));
  }
  return map;
}
