import { expect } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Compares output with a committed golden file (`test/<dir>/golden/<name>`). Set
 * UPDATE_GOLDEN=1 to rewrite the files after an intended change, then review the diff.
 */
export function expectGolden(dir: string, name: string, actual: string): void {
  const path = join('test', dir, 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    if (process.env.CI) throw new Error(`golden file ${path} is missing`);
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
