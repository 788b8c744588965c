const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/**
 * A size for people: `512B`, `1.5KiB`, `14.5GiB`. Binary units (memory quantities and file sizes
 * are counted in them), one decimal above bytes, no space, as in the plan's node table. The unit
 * is the largest one the rounded value stays below 1024 of, so 1023.99 KiB is `1.0MiB`.
 */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (unit < UNITS.length - 1 && (unit === 0 ? value : Number(value.toFixed(1))) >= 1024) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)}${UNITS[unit]}`;
}
