// The entry GitHub runs (bundled into dist/index.js); the logic is in main.ts.
import { run } from './main.js';

await run();
