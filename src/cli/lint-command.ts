import { Command, Option } from 'commander';
import { DEFAULT_NAMESPACE } from '../model/namespace-scope.js';
import { FAIL_ON_LEVELS } from '../model/severity.js';
import { lint } from '../commands/lint.js';
import type { FailOn } from '../model/severity.js';
import { exitCodeFor } from '../model/summary.js';
import { RULE_PROFILES, type RuleProfile } from '../lint/rule-profiles.js';
import { EXIT_ERROR } from '../model/summary.js';
import { parseKubeRelease, parseMaxFileSize, parseNamespace } from './option-values.js';
import { wantsColor, type CliIo } from './io.js';
import { failOnOf, loadCliConfig } from './load-cli-config.js';
import { formatLintResult } from './lint-output.js';
import { isReviewFormat, REVIEW_FORMATS, writeReviewFormat, type ReviewFormat } from './review-formats.js';

interface LintFlags {
  format: 'text' | 'json' | ReviewFormat;
  failOn?: FailOn;
  config?: string;
  inlineIgnores: boolean;
  kubeVersion?: string;
  profile?: RuleProfile;
  exclude: string[];
  crd: string[];
  strict: boolean;
  maxFileSize?: number;
  color?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export const FORMAT_OPTION = (): Option =>
  new Option('-f, --format <format>', 'output format').choices(['text', 'json', ...REVIEW_FORMATS]).default('text');
/** `--fail-on`, without a default: an unset flag lets `failOn` of .kubeplan.yaml apply. */
export const FAIL_ON_OPTION = (): Option =>
  new Option(
    '--fail-on <level>',
    'exit 1 when a finding is at or above this severity (default: failOn of .kubeplan.yaml, else error)',
  ).choices(FAIL_ON_LEVELS);

/** `--profile`, without a default: an unset flag lets `profile` of .kubeplan.yaml apply. */
export const PROFILE_OPTION = (): Option =>
  new Option(
    '--profile <profile>',
    'which rules run: default (what breaks or endangers a cluster), restricted (adds Pod Security restricted) or all (default: profile of .kubeplan.yaml, else default)',
  ).choices(RULE_PROFILES);

/** `-n`: where namespaced objects without a namespace go (plan, diff, check). */
export const NAMESPACE_OPTION = (): Option =>
  new Option('-n, --namespace <namespace>', 'namespace of objects that set none, as kubectl applies them')
    .argParser(parseNamespace)
    .default(DEFAULT_NAMESPACE);

/** `--kube-version`, checked when parsed: a release kubeplan supports (lint and check). */
export const KUBE_VERSION_OPTION = (): Option =>
  new Option(
    '--kube-version <version>',
    'Kubernetes version to check against, e.g. 1.30 (default: kubernetesVersion of .kubeplan.yaml, else 1.36)',
  ).argParser(parseKubeRelease);

export function sizeOption(): Option {
  return new Option(
    '--max-file-size <size>',
    'skip (and report) files larger than this, e.g. 20MiB (default 10MiB)',
  ).argParser(parseMaxFileSize);
}

export function lintCommand(io: CliIo, setExit: (code: number) => void): Command {
  return (
    new Command('lint')
      .description(
        'check manifests against the Kubernetes API schemas (strict: unknown fields are errors), then run the rules over all objects together',
      )
      .argument('[paths...]', 'files or directories (recursively: .yaml, .yml, .json); - reads standard input', ['.'])
      .addOption(FORMAT_OPTION())
      // No commander default: an unset flag lets .kubeplan.yaml's failOn apply.
      .addOption(FAIL_ON_OPTION())
      .option(
        '--config <file>',
        'configuration file (default: the nearest .kubeplan.yaml upward from the working directory)',
      )
      .addOption(KUBE_VERSION_OPTION())
      .addOption(PROFILE_OPTION())
      .option('--no-inline-ignores', 'report findings that kubeplan.io/ignore annotations would suppress')
      .option(
        '--exclude <glob>',
        'skip paths matching the glob, as a .gitignore line relative to the working directory (repeatable; added to ignorePaths of .kubeplan.yaml)',
        collect,
        [],
      )
      .option('--crd <path>', 'CustomResourceDefinitions to validate custom resources with (repeatable)', collect, [])
      .option('--no-strict', 'do not report unknown fields')
      .addOption(sizeOption())
      .option('--color', 'force colours')
      .option('--no-color', 'no colours')
      .action(async (paths: string[], flags: LintFlags) => {
        const loaded = loadCliConfig(io, flags.config);
        if (!loaded) {
          setExit(EXIT_ERROR);
          return;
        }
        const result = await lint(paths, {
          exclude: flags.exclude,
          ...(io.cwd ? { cwd: io.cwd } : {}),
          crds: flags.crd,
          strict: flags.strict,
          config: loaded.config,
          ...(flags.kubeVersion !== undefined ? { kubernetesVersion: flags.kubeVersion } : {}),
          ...(flags.profile !== undefined ? { profile: flags.profile } : {}),
          ...(flags.inlineIgnores === false ? { inlineIgnores: false } : {}),
          ...(flags.maxFileSize !== undefined ? { maxFileBytes: flags.maxFileSize } : {}),
          ...(io.readStdin ? { readStdin: io.readStdin } : {}),
        });
        const failOn = failOnOf(flags.failOn, loaded.config);
        if (isReviewFormat(flags.format)) {
          writeReviewFormat(io, flags.format, {
            findings: result.findings,
            objects: result.manifests.map((m) => ({ file: m.source.file, ref: m.ref })),
            failOn,
          });
        } else {
          io.stdout.write(formatLintResult(result, flags.format, wantsColor(io, flags.color)));
        }
        setExit(exitCodeFor(result.findings, result.summary.ioErrors, failOn));
      })
  );
}
