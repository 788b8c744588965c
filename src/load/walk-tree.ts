import { dirname } from 'node:path';
import { compareText } from '../model/compare-text.js';
import { NO_FILTER, type PathFilter } from './path-filter.js';
import type { PathKind, SourceTree } from './source-tree.js';

/** Extensions picked up when walking a directory; files named explicitly are read whatever their name. */
export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/**
 * Files that configure build tools rather than describe cluster objects; a directory walk skips
 * them (naming one explicitly still reads it).
 */
const TOOL_CONFIG_FILES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);

export interface CollectProblem {
  ruleId: 'file-unreadable' | 'directory-loop';
  path: string;
  message: string;
  /** True for an input that could not be read (exit code 2); false for a skipped loop. */
  io: boolean;
}

export interface CollectedFiles {
  /** Paths of the tree to read, in a stable order; `-` is standard input. */
  files: string[];
  problems: CollectProblem[];
}

const isManifestName = (name: string): boolean => MANIFEST_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

/**
 * The one walk over the inputs, on disk or at a git revision: files as given, directories
 * recursively, each sorted by name, for manifest extensions only. Hidden entries (`.git`,
 * `.github`, `.kubeplan.yaml`) and Kustomize's own files are skipped: they hold tools' files, not
 * cluster objects (named as an input they are read). Paths the filter excludes are skipped, and
 * an excluded directory is not walked into. Symbolic links are followed; a link back to a
 * directory being walked is reported once instead of looping. A file found twice is read once.
 */
export async function walkTree(
  tree: SourceTree,
  inputs: readonly string[],
  filter: PathFilter = NO_FILTER,
): Promise<CollectedFiles> {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: CollectProblem[] = [];

  const add = (path: string): void => {
    const shown = tree.display(path);
    if (!seen.has(shown)) {
      seen.add(shown);
      files.push(path);
    }
  };
  const excluded = (path: string, kind: PathKind, root: string): boolean =>
    filter.active && filter.excludes(tree.absolute(path), kind === 'directory', tree.absolute(root));
  const unreadable = (dir: string, error: string): void => {
    problems.push({
      ruleId: 'file-unreadable',
      path: tree.display(dir),
      message: `cannot read directory: ${error}`,
      io: true,
    });
  };

  const walk = async (dir: string, root: string, ancestors: ReadonlySet<string>): Promise<void> => {
    const entries = await tree.list(dir);
    if (!Array.isArray(entries)) return unreadable(dir, entries.error);
    for (const entry of entries.sort((a, b) => compareText(a.name, b.name))) {
      if (entry.name.startsWith('.')) continue;
      const path = tree.join(dir, entry.name);
      let kind = entry.link ? await tree.resolve(path) : entry.kind;
      // A dangling link is reported when read, like any other unreadable file.
      if (kind === 'missing' && isManifestName(entry.name)) kind = 'file';
      if (excluded(path, kind, root)) continue;
      if (kind === 'directory') await enter(path, root, ancestors);
      else if (kind === 'file' && !TOOL_CONFIG_FILES.has(entry.name) && isManifestName(entry.name)) add(path);
    }
  };

  const enter = async (dir: string, root: string, ancestors: ReadonlySet<string>): Promise<void> => {
    const real = await tree.realpath(dir);
    if (typeof real !== 'string') return unreadable(dir, real.error);
    if (ancestors.has(real)) {
      problems.push({
        ruleId: 'directory-loop',
        path: tree.display(dir),
        message: `symbolic link loop: ${tree.display(dir)} leads back to ${tree.display(real)}, which is already being read; not followed`,
        io: false,
      });
      return;
    }
    await walk(dir, root, new Set([...ancestors, real]));
  };

  for (const input of inputs) {
    const kind = await tree.resolve(input);
    if (kind === 'directory') await enter(input, input, new Set());
    else if (kind === 'missing') {
      // Reading reports the precise reason (missing, permission, dangling link).
      if (tree.missingInput === 'read') add(input);
    } else if (!excluded(input, kind, dirname(input))) add(input);
  }
  return { files, problems };
}
