import { Command, Option } from 'commander';
import { lint } from '../commands/lint.js';
import type { FailOn } from '../model/severity.js';
import { exitCodeFor } from '../model/summary.js';
import { formatJson } from '../report/json.js';
import { formatText } from '../report/text.js';
import { wantsColor, type CliIo } from './io.js';
import { parseSize } from './parse-size.js';

interface LintFlags {
  format: 'text' | 'json';
  failOn: FailOn;
  exclude: string[];
  crd: string[];
  strict: boolean;
  maxFileSize?: number;
  color?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export const FORMAT_OPTION = (): Option => new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text');
export const FAIL_ON_OPTION = (): Option =>
  new Option('--fail-on <level>', 'exit 1 when a finding is at or above this severity').choices(['error', 'warning', 'info', 'never']).default('error');

export function sizeOption(): Option {
  return new Option('--max-file-size <size>', 'skip (and report) files larger than this, e.g. 20MiB (default 10MiB)').argParser((value) => {
    const bytes = parseSize(value);
    if (bytes === undefined) throw new Error(`invalid size "${value}" (use e.g. 500KiB, 20MiB)`);
    return bytes;
  });
}

export function lintCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('lint')
    .description('check manifests against the Kubernetes API schemas (strict: unknown fields are errors)')
    .argument('[paths...]', 'files or directories (recursively: .yaml, .yml, .json); - reads standard input', ['.'])
    .addOption(FORMAT_OPTION())
    .addOption(FAIL_ON_OPTION())
    .option('--exclude <glob>', 'skip paths matching the glob (repeatable)', collect, [])
    .option('--crd <path>', 'CustomResourceDefinitions to validate custom resources with (repeatable)', collect, [])
    .option('--no-strict', 'do not report unknown fields')
    .addOption(sizeOption())
    .option('--color', 'force colours')
    .option('--no-color', 'no colours')
    .action(async (paths: string[], flags: LintFlags) => {
      const result = await lint(paths, {
        exclude: flags.exclude,
        crds: flags.crd,
        strict: flags.strict,
        ...(flags.maxFileSize !== undefined ? { maxFileBytes: flags.maxFileSize } : {}),
        ...(io.readStdin ? { readStdin: io.readStdin } : {}),
      });
      io.stdout.write(flags.format === 'json' ? formatJson(result) : formatText(result, { color: wantsColor(io, flags.color) }));
      setExit(exitCodeFor(result.findings, result.summary.ioErrors, flags.failOn));
    });
}
