/**
 * The lines of a pull request that get review comments: for each changed file, the new-side
 * line numbers the pull request adds or changes. GitHub would also accept the context lines of
 * a hunk (and rejects the whole review with 422 for any line outside the hunks), but a comment
 * there would be about a line the author did not touch: those findings become annotations.
 */
export type CommentableLines = Map<string, Set<number>>;

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/** New-side line numbers added by one file's unified diff (`patch` in the GitHub API). */
export function addedLines(patch: string): Set<number> {
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
    if (line.startsWith('+')) lines.add(next++);
    else if (line.startsWith(' ')) next++;
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
    map.set(f.filename, addedLines(f.patch));
  }
  return map;
}
