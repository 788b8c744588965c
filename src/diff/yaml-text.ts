import { writeYaml } from '../load/yaml-options.js';

/**
 * The YAML of an object in a diff: block style, as kubectl reads it back (load/yaml-options.ts
 * `writeYaml`), so a string such as `"yes"` or `"1_000"` shows quoted, as it must be written.
 */
export function toYamlText(value: Record<string, unknown>): string {
  return writeYaml(value);
}
