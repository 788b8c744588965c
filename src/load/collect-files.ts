import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { compareText } from '../model/compare-text.js';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

/** Extensions picked up when walking a directory; files named explicitly are read whatever their name. */
export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

export const STDIN_PATH = '-';

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
  /** Paths to read, in a stable order, as they will be displayed; `-` is standard input. */
  files: string[];
  problems: CollectProblem[];
}

/** Paths in findings use `/` on every platform so output is the same everywhere. */
export function displayPath(path: string): string {
  return path.split(sep).join('/');
}

/**
 * A glob without a slash matches a base name anywhere (`kustomization.yaml`, `charts`); one
 * with a slash matches the whole path (`apps/legacy/**`, `charts/*.yaml`; a leading `**` for any depth),
 * relative to the working directory `cwd` or absolute (the configuration's globs are anchored at
 * its folder: anchorIgnorePaths). A trailing slash is dropped, so `charts/` is `charts`. Used for
 * the files of a run and for those of a git revision alike.
 */
export function excludeMatcher(exclude: readonly string[], cwd: string = process.cwd()): (path: string) => boolean {
  const globs = exclude.map((g) => g.replace(/\/$/, '')).filter(Boolean);
  const names = globs.filter((g) => !g.includes('/'));
  const paths = globs.filter((g) => g.includes('/'));
  const byName = names.length ? picomatch(names, { dot: true, basename: true }) : () => false;
  const byPath = paths.length ? picomatch(paths, { dot: true }) : () => false;
  const matches = (path: string): boolean => byName(path) || byPath(path);
  if (!globs.length) return () => false;
  return (path) =>
    matches(displayPath(relative(cwd, path) || path)) ||
    matches(displayPath(path)) ||
    matches(displayPath(resolve(cwd, path)));
}

/**
 * Expands the inputs of a run: files as given, directories recursively (manifest extensions
 * only, sorted by name), `-` for standard input. Excluded paths are skipped, symbolic links are
 * followed, and a link back to a directory being walked is reported once instead of looping.
 */
export async function collectFiles(
  inputs: readonly string[],
  exclude: readonly string[] = [],
): Promise<CollectedFiles> {
  const excluded = excludeMatcher(exclude);
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: CollectProblem[] = [];

  const add = (path: string): void => {
    const shown = displayPath(path);
    if (!seen.has(shown)) {
      seen.add(shown);
      files.push(shown);
    }
  };

  const walk = async (dir: string, ancestors: ReadonlySet<string>): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({
        ruleId: 'file-unreadable',
        path: displayPath(dir),
        message: `cannot read directory: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
        io: true,
      });
      return;
    }
    for (const entry of entries.sort((a, b) => compareText(a.name, b.name))) {
      const path = join(dir, entry.name);
      // Hidden entries (.git, .github, .kubeplan.yaml, .pre-commit-config.yaml) hold tools'
      // files, not cluster objects; named on the command line they are still read.
      if (entry.name.startsWith('.') || excluded(path)) continue;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(path);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          // A dangling link is reported when read, like any other unreadable file.
          isFile = MANIFEST_EXTENSIONS.some((ext) => entry.name.endsWith(ext));
        }
      }
      if (isDir) {
        await enterDirectory(path, ancestors);
      } else if (
        isFile &&
        !TOOL_CONFIG_FILES.has(entry.name) &&
        MANIFEST_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))
      ) {
        add(path);
      }
    }
  };

  const enterDirectory = async (dir: string, ancestors: ReadonlySet<string>): Promise<void> => {
    let real: string;
    try {
      real = await realpath(dir);
    } catch (error) {
      problems.push({
        ruleId: 'file-unreadable',
        path: displayPath(dir),
        message: `cannot read directory: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
        io: true,
      });
      return;
    }
    if (ancestors.has(real)) {
      problems.push({
        ruleId: 'directory-loop',
        path: displayPath(dir),
        message: `symbolic link loop: ${displayPath(dir)} leads back to ${displayPath(relative(process.cwd(), real) || '.')}, which is already being read; not followed`,
        io: false,
      });
      return;
    }
    await walk(dir, new Set([...ancestors, real]));
  };

  for (const input of inputs) {
    if (input === STDIN_PATH) {
      add(STDIN_PATH);
      continue;
    }
    let info: Stats;
    try {
      info = await stat(input);
    } catch {
      // Reading reports the precise reason (missing, permission, dangling link).
      add(input);
      continue;
    }
    if (info.isDirectory()) await enterDirectory(input, new Set());
    else if (!excluded(input)) add(input);
  }
  return { files, problems };
}
