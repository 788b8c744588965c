/** Code-unit order of two strings, the one sort every output uses (not locale-dependent). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
