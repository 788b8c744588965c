import { isAbsolute, relative, sep } from 'node:path';
import ignore from 'ignore';

type Ignore = ignore.Ignore;

/** Globs written relative to one folder, as the lines of a `.gitignore` in it. */
export interface ExcludeRules {
  /** The folder the globs are relative to (absolute). */
  base: string;
  patterns: readonly string[];
}

/** Which paths a run skips. Paths are absolute; a directory that is skipped is not walked into. */
export interface PathFilter {
  /** Whether there is any rule at all (a walk without one need not ask). */
  readonly active: boolean;
  /**
   * Whether `path` is skipped. `walkRoot` is the input `path` was found under: a path outside
   * the folder of a set of rules is matched by its globs that match anywhere, below `walkRoot`.
   */
  excludes(path: string, isDirectory: boolean, walkRoot: string): boolean;
}

interface Layer {
  base: string;
  /** Every glob, for paths inside `base`. */
  all: Ignore;
  /** The globs that match at any depth, for paths outside `base`. */
  anywhere: Ignore;
}

/** Paths are matched with `/` on every platform. */
function posix(path: string): string {
  return path.split(sep).join('/');
}

/**
 * A glob naming a path below `base` absolutely is written relative to it (`/repo/charts/**` with
 * base `/repo` is `/charts/**`, anchored there), as is one starting with `./`. Any other glob is
 * read as `.gitignore` reads it.
 */
function relativeToBase(pattern: string, base: string): string {
  const negated = pattern.startsWith('!');
  const glob = negated ? pattern.slice(1) : pattern;
  const prefix = `${posix(base).replace(/\/$/, '')}/`;
  // `./charts` names the folder's own `charts`, as `/charts` does.
  const anchored = glob.startsWith(prefix)
    ? glob.slice(prefix.length)
    : glob.startsWith('./')
      ? glob.slice(2)
      : undefined;
  return anchored === undefined ? pattern : `${negated ? '!' : ''}/${anchored}`;
}

/** Whether a glob matches at any depth: it has no slash but a trailing one, or starts with a double star and a slash. */
function matchesAnywhere(pattern: string): boolean {
  const glob = pattern.replace(/^!/, '').replace(/\/+$/, '');
  return !glob.includes('/') || glob.startsWith('**/');
}

const newIgnore = (patterns: readonly string[]): Ignore =>
  // Case-sensitive, as git on Linux and as the file systems kubeplan's inputs usually live on.
  ignore({ ignorecase: false }).add([...patterns]);

/**
 * The one rule for skipping paths: `.gitignore` semantics (node-ignore), per set of globs relative
 * to its folder: `*.yaml` and `vendor/` match a name anywhere, `charts/**` and `/charts` are
 * anchored at the folder, a trailing `/` matches directories only, `!glob` brings back what an
 * earlier glob skipped (not inside a skipped directory: it is never walked). Later sets win over
 * earlier ones, as a deeper `.gitignore` does: pass the configuration's, then the command line's.
 */
export function createPathFilter(sets: readonly ExcludeRules[]): PathFilter {
  const layers: Layer[] = sets
    .filter((s) => s.patterns.length > 0)
    .map((s) => {
      const patterns = s.patterns.map((p) => relativeToBase(p, s.base));
      return { base: s.base, all: newIgnore(patterns), anywhere: newIgnore(patterns.filter(matchesAnywhere)) };
    });
  return {
    active: layers.length > 0,
    excludes(path, isDirectory, walkRoot) {
      let skipped = false;
      for (const layer of layers) {
        const inside = relative(layer.base, path);
        const within = inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
        const name = within ? inside : relative(walkRoot, path);
        if (name === '' || name.startsWith('..') || isAbsolute(name)) continue;
        const verdict = (within ? layer.all : layer.anywhere).test(posix(name) + (isDirectory ? '/' : ''));
        if (verdict.ignored) skipped = true;
        else if (verdict.unignored) skipped = false;
      }
      return skipped;
    },
  };
}

/** A filter that skips nothing. */
export const NO_FILTER: PathFilter = createPathFilter([]);
