import { Command, Option } from 'commander';
import { CurrentSourceError, diff, diffExitCode, type DiffOptions } from '../commands/diff.js';
import type { FailOn } from '../model/severity.js';
import { EXIT_ERROR } from '../model/summary.js';
import { formatDiffJson } from '../report/diff-json.js';
import { formatDiffMarkdown } from '../report/diff-markdown.js';
import { formatDiffText } from '../report/diff-text.js';
import { wantsColor, type CliIo } from './io.js';
import { FAIL_ON_OPTION, NAMESPACE_OPTION, sizeOption } from './lint-command.js';
import { clusterConfigOf, failOnOf, loadCliConfig } from './load-cli-config.js';
import { checkStdinUse, parseLines } from './option-values.js';

/** Flags `kubeplan diff` and `kubeplan check` share. */
export interface CurrentStateFlags {
  current: string[];
  namespace: string;
  prune?: boolean;
  wholeObject?: boolean;
  serverSide?: boolean;
  forceConflicts?: boolean;
  fieldManager?: string;
  config?: string;
  exclude: string[];
  crd: string[];
  cluster: string[];
  context: number;
  consequences: boolean;
  failOn?: FailOn;
  maxFileSize?: number;
  color?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The options of the current state and of the comparison, added to `diff` and `check`. */
export function addCurrentStateOptions(command: Command, currentRequired: boolean): Command {
  const current = `the cluster's current state: a file or directory of manifests or of \`kubectl get -o yaml\` output, or git:<revision> to read the same paths at that revision (repeatable for files)${currentRequired ? '' : '; without it, no diff'}`;
  return command
    .option('--current <source>', current, collect, [])
    .addOption(NAMESPACE_OPTION())
    .option(
      '--prune',
      'delete objects only the current side has (in the namespaces of the manifests); otherwise they are listed as unmanaged',
    )
    .addOption(
      new Option(
        '--whole-object',
        'compare the manifests with the whole live objects, as if they replaced them (default: as `kubectl apply` merges them, leaving the fields the manifests do not set)',
      ).conflicts('serverSide'),
    )
    .option(
      '--server-side',
      "predict `kubectl apply --server-side`: field ownership from the live objects' managedFields, fields other managers own kept, conflicts reported as errors",
    )
    .option('--force-conflicts', 'with --server-side: take over the fields other managers own, as kubectl does')
    .option('--field-manager <name>', 'with --server-side: the field manager applying (default: kubectl)')
    .addOption(FAIL_ON_OPTION())
    .option(
      '--config <file>',
      'configuration file (default: the nearest .kubeplan.yaml upward from the working directory)',
    )
    .option(
      '--cluster <path>',
      'Node objects to run the plan on, e.g. kubectl get nodes -o yaml (repeatable; default: the embedded 7-node cluster)',
      collect,
      [],
    )
    .option('--no-consequences', 'do not run the plan on both sides (no rollouts, endpoints or routes)')
    .option('--context <lines>', 'lines of context around each change', parseLines, 3)
    .option(
      '--exclude <glob>',
      'skip paths matching the glob, as a .gitignore line relative to the working directory (repeatable; added to ignorePaths of .kubeplan.yaml; a --current dump is read whole)',
      collect,
      [],
    )
    .option('--crd <path>', 'CustomResourceDefinitions to validate custom resources with (repeatable)', collect, [])
    .addOption(sizeOption())
    .option('--color', 'force colours')
    .option('--no-color', 'no colours');
}

/** The library options for a run of `diff` or `check`, or undefined after printing why there can be none. */
export function diffOptionsFrom(
  io: CliIo,
  flags: CurrentStateFlags,
): { options: DiffOptions; failOn: FailOn } | undefined {
  const loaded = loadCliConfig(io, flags.config);
  if (!loaded) return undefined;
  const config = loaded.config;
  const clusterConfig = clusterConfigOf(loaded);
  const serverSide = flags.serverSide || (!flags.wholeObject && config.diff?.mode === 'server-side');
  if ((flags.forceConflicts || flags.fieldManager) && !serverSide) {
    io.stderr.write('kubeplan: --force-conflicts and --field-manager only work with --server-side\n');
    return undefined;
  }
  return {
    failOn: failOnOf(flags.failOn, config),
    options: {
      current: flags.current,
      namespace: flags.namespace,
      ...(flags.prune ? { prune: true } : {}),
      ...(flags.wholeObject ? { mode: 'whole-object' as const } : {}),
      ...(flags.serverSide ? { mode: 'server-side' as const } : {}),
      ...(flags.forceConflicts ? { forceConflicts: true } : {}),
      ...(flags.fieldManager ? { fieldManager: flags.fieldManager } : {}),
      config,
      exclude: flags.exclude,
      crds: flags.crd,
      cluster: flags.cluster,
      ...(clusterConfig ? { clusterConfig } : {}),
      context: flags.context,
      consequences: flags.consequences,
      ...(io.cwd ? { cwd: io.cwd } : {}),
      ...(flags.maxFileSize !== undefined ? { maxFileBytes: flags.maxFileSize } : {}),
      ...(io.readStdin ? { readStdin: io.readStdin } : {}),
    },
  };
}

/** Prints a `CurrentSourceError` (exit code 2); anything else is a bug and goes on up. */
export function reportSourceError(io: CliIo, error: unknown): number {
  if (!(error instanceof CurrentSourceError)) throw error;
  io.stderr.write(`kubeplan: ${error.message}\n`);
  return EXIT_ERROR;
}

interface DiffFlags extends CurrentStateFlags {
  format: 'text' | 'json' | 'markdown';
  exitCode?: boolean;
}

export function diffCommand(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command('diff')
    .description(
      'compare the manifests with the current state: normalized changes, masked Secrets, and what the cluster will do differently',
    )
    .argument(
      '[paths...]',
      'the desired manifests: files or directories (recursively: .yaml, .yml, .json); - reads standard input',
      ['.'],
    )
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'),
    )
    .option('--exit-code', 'exit 0 without changes, 1 with changes, 2 on an error (as kubectl diff)');
  return addCurrentStateOptions(command, true).action(async (paths: string[], flags: DiffFlags) => {
    checkStdinUse(paths, flags.cluster);
    const run = diffOptionsFrom(io, flags);
    if (!run) return setExit(EXIT_ERROR);
    let result: Awaited<ReturnType<typeof diff>>;
    try {
      result = await diff(paths, run.options);
    } catch (error) {
      return setExit(reportSourceError(io, error));
    }
    const source = flags.current.join(', ');
    io.stdout.write(
      flags.format === 'json'
        ? formatDiffJson(result, source)
        : flags.format === 'markdown'
          ? formatDiffMarkdown(result, source)
          : formatDiffText(result, { color: wantsColor(io, flags.color), currentSource: source }),
    );
    setExit(diffExitCode(result, { exitCode: flags.exitCode === true, failOn: run.failOn }));
  });
}
