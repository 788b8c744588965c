import { expect } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Compares output with a committed golden file (`test/<dir>/golden/<name>`). Goldens are written
 * only when asked (UPDATE_GOLDEN=1, then review the diff): a missing file fails, so a test can
 * never pass by writing its own expectation.
 */
export function expectGolden(dir: string, name: string, actual: string): void {
  const path = join('test', dir, 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  if (!existsSync(path))
    throw new Error(`golden file ${path} is missing: run the test with UPDATE_GOLDEN=1 and review it`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
