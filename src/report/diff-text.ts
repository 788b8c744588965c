import pc from 'picocolors';
import { plural } from '../model/plural.js';
import type { DiffResult } from '../commands/diff.js';
import type { ChangeAction, ObjectChange } from '../diff/types.js';
import { describeRef } from '../model/object-ref.js';
import { consequenceLines } from './diff-consequences.js';
import { formatText, type TextOptions } from './text.js';

/** The mark before each object's header: `+` create, `~` update, `-` delete, `?` unmanaged. */
export const ACTION_MARKS: Record<ChangeAction, string> = {
  create: '+',
  update: '~',
  delete: '-',
  unchanged: '=',
  unmanaged: '?',
};

/** Where an object is written: `fixtures/demo/api.yaml:1`. */
export function sourceOf(change: ObjectChange): string {
  const manifest = change.desired ?? change.current;
  return manifest ? `${manifest.source.file}:${manifest.locate('').line}` : '';
}

/** `2 to create, 3 to update, 1 to delete (9 unchanged, 1 unmanaged; 4 objects of the cluster not compared)`. */
export function changeSummary(summary: DiffResult['summary']): string {
  const c = summary.changes;
  const skipped = summary.generated + summary.outside;
  const notCompared = skipped
    ? `; ${plural(skipped, 'object')} of the cluster not compared: ${[
        summary.generated ? `${summary.generated} made by the cluster` : '',
        summary.outside ? `${summary.outside} in other namespaces` : '',
      ]
        .filter(Boolean)
        .join(', ')}`
    : '';
  return `${c.create} to create, ${c.update} to update, ${c.delete} to delete (${c.unchanged} unchanged, ${c.unmanaged} unmanaged${notCompared})`;
}

/**
 * The changes for people: a header per created, updated, deleted or unmanaged object with the
 * coloured unified diff of its normalized YAML (unchanged objects are only counted), then the
 * consequences. Shared by `diff` and `check`.
 */
export function changeLines(result: Pick<DiffResult, 'changes' | 'consequences'>, options: TextOptions = {}): string[] {
  const c = pc.createColors(options.color ?? false);
  const paint: Record<ChangeAction, (s: string) => string> = {
    create: c.green,
    update: c.yellow,
    delete: c.red,
    unchanged: c.dim,
    unmanaged: c.dim,
  };
  const lines: string[] = [];
  for (const change of result.changes) {
    if (change.action === 'unchanged') continue;
    const note =
      change.action === 'unmanaged'
        ? c.dim('  only in the cluster (--prune deletes it)')
        : change.refused
          ? c.red(`  refused by the API server: ${change.refused}`)
          : '';
    lines.push(
      `${paint[change.action](`${ACTION_MARKS[change.action]} ${describeRef(change.ref)}`)}  ${c.dim(sourceOf(change))}${note}`,
    );
    // The text's `---`/`+++` lines name the object, which the header already does.
    for (const line of change.text.split('\n').slice(2, -1)) {
      lines.push(
        line.startsWith('+')
          ? c.green(line)
          : line.startsWith('-')
            ? c.red(line)
            : line.startsWith('@@')
              ? c.cyan(line)
              : line,
      );
    }
    lines.push('');
  }
  const consequences = result.consequences ? consequenceLines(result.consequences) : [];
  if (consequences.length) lines.push(c.bold('Consequences'), ...consequences.map((l) => `  ${l}`), '');
  return lines;
}

/** `kubeplan diff` for people: the changes and consequences, the findings and their count, the change count. */
export function formatDiffText(result: DiffResult, options: TextOptions & { currentSource?: string } = {}): string {
  const title = options.currentSource
    ? [pc.createColors(options.color ?? false).bold(`Changes against ${options.currentSource}`), '']
    : [];
  return `${[...title, ...changeLines(result, options)].map((l) => `${l}\n`).join('')}${formatText(result, options)}${changeSummary(result.summary)}\n`;
}
