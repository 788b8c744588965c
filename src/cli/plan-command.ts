import { Command, Option } from 'commander';
import { plan } from '../commands/plan.js';
import type { FailOn } from '../model/severity.js';
import { EXIT_ERROR } from '../model/summary.js';
import { formatPlanJson } from '../report/plan-json.js';
import { formatPlanText } from '../report/plan-text.js';
import { formatPlanYaml } from '../report/plan-yaml.js';
import { wantsColor, type CliIo } from './io.js';
import { FAIL_ON_OPTION, NAMESPACE_OPTION, sizeOption } from './lint-command.js';
import { reportSourceError } from './diff-command.js';
import { clusterConfigOf, failOnOf, loadCliConfig } from './load-cli-config.js';
import { checkStdinUse, parseHeadroomLimit, parseNow } from './option-values.js';

interface PlanFlags {
  format: 'text' | 'json' | 'yaml';
  output?: 'yaml' | 'json';
  failOn?: FailOn;
  config?: string;
  exclude: string[];
  crd: string[];
  cluster: string[];
  current: string[];
  namespace: string;
  now?: string;
  maxFileSize?: number;
  color?: boolean;
  headroom?: boolean;
  headroomLimit: number;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function planCommand(io: CliIo, setExit: (code: number) => void): Command {
  return (
    new Command('plan')
      .description('show what the cluster will do with the manifests: pods, nodes, endpoints, routes, events')
      .argument('[paths...]', 'files or directories (recursively: .yaml, .yml, .json); - reads standard input', ['.'])
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'yaml']).default('text'))
      .addOption(
        new Option('-o, --output <format>', 'like kubectl: -o yaml / -o json (same as --format)').choices([
          'yaml',
          'json',
        ]),
      )
      // No commander default: an unset flag lets .kubeplan.yaml's failOn apply.
      .addOption(FAIL_ON_OPTION())
      .option(
        '--config <file>',
        'configuration file (default: the nearest .kubeplan.yaml upward from the working directory)',
      )
      .option(
        '--cluster <path>',
        'Node objects to plan against, e.g. kubectl get nodes -o yaml (repeatable; default: cluster.nodeGroups of .kubeplan.yaml, else an embedded 7-node cluster)',
        collect,
        [],
      )
      .option(
        '--current <path>',
        'objects already in the cluster, e.g. kubectl get all,cm,secret,pvc -A -o yaml (repeatable; read whole, excludes do not apply), or git:<revision> to read the same paths at that revision',
        collect,
        [],
      )
      .addOption(NAMESPACE_OPTION())
      .addOption(
        new Option(
          '--now <time>',
          "the plan's clock, RFC 3339 (default: the latest creationTimestamp in --current, else 2026-01-01T00:00:00Z)",
        ).argParser(parseNow),
      )
      .option('--headroom', 'also show how many more pods each workload could run')
      .addOption(
        new Option('--headroom-limit <pods>', 'with --headroom: the most extra pods tried per workload')
          .argParser(parseHeadroomLimit)
          .default(100),
      )
      .option(
        '--exclude <glob>',
        'skip paths matching the glob, as a .gitignore line relative to the working directory (repeatable; added to ignorePaths of .kubeplan.yaml)',
        collect,
        [],
      )
      .option('--crd <path>', 'CustomResourceDefinitions to validate custom resources with (repeatable)', collect, [])
      .addOption(sizeOption())
      .option('--color', 'force colours')
      .option('--no-color', 'no colours')
      .action(async (paths: string[], flags: PlanFlags) => {
        checkStdinUse(paths, flags.cluster);
        const loaded = loadCliConfig(io, flags.config);
        if (!loaded) {
          setExit(EXIT_ERROR);
          return;
        }
        const clusterConfig = clusterConfigOf(loaded);
        let result: Awaited<ReturnType<typeof plan>>;
        try {
          result = await plan(paths, {
            config: loaded.config,
            exclude: flags.exclude,
            crds: flags.crd,
            cluster: flags.cluster,
            ...(clusterConfig ? { clusterConfig } : {}),
            current: flags.current,
            namespace: flags.namespace,
            failOn: failOnOf(flags.failOn, loaded.config),
            ...(flags.now ? { now: flags.now } : {}),
            ...(flags.headroom ? { headroom: flags.headroomLimit } : {}),
            ...(flags.maxFileSize !== undefined ? { maxFileBytes: flags.maxFileSize } : {}),
            ...(io.cwd ? { cwd: io.cwd } : {}),
            ...(io.readStdin ? { readStdin: io.readStdin } : {}),
          });
        } catch (error) {
          setExit(reportSourceError(io, error));
          return;
        }
        const format = flags.output ?? flags.format;
        io.stdout.write(
          format === 'json'
            ? formatPlanJson(result)
            : format === 'yaml'
              ? formatPlanYaml(result)
              : formatPlanText(result, { color: wantsColor(io, flags.color) }),
        );
        setExit(result.exitCode);
      })
  );
}
