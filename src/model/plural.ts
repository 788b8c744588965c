/** `1 pod`, `3 pods`: a count with its noun, for messages. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
