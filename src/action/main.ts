import * as core from '@actions/core';
import { plural, severityCounts } from '../model/plural.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { BUILTIN_RULES } from '../../rules/index.js';
import { check, type CheckResult } from '../commands/check.js';
import { findConfigFile, formatConfigProblem, loadConfigFile } from '../config/load-config.js';
import type { KubeplanConfig } from '../config/config-types.js';
import { ruleDescriptors } from '../lint/rule-descriptors.js';
import type { Finding } from '../model/finding.js';
import { exitCodeFor, EXIT_CLEAN, EXIT_FINDINGS } from '../model/summary.js';
import { formatCheckMarkdown } from '../report/check-markdown.js';
import { formatGithub } from '../report/github.js';
import { formatSarif } from '../report/sarif.js';
import { CORE_CHECKS } from '../validate/core-checks.js';
import { kubeplanVersion } from '../version.js';
import { commentableLines } from './diff-lines.js';
import { pullRequestOf, type PullRequestEvent } from './event.js';
import { createGithubClient, isReadOnlyToken, statusOf, type GithubClient } from './github-client.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { changedFiles, postedFingerprints, postReview, upsertSummaryComment } from './pull-request.js';
import { fitComment } from './comment-size.js';
import { planReview } from './review-plan.js';

function loadConfig(explicit: string | undefined, workspace: string): KubeplanConfig {
  const file = explicit ?? findConfigFile(workspace);
  if (!file) return {};
  const result = loadConfigFile(file, BUILTIN_RULES);
  if (!result.ok) throw new Error(result.problems.map(formatConfigProblem).join('\n'));
  return result.config;
}

/**
 * Comments on the pull request: review comments on changed lines (at most 30, none repeated)
 * and one sticky summary. Returns the findings that still need an annotation. A read-only
 * token (pull requests from forks) or a refused comment falls back to annotations.
 */
async function commentOnPullRequest(
  client: GithubClient,
  pr: PullRequestEvent,
  inputs: ActionInputs,
  result: CheckResult,
  summary: string,
  workspace: string,
): Promise<Finding[]> {
  let annotate: Finding[] = result.findings;
  try {
    if (inputs.reviewComments && result.findings.length) {
      const [files, posted] = await Promise.all([changedFiles(client, pr), postedFingerprints(client, pr)]);
      const plan = planReview(result.findings, commentableLines(files), posted, (file) =>
        relative(workspace, resolve(workspace, file)).split('\\').join('/'),
      );
      await postReview(
        client,
        pr,
        plan.comments,
        `kubeplan found ${plural(plan.comments.length, 'problem')} on the changed lines.`,
      );
      annotate = plan.elsewhere;
      core.info(
        `kubeplan: ${plan.comments.length} review comments posted, ${plan.alreadyPosted} already there, ${plan.elsewhere.length} findings as annotations`,
      );
    }
    if (inputs.summaryComment) {
      const action = await upsertSummaryComment(client, pr, fitComment(summary));
      core.info(`kubeplan: summary comment ${action}`);
    }
  } catch (error) {
    if (isReadOnlyToken(error)) {
      core.warning(
        'kubeplan: the token cannot write to this pull request (a pull request from a fork?); the findings are in the annotations and the job summary instead.',
      );
    } else {
      core.warning(
        `kubeplan: commenting on the pull request failed (HTTP ${statusOf(error) ?? '?'}: ${(error as Error).message}); the findings are in the annotations and the job summary instead.`,
      );
    }
    return result.findings;
  }
  return annotate;
}

/** The Action: check the manifests, write SARIF and Markdown, annotate, comment, set the outputs and the result. */
export async function run(env: Record<string, string | undefined> = process.env): Promise<void> {
  try {
    const inputs = readInputs((name) => core.getInput(name));
    if (inputs.token) core.setSecret(inputs.token);
    // Paths in inputs, findings and git revisions are relative to the repository's checkout.
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    process.chdir(workspace);
    const pr = pullRequestOf(env);
    const config = loadConfig(inputs.config, workspace);
    const current = inputs.current ? [inputs.current] : pr ? [`git:${pr.baseSha}`] : [];

    const result = await check(inputs.paths, {
      config,
      current,
      ...(inputs.cluster.length ? { cluster: inputs.cluster } : {}),
      ...(inputs.profile ? { profile: inputs.profile } : {}),
      cwd: workspace,
    });
    const failOn = inputs.failOn ?? config.failOn ?? 'error';

    const rules = [...ruleDescriptors(BUILTIN_RULES), ...CORE_CHECKS];
    const sarifPath = resolve(workspace, inputs.sarifFile);
    mkdirSync(dirname(sarifPath), { recursive: true });
    writeFileSync(
      sarifPath,
      formatSarif(result.findings, { rules, toolVersion: kubeplanVersion(), repositoryRoot: workspace }),
    );
    const summary = formatCheckMarkdown(result);
    const summaryPath = resolve(env.RUNNER_TEMP ?? workspace, 'kubeplan-summary.md');
    writeFileSync(summaryPath, summary);

    let annotate = result.findings;
    if (pr && inputs.token && (inputs.reviewComments || inputs.summaryComment)) {
      const client = createGithubClient({
        token: inputs.token,
        baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        log: (m) => core.info(m),
      });
      annotate = await commentOnPullRequest(client, pr, inputs, result, summary, workspace);
    }
    const github = formatGithub(annotate);
    process.stdout.write(github.commands);
    if (env.GITHUB_STEP_SUMMARY)
      await core.summary
        .addRaw(summary)
        .addRaw(github.summary ? `\n${github.summary}` : '')
        .write();

    const counts = result.summary;
    core.setOutput('errors', counts.errors);
    core.setOutput('warnings', counts.warnings);
    core.setOutput('infos', counts.infos);
    core.setOutput('sarif-file', sarifPath);
    core.setOutput('summary-file', summaryPath);

    const code = exitCodeFor(result.findings, result.summary.ioErrors, failOn);
    if (code === EXIT_FINDINGS)
      core.setFailed(`kubeplan: findings at or above "${failOn}" (${severityCounts(counts)})`);
    else if (code !== EXIT_CLEAN) core.setFailed('kubeplan: some inputs could not be read (see the findings)');
  } catch (error) {
    core.setFailed(`kubeplan: ${(error as Error).message}`);
  }
}
