// Mutation testing (npm run mutation; docs/mutation-testing.md). Each group mutates one area and
// runs only the tests written for it, so a surviving mutant points at a missing test of that
// area. test/mutation/run.mjs runs the groups one after the other (KUBEPLAN_MUTATION_GROUP) and
// prints the scores.
// The group's test directories run as one jest test file, test/mutation/group.suite.ts, which
// imports them (KUBEPLAN_MUTATION_TESTS): the code under test loads once per mutant instead of
// once per test file, and perTest coverage still runs only the tests that reach the mutant.
// timeoutMS: how long past its tests' usual time a mutant may run before it counts as an endless
// loop (killed): groups whose tests load the rule engine or the simulator need more than the
// model's small unit tests, or slow loading would pass for a killed mutant.
export const GROUPS = {
  model: { mutate: ['src/model/**/*.ts'], tests: ['test/model'], timeoutMS: 5000 },
  lint: {
    mutate: ['src/lint/**/*.ts', '!src/lint/generate-rules-doc.ts'],
    tests: ['test/lint', 'test/rules'],
    timeoutMS: 15000,
  },
  rules: { mutate: ['rules/**/*.ts'], tests: ['test/rules'], timeoutMS: 15000 },
  scheduler: {
    mutate: ['src/simulate/scheduler/filters.ts', 'src/simulate/scheduler/plugins/*.ts'],
    tests: ['test/simulate/scheduler'],
    timeoutMS: 20000,
  },
};

const name = process.env.KUBEPLAN_MUTATION_GROUP ?? 'model';
const group = GROUPS[name];
if (!group) throw new Error(`unknown mutation group ${name}: one of ${Object.keys(GROUPS).join(', ')}`);
// Read by group.suite.ts in the test runner processes, which inherit this environment.
process.env.KUBEPLAN_MUTATION_TESTS = group.tests.join(',');

export default {
  testRunner: 'jest',
  testRunnerNodeArgs: ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning'],
  jest: {
    configFile: 'jest.config.js',
    // One test file holds the group's tests: nothing to narrow down by file.
    enableFindRelatedTests: false,
    config: { roots: ['<rootDir>/test/mutation'], testMatch: ['**/group.suite.ts'] },
  },
  coverageAnalysis: 'perTest',
  mutate: group.mutate,
  // swc strips types without checking them: mutants need no @ts-nocheck, and generated files
  // compared byte for byte by tests stay as they are.
  disableTypeChecks: false,
  ignoreStatic: true,
  ignorePatterns: ['/lib', '/dist', '/bench/corpus', '/coverage', '/.stryker-tmp*'],
  incremental: true,
  incrementalFile: `reports/mutation/${name}/stryker-incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name}/index.html` },
  jsonReporter: { fileName: `reports/mutation/${name}/mutation.json` },
  clearTextReporter: { reportTests: false, reportMutants: true, maxTestsToLog: 0 },
  concurrency: 2,
  timeoutMS: group.timeoutMS,
  dryRunTimeoutMinutes: 30,
  // One sandbox folder per group, so that two groups can run side by side.
  tempDirName: `.stryker-tmp-${name}`,
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: null },
};
