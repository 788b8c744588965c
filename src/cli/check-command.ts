import { checkStdinUse } from './option-values.js';
import { Command, Option } from 'commander';
import { check } from '../commands/check.js';
import type { RuleProfile } from '../lint/rule-profiles.js';
import { KUBE_VERSION_OPTION, PROFILE_OPTION } from './lint-command.js';
import { EXIT_ERROR, exitCodeFor } from '../model/summary.js';
import { formatCheckJson } from '../report/check-json.js';
import { formatCheckMarkdown } from '../report/check-markdown.js';
import { formatCheckText } from '../report/check-text.js';
import { addCurrentStateOptions, diffOptionsFrom, reportSourceError, type CurrentStateFlags } from './diff-command.js';
import { wantsColor, type CliIo } from './io.js';
import { isReviewFormat, REVIEW_FORMATS, writeReviewFormat, type ReviewFormat } from './review-formats.js';

interface CheckFlags extends CurrentStateFlags {
  format: 'text' | 'json' | 'markdown' | ReviewFormat;
  kubeVersion?: string;
  profile?: RuleProfile;
  inlineIgnores: boolean;
}

export function checkCommand(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command('check')
    .description('lint, plan and (with --current) diff in one run: one report, one exit code; what CI runs')
    .argument('[paths...]', 'files or directories (recursively: .yaml, .yml, .json); - reads standard input', ['.'])
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['text', 'json', 'markdown', ...REVIEW_FORMATS])
        .default('text'),
    )
    .addOption(KUBE_VERSION_OPTION())
    .addOption(PROFILE_OPTION())
    .option('--no-inline-ignores', 'report findings that kubeplan.io/ignore annotations would suppress');
  return addCurrentStateOptions(command, false).action(async (paths: string[], flags: CheckFlags) => {
    checkStdinUse(paths, flags.cluster);
    const run = diffOptionsFrom(io, flags);
    if (!run) return setExit(EXIT_ERROR);
    let result: Awaited<ReturnType<typeof check>>;
    try {
      result = await check(paths, {
        ...run.options,
        ...(flags.kubeVersion !== undefined ? { kubernetesVersion: flags.kubeVersion } : {}),
        ...(flags.profile !== undefined ? { profile: flags.profile } : {}),
        ...(flags.inlineIgnores === false ? { inlineIgnores: false } : {}),
      });
    } catch (error) {
      return setExit(reportSourceError(io, error));
    }
    const source = flags.current.join(', ');
    if (isReviewFormat(flags.format)) {
      writeReviewFormat(io, flags.format, {
        findings: result.findings,
        objects: result.lint.manifests.map((m) => ({ file: m.source.file, ref: m.ref })),
        failOn: run.failOn,
      });
    } else {
      io.stdout.write(
        flags.format === 'json'
          ? formatCheckJson(result, source)
          : flags.format === 'markdown'
            ? formatCheckMarkdown(result)
            : formatCheckText(result, { color: wantsColor(io, flags.color), currentSource: source }),
      );
    }
    setExit(exitCodeFor(result.findings, result.summary.ioErrors, run.failOn));
  });
}
