// Mutation testing (npm run mutation; docs/mutation-testing.md). Each group mutates one area and
// runs only the tests written for it, so a mutant costs seconds, not the whole suite, and a
// surviving mutant points at a missing test of that area. test/mutation/run.mjs runs the groups
// one after the other (KUBEPLAN_MUTATION_GROUP) and prints the scores.
export const GROUPS = {
  model: { mutate: ['src/model/**/*.ts'], tests: ['<rootDir>/test/model/'] },
  lint: {
    mutate: ['src/lint/**/*.ts', '!src/lint/generate-rules-doc.ts'],
    tests: ['<rootDir>/test/lint/', '<rootDir>/test/rules/'],
  },
  rules: { mutate: ['rules/**/*.ts'], tests: ['<rootDir>/test/rules/'] },
  scheduler: {
    mutate: ['src/simulate/scheduler/filters.ts', 'src/simulate/scheduler/plugins/*.ts'],
    tests: ['<rootDir>/test/simulate/scheduler/'],
  },
};

const name = process.env.KUBEPLAN_MUTATION_GROUP ?? 'model';
const group = GROUPS[name];
if (!group) throw new Error(`unknown mutation group ${name}: one of ${Object.keys(GROUPS).join(', ')}`);

export default {
  testRunner: 'jest',
  testRunnerNodeArgs: ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning'],
  jest: {
    configFile: 'jest.config.js',
    enableFindRelatedTests: true,
    config: { roots: group.tests },
  },
  coverageAnalysis: 'perTest',
  mutate: group.mutate,
  // swc strips types without checking them: mutants need no @ts-nocheck, and generated files
  // compared byte for byte by tests stay as they are.
  disableTypeChecks: false,
  ignoreStatic: true,
  ignorePatterns: ['/lib', '/dist', '/bench/corpus', '/coverage'],
  incremental: true,
  incrementalFile: `reports/mutation/${name}/stryker-incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name}/index.html` },
  jsonReporter: { fileName: `reports/mutation/${name}/mutation.json` },
  clearTextReporter: { reportTests: false, reportMutants: true, maxTestsToLog: 0 },
  concurrency: 2,
  timeoutMS: 5000,
  dryRunTimeoutMinutes: 30,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: null },
};
