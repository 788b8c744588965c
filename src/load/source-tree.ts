import type { SourceText } from './read-source.js';

/** What a path is, symbolic links followed. */
export type PathKind = 'file' | 'directory' | 'other' | 'missing';

export interface TreeEntry {
  name: string;
  /** Whether the entry is a symbolic link: what it leads to is asked with `resolve`. */
  link: boolean;
  /** The entry's own kind (for a link: `other`). */
  kind: PathKind;
}

/**
 * Where manifests are read from: the disk (disk-tree.ts) or a git revision (git-tree.ts). The
 * walk (walk-tree.ts) and the read → decode → parse step (load-tree.ts) are written once over it,
 * so both sources skip, order and report the same way.
 */
export interface SourceTree {
  /** The entries of a directory, or why it cannot be read (`EACCES`). */
  list(dir: string): Promise<TreeEntry[] | { error: string }>;
  /** What `path` is, links followed; `missing` when that cannot be known (a dangling link: reading it says why). */
  resolve(path: string): Promise<PathKind>;
  /**
   * The real path of a directory or file, links resolved, or why there is none: to notice a link
   * back into a directory being walked, a file reached twice, a link that leads out of the inputs.
   */
  realpath(dir: string): Promise<string | { error: string }>;
  /** `dir/name`. */
  join(dir: string, name: string): string;
  /** The absolute path on disk `path` stands for: what excludes are matched against. */
  absolute(path: string): string;
  /** How findings name the file. */
  display(path: string): string;
  /** An input that does not exist: read it (and report why it cannot be), or skip it (not there at a revision). */
  readonly missingInput: 'read' | 'skip';
  /** Reads `files` (in this order, a few ahead); `read(i)` gives the i-th file's text or its problem. */
  reader(files: readonly string[], maxBytes: number): (index: number) => Promise<SourceText>;
}
