import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { OracleAnswer } from './oracle.js';

/**
 * What the differential tests (test/differential) share: how many cases to run, the seed, a
 * long-lived oracle process to ask case by case, and the agreement figures of a run.
 *
 * `npm test` runs the short run (`short` cases per property); `npm run oracle` sets
 * KUBEPLAN_ORACLE_CASES for the long one and KUBEPLAN_ORACLE_FIGURES to the folder the figures go to.
 */

/** Cases per property: the short run's count, or KUBEPLAN_ORACLE_CASES. */
export function caseCount(short: number): number {
  const wanted = Number(process.env.KUBEPLAN_ORACLE_CASES);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : short;
}

/**
 * fast-check's parameters: a fixed seed per property (so a run is reproducible and a failure
 * prints the same minimal case every time) unless KUBEPLAN_ORACLE_SEED asks for another. A
 * failure is shrunk to a small case before it is printed.
 */
export function runParameters(short: number, fixedSeed: number): { numRuns: number; seed: number } {
  const seed = Number(process.env.KUBEPLAN_ORACLE_SEED);
  return { numRuns: caseCount(short), seed: Number.isInteger(seed) ? seed : fixedSeed };
}

/** An oracle process answering one case at a time, in order. */
export interface OracleSession {
  ask(request: object): Promise<OracleAnswer>;
  close(): void;
}

/**
 * The process starts on the first question, so that a suite that skips (describe.skip still runs
 * its body) leaves no process behind to keep the test run from ending.
 */
export function startOracle(binary: string): OracleSession {
  const waiting: Array<{ resolve: (a: OracleAnswer) => void; reject: (e: Error) => void }> = [];
  let child: ChildProcessWithoutNullStreams | undefined;
  const started = (): ChildProcessWithoutNullStreams => {
    if (child) return child;
    const process = spawn(binary, [], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    process.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    createInterface({ input: process.stdout }).on('line', (line) =>
      waiting.shift()?.resolve(JSON.parse(line) as OracleAnswer),
    );
    process.on('exit', (code) => {
      for (const w of waiting.splice(0)) w.reject(new Error(`the oracle ended (exit ${code}): ${stderr}`));
    });
    child = process;
    return process;
  };
  return {
    ask: (request) =>
      new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        started().stdin.write(`${JSON.stringify(request)}\n`);
      }),
    close: () => child?.stdin.end(),
  };
}

/**
 * A run's agreement figures for one area: cases compared, cases that agree, and cases that differ
 * for a documented reason (by the id of that reason). Every other case fails its test.
 */
export class Agreement {
  readonly deliberate = new Map<string, number>();
  cases = 0;
  agreeing = 0;

  constructor(readonly area: string) {}

  agree(): void {
    this.cases++;
    this.agreeing++;
  }

  differ(reason: string): void {
    this.cases++;
    this.deliberate.set(reason, (this.deliberate.get(reason) ?? 0) + 1);
  }

  /** Prints the figures, and writes them to KUBEPLAN_ORACLE_FIGURES/<area>.json when that is set. */
  report(): void {
    const deliberate = Object.fromEntries([...this.deliberate].sort(([a], [b]) => a.localeCompare(b)));
    const figures = { area: this.area, cases: this.cases, agreeing: this.agreeing, deliberate };
    console.log(
      `${this.area}: ${this.agreeing} of ${this.cases} cases agree; deliberate differences ${JSON.stringify(deliberate)}`,
    );
    const dir = process.env.KUBEPLAN_ORACLE_FIGURES;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${this.area}.json`), `${JSON.stringify(figures, null, 2)}\n`);
    }
  }
}
