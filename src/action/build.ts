/**
 * Bundles the GitHub Action into the single file `dist/index.js` that `action.yml` runs: the
 * Action's runner does not install dependencies, so everything it needs is inside.
 * `npm run build:action` writes it; `test/action/dist.test.ts` fails when the committed file
 * differs from a fresh build.
 */
import { build, type BuildOptions } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const ACTION_BUNDLE = 'dist/index.js';

export const ACTION_BUILD_OPTIONS: BuildOptions = {
  entryPoints: ['src/action/index.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  // CommonJS dependencies call require(); an ES module has none, so the bundle makes one.
  banner: {
    js: "import { createRequire as __kubeplanCreateRequire } from 'node:module'; const require = __kubeplanCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await build({ ...ACTION_BUILD_OPTIONS, outfile: ACTION_BUNDLE });
}
