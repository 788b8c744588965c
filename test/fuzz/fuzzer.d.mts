// Types of fuzzer.mjs, for the jest test.

export interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}
export function createRng(seed: string | number): Rng;

export interface Fixture {
  path: string;
  text: string;
}
export function loadFixtures(root: string): Fixture[];

export interface Mutator {
  name: string;
  apply(text: string, rng: Rng, fixtures: readonly Fixture[]): string;
}
export const MUTATORS: readonly Mutator[];
export const SECRET_VARIANTS: readonly string[];
export const SECRET_NEEDLES: readonly string[];

export interface FuzzCase {
  seed: string;
  index: number;
  base: string;
  name: string;
  ops: string[];
  text: string;
  currentText: string;
  secret: string;
  command: 'lint' | 'plan' | 'diff' | 'check';
  format: string;
  extras: string[];
}
export function generateCase(fixtures: readonly Fixture[], seed: string | number, index: number): FuzzCase;
export function writeCase(c: FuzzCase, dir: string): void;
export function argvOf(c: FuzzCase, dir: string): string[];
export function commandLine(c: FuzzCase): string;

export interface RunResult {
  code: number | string | null;
  stdout: string;
  stderr: string;
  timedOut?: boolean;
  timeoutMs?: number;
}
export type Runner = (argv: string[], cwd: string) => Promise<RunResult>;
export function inProcessRunner(
  cli: (argv: readonly string[], io: { stdout: any; stderr: any; env: any; cwd?: string }) => Promise<number>,
): Runner;
export function processRunner(bin: string, timeoutMs?: number): Runner;

export interface Failure {
  signature: string;
  detail: string;
}
export function checkResult(c: FuzzCase, result: RunResult): Failure[];
export function runCase(
  c: FuzzCase,
  runner: Runner,
  dir: string,
  options?: { rerun?: boolean },
): Promise<{ failures: Failure[]; result: RunResult }>;
export function failuresOf(
  c: FuzzCase,
  runner: Runner,
  dir: string,
  options?: { rerun?: boolean; process?: Runner },
): Promise<Failure[]>;
export function shrinkCase(
  c: FuzzCase,
  signature: string,
  reproduces: (candidate: FuzzCase) => Promise<boolean>,
  budget?: number,
): Promise<{ case: FuzzCase; tries: number }>;

export interface FailureClass {
  signature: string;
  count: number;
  via: 'in-process' | 'process';
  first: FuzzCase;
  failure: Failure;
  minimal?: FuzzCase;
  minimalFailure?: Failure;
  savedIn?: string;
}
export interface FuzzSummary {
  seed: string;
  count: number;
  runs: number;
  fuzzMs: number;
  classes: FailureClass[];
}
export function fuzz(options: {
  fixtures: readonly Fixture[];
  seed: string | number;
  count: number;
  runner: Runner;
  workDir: string;
  saveDir?: string;
  rerunEvery?: number;
  processRunner?: Runner;
  processEvery?: number;
  shrinkBudget?: number;
  shrinkMs?: number;
  log?: (line: string) => void;
}): Promise<FuzzSummary>;
export function formatReport(summary: FuzzSummary): string;
