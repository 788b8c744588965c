// A worker thread of `npm run fuzz` (run.mjs): runs cases in-process against the build in lib/.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { failuresOf, generateCase, inProcessRunner, loadFixtures, runCase, shrinkCase, writeCase } from './fuzzer.mjs';

const { root, seed, workDir } = workerData;
const { cli } = await import(pathToFileURL(join(root, 'lib/src/cli.js')).href);
const fixtures = loadFixtures(join(root, 'fixtures'));
const runner = inProcessRunner(cli);
const caseDir = join(workDir, 'fuzz-case');

parentPort.on('message', async (message) => {
  if (message.type === 'case') {
    const started = Date.now();
    const c = generateCase(fixtures, seed, message.index);
    writeCase(c, caseDir);
    const { failures, result } = await runCase(c, runner, caseDir);
    parentPort.postMessage({
      type: 'result',
      index: message.index,
      failures,
      ms: Date.now() - started,
      ...(message.wantResult ? { result } : {}),
    });
  } else if (message.type === 'shrink') {
    const { signature } = message;
    let failure;
    const reproduces = async (candidate) => {
      const found = await failuresOf(candidate, runner, caseDir, { rerun: signature.startsWith('output differs') });
      const same = found.find((f) => f.signature === signature);
      if (same) failure = same;
      return same !== undefined;
    };
    const shrunk = await shrinkCase(message.case, signature, reproduces, message.budget);
    parentPort.postMessage({ type: 'shrunk', case: shrunk.case, tries: shrunk.tries, failure });
  }
});
parentPort.postMessage({ type: 'ready' });
