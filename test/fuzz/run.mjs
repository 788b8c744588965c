#!/usr/bin/env node
// npm run fuzz: the long run of the mutation fuzzer (docs/testing.md) against the build in lib/.
// FUZZ_SEED (default: a new one, printed), FUZZ_COUNT (10000), FUZZ_JOBS (worker threads, default
// 2), FUZZ_PROCESS_EVERY (every n-th mutant also runs as `node lib/src/bin.js`, default 100),
// FUZZ_TIMEOUT_MS (a mutant taking longer is a hang, default 60000), FUZZ_TIME_LIMIT (seconds:
// start no new mutant after it, default none), FUZZ_SHRINK_RUNS (runs to shrink one failure class
// in-process, default 250; a sixth of it as processes), FUZZ_OUT (where minimal inputs are saved, default
// $TMPDIR/kubeplan-fuzz-<seed>). Exit code 1 when anything failed.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  compareRunners,
  failuresOf,
  formatReport,
  generateCase,
  inProcessRunner,
  loadFixtures,
  processRunner,
  runCase,
  saveCase,
  shrinkCase,
  slug,
  writeCase,
} from './fuzzer.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// `npm run fuzz -- recheck DIR...`: runs saved minimal inputs again (each folder with a README.txt,
// or a run's folder of them) against the build, and says which classes still fail.
if (process.argv[2] === 'recheck') {
  const { cli } = await import(new URL('../../lib/src/cli.js', import.meta.url).href);
  process.exitCode = await recheck(process.argv.slice(3), inProcessRunner(cli));
  process.exit();
}
const env = process.env;
const seed = env.FUZZ_SEED || Date.now().toString(36);
const count = Number(env.FUZZ_COUNT || 10000);
const jobs = Math.max(1, Number(env.FUZZ_JOBS || Math.min(2, availableParallelism())));
const processEvery = Number(env.FUZZ_PROCESS_EVERY || 100);
const timeoutMs = Number(env.FUZZ_TIMEOUT_MS || 60000);
const timeLimitMs = Number(env.FUZZ_TIME_LIMIT || 0) * 1000;
const shrinkRuns = Number(env.FUZZ_SHRINK_RUNS || 250);
const out = resolve(env.FUZZ_OUT || join(tmpdir(), `kubeplan-fuzz-${slug(seed)}`));
mkdirSync(out, { recursive: true });

const fixtures = loadFixtures(join(root, 'fixtures'));
const bin = join(root, 'lib/src/bin.js');
const asProcess = processRunner(bin, timeoutMs);
console.log(
  `kubeplan fuzz: seed ${seed}, ${count} mutants of ${fixtures.length} fixtures, ${jobs} workers, every ${processEvery}th also as a process; minimal inputs in ${out}`,
);

const classes = new Map();
function record(failure, c, via) {
  const known = classes.get(failure.signature);
  if (known) known.count++;
  else {
    classes.set(failure.signature, { signature: failure.signature, count: 1, via, first: c, failure });
    console.log(`  new failure class after ${done} mutants: ${failure.signature} (mutant ${c.index}, ${via})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Workers, each with a watchdog: a mutant that does not answer in time is a hang, and its worker
// is replaced.

/** Starts (or restarts) the worker of slot: answers go to slot.pending. */
function startWorker(slot) {
  const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
    workerData: { root, seed, workDir: join(out, `work-${slot.k}`) },
    // the runner records Node.js warnings as stderr output; --no-warnings stops their printing here
    execArgv: ['--no-warnings'],
    // about the stack of a main thread (V8's default, 984 KB), so that deep inputs fail as in the CLI
    resourceLimits: { stackSizeMb: 1 },
  });
  slot.worker = worker;
  slot.ready = new Promise((r) => worker.once('message', r));
  const settle = (message) => {
    if (slot.worker !== worker || !slot.pending) return;
    const { resolve: answer, timer } = slot.pending;
    slot.pending = undefined;
    clearTimeout(timer);
    answer(message);
  };
  worker.on('message', (message) => {
    if (message.type !== 'ready') settle(message);
  });
  worker.on('error', (error) => {
    settle({ type: 'error', error: String(error?.stack ?? error) });
    if (slot.worker === worker) startWorker(slot);
  });
  return slot;
}

const slots = Array.from({ length: jobs }, (_, k) => startWorker({ k }));

async function ask(slot, message, ms) {
  await slot.ready;
  return new Promise((resolveAnswer) => {
    const timer = setTimeout(() => {
      slot.pending = undefined;
      void slot.worker.terminate();
      startWorker(slot);
      resolveAnswer({ type: 'timeout' });
    }, ms);
    slot.pending = { resolve: resolveAnswer, timer };
    slot.worker.postMessage(message);
  });
}

// ---------------------------------------------------------------------------------------------
// The run

let next = 0;
let done = 0;
let runs = 0;
let slowest = { ms: 0, index: -1 };
const started = Date.now();
const processQueue = [];
let busy = 0;

const outOfTime = () => timeLimitMs > 0 && Date.now() - started > timeLimitMs;

async function lane(slot) {
  while (next < count && !outOfTime()) {
    const index = next++;
    const c = generateCase(fixtures, seed, index);
    const wantResult = processEvery > 0 && index % processEvery === 0;
    busy++;
    const answer = await ask(slot, { type: 'case', index, wantResult }, timeoutMs);
    busy--;
    runs += 2;
    if (answer.type === 'timeout') {
      record(
        { signature: `timeout: ${c.command} -f ${c.format}`, detail: `no answer within ${timeoutMs} ms` },
        c,
        'in-process',
      );
    } else if (answer.type === 'error') {
      record({ signature: `worker died: ${answer.error.split('\n')[0]}`, detail: answer.error }, c, 'in-process');
    } else {
      for (const f of answer.failures) record(f, c, 'in-process');
      if (answer.ms > slowest.ms) slowest = { ms: answer.ms, index };
      if (wantResult) processQueue.push({ c, result: answer.result });
    }
    done++;
    if (done % 500 === 0) {
      const s = (Date.now() - started) / 1000;
      console.log(
        `  ${done}/${count} mutants, ${classes.size} failure classes, ${s.toFixed(0)} s (${(done / s).toFixed(1)}/s)`,
      );
    }
  }
}

/** The sampled mutants, each run twice as `node lib/src/bin.js`, one at a time. */
async function processLane() {
  const dir = join(out, 'work-process', 'fuzz-case');
  let sampled = 0;
  while ((next < count && !outOfTime()) || processQueue.length || busy > 0) {
    const item = processQueue.shift();
    if (!item) {
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    writeCase(item.c, dir);
    const { failures, result } = await runCase(item.c, asProcess, dir);
    runs += 2;
    sampled++;
    for (const f of [...failures, ...compareRunners(item.c, item.result, result)]) record(f, item.c, 'process');
  }
  return sampled;
}

const [sampled] = await Promise.all([processLane(), ...slots.map(lane)]);
const fuzzMs = Date.now() - started;
if (done < count) console.log(`time limit: stopped after ${done} of ${count} mutants`);
console.log(
  `done: ${done} mutants (${sampled} also as a process), ${runs} runs in ${(fuzzMs / 1000).toFixed(0)} s; slowest mutant ${slowest.index} (${slowest.ms} ms); shrinking ${classes.size} failure classes`,
);

// ---------------------------------------------------------------------------------------------
// Shrinking: in a worker for in-process classes (with the watchdog), as processes for the others.

let saved = 0;
for (const cls of classes.values()) {
  const t0 = Date.now();
  let tries = 0;
  if (cls.signature.startsWith('timeout') || cls.signature.startsWith('worker died')) {
    cls.minimal = cls.first;
  } else if (cls.via === 'in-process') {
    const answer = await ask(
      slots[0],
      { type: 'shrink', case: cls.first, signature: cls.signature, budget: shrinkRuns },
      10 * timeoutMs,
    );
    cls.minimal = answer.type === 'shrunk' ? answer.case : cls.first;
    if (answer.failure) cls.minimalFailure = answer.failure;
    tries = answer.tries ?? 0;
  } else {
    const dir = join(out, 'work-process', 'fuzz-case');
    const compare = cls.signature.startsWith('in-process');
    const reproduces = async (candidate) => {
      const found = await failuresOf(candidate, asProcess, dir, { rerun: cls.signature.startsWith('output differs') });
      const same = found.find((f) => f.signature === cls.signature);
      if (same) cls.minimalFailure = same;
      return same !== undefined;
    };
    // a difference between the two runners is kept as found (shrinking it needs both)
    const shrunk = compare
      ? { case: cls.first, tries: 0 }
      : await shrinkCase(cls.first, cls.signature, reproduces, Math.ceil(shrinkRuns / 6));
    cls.minimal = shrunk.case;
    tries = shrunk.tries;
  }
  cls.savedIn = join(out, `${String(++saved).padStart(2, '0')}-${slug(cls.signature)}`);
  saveCase(cls.minimal, cls.minimalFailure ?? cls.failure, cls.savedIn);
  console.log(`  shrunk ${cls.signature}: ${tries} runs, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
for (const slot of slots) await slot.worker.terminate();

const report = formatReport({ seed, count: done, runs, fuzzMs, classes: [...classes.values()] });
writeFileSync(join(out, 'report.txt'), `${report}\n`);
console.log(`\n${report}\n\nreport: ${join(out, 'report.txt')}`);
process.exitCode = classes.size ? 1 : 0;

async function recheck(paths, runner) {
  const folders = paths.flatMap((p) =>
    existsSync(join(p, 'README.txt'))
      ? [p]
      : readdirSync(p)
          .sort()
          .map((name) => join(p, name))
          .filter((f) => existsSync(join(f, 'README.txt'))),
  );
  let failing = 0;
  for (const folder of folders) {
    const readme = readFileSync(join(folder, 'README.txt'), 'utf8');
    const signature = readme.split('\n')[0];
    const words = /^run here: kubeplan (.*)$/m.exec(readme)[1].split(' ');
    const [command, , format] = words;
    const extras = words.slice(3, words.indexOf('desired'));
    const { failures } = await runCase({ command, format, extras }, runner, resolve(folder));
    const same = failures.some((f) => f.signature === signature);
    if (same) failing++;
    const other = failures.filter((f) => f.signature !== signature).map((f) => f.signature);
    console.log(
      `${same ? 'still fails' : 'passes    '}  ${folder}: ${signature}${other.length ? `\n              now: ${other.join('; ')}` : ''}`,
    );
  }
  console.log(`${failing} of ${folders.length} still fail`);
  return failing ? 1 : 0;
}
