// The test files of one mutation group as one jest test file (stryker.config.mjs).
//
// Why: jest links every test file's modules anew, and each rule test loads the whole rule
// engine, so a mutant whose tests sit in 60 files paid 60 loads (about a minute per mutant on
// two cores). Imported from here, the group's test files register their describe/it blocks in
// this one file, the engine loads once per mutant, and StrykerJS still runs only the tests that
// covered the mutant. The test files have no top-level hooks or mocks, so nothing of one leaks
// into another. Not part of npm test: its name does not end in .test.ts.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const directories = (process.env.KUBEPLAN_MUTATION_TESTS ?? '').split(',').filter(Boolean);
if (!directories.length) throw new Error('KUBEPLAN_MUTATION_TESTS names no test directory (set by stryker.config.mjs)');

for (const directory of directories) {
  const files = readdirSync(directory)
    .filter((file) => file.endsWith('.test.ts'))
    .sort();
  for (const file of files) await import(resolve(join(directory, file)));
}
