import { loadManifests, type LoadResult } from '../load/load-manifests.js';
import { CurrentSourceError, loadAtRevision, type RevisionOptions } from './git-revision.js';

export { CurrentSourceError } from './git-revision.js';

/** `--current git:<revision>` reads the desired paths at a revision of their repository. */
export const GIT_SOURCE_PREFIX = 'git:';

/**
 * Loads the current side: files and directories of manifests or of `kubectl get -o yaml` dumps
 * (server fields and all), or `git:<revision>`. Unreadable files are findings like on the
 * desired side; a source that cannot be used at all is a `CurrentSourceError` (exit code 2).
 */
export async function loadCurrentSource(
  sources: readonly string[],
  desiredInputs: readonly string[],
  options: RevisionOptions = {},
): Promise<LoadResult> {
  if (sources.length === 0)
    throw new CurrentSourceError(
      '--current is required: a file or directory of manifests or of a cluster dump, or git:<revision>',
    );
  const git = sources.filter((s) => s.startsWith(GIT_SOURCE_PREFIX));
  if (git.length) {
    if (sources.length > 1)
      throw new CurrentSourceError(`--current ${git[0]} cannot be combined with other --current sources`);
    const revision = git[0]!.slice(GIT_SOURCE_PREFIX.length);
    if (!revision) throw new CurrentSourceError('--current git: needs a revision, e.g. git:origin/main');
    return loadAtRevision(revision, desiredInputs, options);
  }
  if (sources.includes('-'))
    throw new CurrentSourceError(
      '--current cannot read standard input (the manifests may come from it); give a file or directory',
    );
  // Excludes describe the desired paths; a dump directory is read whole.
  return loadManifests(sources, options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {});
}
