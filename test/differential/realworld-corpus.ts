import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where the shared real-world corpus is (../shared/corpora/realworld, or $KUBEPLAN_REALWORLD; read
 * in place, never copied), and its files, for the differential tests that replay it.
 */
export const REALWORLD = resolve(process.env.KUBEPLAN_REALWORLD ?? '../shared/corpora/realworld');

/** Why the corpus cannot be replayed, or undefined when it is there. */
export function realworldUnavailable(): string | undefined {
  return existsSync(join(REALWORLD, 'crds')) && existsSync(join(REALWORLD, 'corpus'))
    ? undefined
    : `${REALWORLD} is absent (the shared real-world corpus, see ../shared/corpora/README.md)`;
}

/** The YAML and JSON files under `dir`, in a stable order. */
export function manifestFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...manifestFiles(path));
    else if (/\.(ya?ml|json)$/.test(name)) out.push(path);
  }
  return out;
}
