import { CurrentSourceError } from './current-source-error.js';
import { STDIN_PATH } from './disk-tree.js';
import { type LoadOptions, type LoadResult, loadManifests } from './load-manifests.js';
import { loadAtRevision, type RevisionOptions } from './load-revision.js';

export { CurrentSourceError } from './current-source-error.js';

/** `--current git:<revision>` reads the desired paths at a revision of their repository. */
export const GIT_SOURCE_PREFIX = 'git:';

/** The error of a diff without a current state. */
export function missingCurrentSource(): CurrentSourceError {
  return new CurrentSourceError(
    '--current is required: a file or directory of manifests or of a cluster dump, or git:<revision>',
  );
}

export type CurrentSourceOptions = RevisionOptions & Pick<LoadOptions, 'readFile'>;

/**
 * Loads the current side: files and directories of manifests or of `kubectl get -o yaml` dumps
 * (server fields and all), or `git:<revision>`. A revision is the desired paths at that commit,
 * so the run's excludes apply to it exactly as to the files on disk; a dump file or directory is
 * a picture of the cluster, read whole. Unreadable files are findings as on the desired side; a
 * source that cannot be used at all is a `CurrentSourceError` (exit code 2).
 */
export async function loadCurrentSource(
  sources: readonly string[],
  desiredInputs: readonly string[],
  options: CurrentSourceOptions = {},
): Promise<LoadResult> {
  if (sources.length === 0) throw missingCurrentSource();
  const git = sources.filter((s) => s.startsWith(GIT_SOURCE_PREFIX));
  if (git.length) {
    if (sources.length > 1)
      throw new CurrentSourceError(`--current ${git[0]} cannot be combined with other --current sources`);
    const revision = git[0]!.slice(GIT_SOURCE_PREFIX.length);
    if (!revision) throw new CurrentSourceError('--current git: needs a revision, e.g. git:origin/main');
    return loadAtRevision(revision, desiredInputs, options);
  }
  if (sources.includes(STDIN_PATH))
    throw new CurrentSourceError(
      '--current cannot read standard input (the manifests may come from it); give a file or directory',
    );
  return loadManifests(sources, {
    ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
    ...(options.readFile ? { readFile: options.readFile } : {}),
    ...(options.known ? { known: options.known } : {}),
  });
}
