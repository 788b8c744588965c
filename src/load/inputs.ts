import type { KnownDocuments } from './fast-parse.js';
import { dirname, resolve } from 'node:path';
import type { KubeplanConfig } from '../config/config-types.js';
import type { Finding } from '../model/finding.js';
import type { Manifest } from '../model/manifest.js';
import { isCrd } from '../validate/crd/crd-registry.js';
import { loadCurrentSource } from './current-source.js';
import { type FileReader, readProcessStdin } from './disk-tree.js';
import { emptyLoad, type LoadOptions, type LoadResult, loadManifests } from './load-manifests.js';
import { createPathFilter, type PathFilter } from './path-filter.js';

/** What a command is asked to read, before anything is read. */
export interface InputOptions {
  /** `--exclude`: `.gitignore` lines relative to `cwd` (path-filter.ts). */
  exclude?: readonly string[];
  /** The configuration: its `ignorePaths` are relative to the folder of `config.file` (else `cwd`). */
  config?: KubeplanConfig;
  /** The working directory excludes and git revisions are relative to (default: the process's). */
  cwd?: string;
  maxFileBytes?: number;
  /** Reads standard input (the `-` path); read at most once per run. */
  readStdin?: () => Promise<Uint8Array>;
  /** Reads one file from disk; tests pass their own to count reads. */
  readFile?: FileReader;
  /** `--crd`: files or directories of CustomResourceDefinitions. */
  crds?: readonly string[];
  /** `--current`: files or directories of a cluster dump, or one `git:<revision>` of the paths. */
  current?: readonly string[];
}

/**
 * The inputs of a run, read once: what lint, plan, diff and check all take. Built by loadInputs;
 * each command given paths instead builds it itself.
 */
export interface LoadedInputs {
  /** The paths the manifests were read from. */
  readonly paths: readonly string[];
  /** The manifests. */
  readonly desired: LoadResult;
  /** The `--crd` inputs (empty without). */
  readonly crds: LoadResult;
  /** The current state, when `current` was given. */
  readonly current?: LoadResult;
  /** The CustomResourceDefinitions among the manifests and the `--crd` inputs: the schemas of custom resources. */
  readonly crdManifests: readonly Manifest[];
  /** Which paths the run skips (the configuration's `ignorePaths`, then `--exclude`). */
  readonly filter: PathFilter;
  /** How other inputs of the run (`--cluster`) are read: whole, with the same size bound, reader and standard input. */
  readonly referenceOptions: LoadOptions;
}

/**
 * The one exclusion rule of a run: the configuration's `ignorePaths` relative to its folder, then
 * `--exclude` relative to the working directory; the later wins for a path both name (`!glob`).
 */
export function runFilter(options: Pick<InputOptions, 'exclude' | 'config' | 'cwd'>): PathFilter {
  const cwd = resolve(options.cwd ?? process.cwd());
  const config = options.config;
  return createPathFilter([
    { base: config?.file ? dirname(resolve(cwd, config.file)) : cwd, patterns: config?.ignorePaths ?? [] },
    { base: cwd, patterns: options.exclude ?? [] },
  ]);
}

/** Standard input, read the first time it is asked for and shared after that. */
function readOnce(read: () => Promise<Uint8Array>): () => Promise<Uint8Array> {
  let once: Promise<Uint8Array> | undefined;
  return () => (once ??= read());
}

/**
 * Reads the inputs of a run once. The excludes (`runFilter`) decide which of the manifests'
 * files are read, on disk and at a `git:` revision alike; the reference inputs named on their
 * own (`--crd`, `--cluster`, a `--current` dump) are read whole. Standard input is read once.
 * Throws `CurrentSourceError` when the current state cannot be used at all.
 */
export async function loadInputs(paths: readonly string[], options: InputOptions = {}): Promise<LoadedInputs> {
  const filter = runFilter(options);
  // The process's standard input by default: a stream can be read only once, and every input
  // of the run that names `-` (the manifests, `--crd`, `--cluster`) gets the same bytes.
  const readStdin = readOnce(options.readStdin ?? readProcessStdin);
  const common = {
    ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
    ...(options.readFile ? { readFile: options.readFile } : {}),
    // The current state and the manifests share most documents word for word: each is parsed once.
    known: new Map() as KnownDocuments,
  };
  const withStdin = { ...common, readStdin };
  const current = options.current?.length
    ? await loadCurrentSource(options.current, paths, {
        ...common,
        filter,
        ...(options.cwd ? { cwd: options.cwd } : {}),
      })
    : undefined;
  const desired = await loadManifests(paths, { ...withStdin, filter });
  const crds = options.crds?.length ? await loadManifests(options.crds, withStdin) : emptyLoad();
  return {
    paths,
    desired,
    crds,
    ...(current ? { current } : {}),
    crdManifests: [...desired.manifests, ...crds.manifests].filter(isCrd),
    filter,
    // Without the documents read: the loads are over, and they would be held for the whole run.
    referenceOptions: { ...withStdin, known: undefined },
  };
}

/** Whether a command was given loaded inputs rather than paths. */
export function isLoadedInputs(inputs: readonly string[] | LoadedInputs): inputs is LoadedInputs {
  return !Array.isArray(inputs);
}

/**
 * The loading problems of a run, each once: every one of the manifests and of the current state;
 * of the `--crd` inputs only errors (a CRD file is read for its schemas, not checked).
 */
export function loadFindings(loaded: LoadedInputs): Finding[] {
  return [
    ...(loaded.current?.findings ?? []),
    ...loaded.desired.findings,
    ...loaded.crds.findings.filter((f) => f.severity === 'error'),
  ];
}

/** Inputs that could not be read at all, over all inputs of the run. */
export function loadIoErrors(loaded: LoadedInputs): number {
  return (loaded.current?.ioErrors ?? 0) + loaded.desired.ioErrors + loaded.crds.ioErrors;
}
