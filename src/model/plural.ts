/** `1 pod`, `3 pods`: a count with its noun, for messages. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `2 errors, 1 warning, 0 info`: the counts every report ends with. */
export function severityCounts(counts: { errors: number; warnings: number; infos: number }): string {
  return [plural(counts.errors, 'error'), plural(counts.warnings, 'warning'), `${counts.infos} info`].join(', ');
}
