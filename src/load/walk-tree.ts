import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { compareText } from '../model/compare-text.js';
import { STDIN_PATH } from './disk-tree.js';
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
  ruleId: 'file-unreadable' | 'directory-loop' | 'link-outside-inputs';
  path: string;
  message: string;
  /** True for an input that could not be read (exit code 2); false for a skipped loop or link. */
  io: boolean;
}

export interface CollectedFiles {
  /** Paths of the tree to read, in a stable order; `-` is standard input. */
  files: string[];
  problems: CollectProblem[];
}

const isManifestName = (name: string): boolean => MANIFEST_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

/** Whether the absolute path `path` is `root` or below it. */
function within(path: string, root: string): boolean {
  const below = relative(root, path);
  return below === '' || !(below === '..' || below.startsWith(`..${sep}`) || isAbsolute(below));
}

/**
 * One path per real file, in walk order: the first found without a symbolic link on the way
 * (findings then name the file where it is), else the first found.
 */
function chosen(found: ReadonlyArray<{ path: string; key: string; linked: boolean }>): string[] {
  const best = new Map<string, (typeof found)[number]>();
  for (const file of found) {
    const known = best.get(file.key);
    if (!known || (known.linked && !file.linked)) best.set(file.key, file);
  }
  const kept = new Set(best.values());
  return found.filter((file) => kept.has(file)).map((file) => file.path);
}

/**
 * The one walk over the inputs, on disk or at a git revision: files as given, directories
 * recursively, each sorted by name, for manifest extensions only. Hidden entries (`.git`,
 * `.github`, `.kubeplan.yaml`) and Kustomize's own files are skipped: they hold tools' files, not
 * cluster objects (named as an input they are read). Paths the filter excludes are skipped, and
 * an excluded directory is not walked into.
 *
 * Each real file is read once, however it is reached: named twice (`v.yaml ./v.yaml`), or
 * through a symbolic link to a file that is read anyway (`chosen` picks the path that names it).
 * A link inside a walked directory is followed only to a path inside the inputs (a directory
 * given, or a file named): one that leads elsewhere (`app.yaml -> ../../secrets/creds.env`) is
 * reported as skipped and not read, so a walk never reads what the user did not point it at. A
 * link back to a directory being walked is reported once instead of looping.
 */
export async function walkTree(
  tree: SourceTree,
  inputs: readonly string[],
  filter: PathFilter = NO_FILTER,
): Promise<CollectedFiles> {
  const problems: CollectProblem[] = [];

  /** The absolute real path of `path` (links resolved), or undefined when it has none. */
  const realOf = async (path: string): Promise<string | undefined> => {
    const real = await tree.realpath(path);
    return typeof real === 'string' ? tree.absolute(real) : undefined;
  };
  const roots: string[] = [];
  for (const input of inputs) {
    const real = await realOf(input);
    if (real !== undefined) roots.push(real);
  }
  const insideInputs = (real: string): boolean => roots.some((root) => within(real, root));

  /**
   * The files found, in walk order, each with its real path (else its name) and whether a
   * symbolic link led to it; `files` keeps one per real file (see `chosen`).
   */
  const found: Array<{ path: string; key: string; linked: boolean }> = [];
  const add = (path: string, real: string | undefined, linked: boolean): void => {
    found.push({ path, key: real ?? tree.display(path), linked });
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
  const outside = (path: string): void => {
    problems.push({
      ruleId: 'link-outside-inputs',
      path: tree.display(path),
      // The target is not named: where a link points can be as private as what it points at.
      message: 'symbolic link to a path outside the inputs; not read',
      io: false,
    });
  };

  const walk = async (
    dir: string,
    realDir: string,
    root: string,
    ancestors: ReadonlySet<string>,
    linked: boolean,
  ): Promise<void> => {
    const entries = await tree.list(dir);
    if (!Array.isArray(entries)) return unreadable(dir, entries.error);
    for (const entry of entries.sort((a, b) => compareText(a.name, b.name))) {
      if (entry.name.startsWith('.')) continue;
      const path = tree.join(dir, entry.name);
      let kind = entry.link ? await tree.resolve(path) : entry.kind;
      // A dangling link is reported when read, like any other unreadable file.
      if (kind === 'missing' && isManifestName(entry.name)) kind = 'file';
      if (excluded(path, kind, root)) continue;
      if (kind !== 'directory' && (kind !== 'file' || TOOL_CONFIG_FILES.has(entry.name) || !isManifestName(entry.name)))
        continue;
      // Below a real directory, an entry that is no link is where it is listed; a link is resolved.
      const real = entry.link ? await realOf(path) : join(realDir, entry.name);
      if (entry.link && real !== undefined && !insideInputs(real)) outside(path);
      else if (kind === 'directory') await enter(path, root, ancestors, linked || entry.link);
      else add(path, real, linked || entry.link);
    }
  };

  const enter = async (dir: string, root: string, ancestors: ReadonlySet<string>, linked: boolean): Promise<void> => {
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
    await walk(dir, tree.absolute(real), root, new Set([...ancestors, real]), linked);
  };

  for (const input of inputs) {
    const kind = await tree.resolve(input);
    if (kind === 'directory') await enter(input, input, new Set(), false);
    else if (kind === 'missing') {
      // Reading reports the precise reason (missing, permission, dangling link).
      if (tree.missingInput === 'read') add(input, undefined, false);
    } else if (!excluded(input, kind, dirname(input)))
      add(input, input === STDIN_PATH ? STDIN_PATH : await realOf(input), false);
  }
  return { files: chosen(found), problems };
}
