import { isAbsolute, relative, resolve } from 'node:path';
import { CurrentSourceError } from './current-source-error.js';
import { displayPath, STDIN_PATH } from './disk-tree.js';
import { gitTree, git } from './git-tree.js';
import { filterOf, type LoadOptions, type LoadResult, loadTree } from './load-manifests.js';
import { DEFAULT_MAX_FILE_BYTES } from './read-source.js';

export interface RevisionOptions extends Pick<LoadOptions, 'exclude' | 'filter' | 'maxFileBytes' | 'known'> {
  /** Where relative paths and the repository are looked up (default: the process's directory). */
  cwd?: string;
}

/**
 * Loads the manifests that `paths` (the desired side's inputs) held at a git revision of the
 * repository they are in, with the same walk, excludes and read step as on disk (walkTree,
 * loadTree) over the commit's tree (gitTree). A path that did not exist at that revision
 * contributes nothing (all its objects are new). Findings name files as
 * `<revision>:<path from the repository root>`.
 */
export async function loadAtRevision(
  revision: string,
  paths: readonly string[],
  options: RevisionOptions = {},
): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  let root: string;
  try {
    root = (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
  } catch (error) {
    throw new CurrentSourceError(
      `--current git:${revision}: ${cwd} is not in a git repository (${(error as Error).message})`,
    );
  }
  let commit: string;
  try {
    commit = (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], root)).trim();
  } catch {
    throw new CurrentSourceError(`--current git:${revision}: unknown revision "${revision}" in ${root}`);
  }
  const inputs = (paths.length ? paths : ['.']).map((path) => {
    if (path === STDIN_PATH)
      throw new CurrentSourceError(
        '--current git:<revision> reads the same paths at that revision; standard input has none',
      );
    const inRepo = displayPath(relative(root, resolve(cwd, path)));
    if (inRepo.startsWith('..') || isAbsolute(inRepo))
      throw new CurrentSourceError(`--current git:${revision}: ${path} is outside the repository ${root}`);
    return inRepo;
  });
  const tree = await gitTree(root, revision, commit);
  return loadTree(tree, inputs, filterOf(options, cwd), options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, options.known);
}
