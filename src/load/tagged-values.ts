/**
 * What the YAML 1.1 tags that build no JSON value become, as data kubectl would send. The `yaml`
 * package gives `!!binary` as bytes and `!!omap`, `!!pairs` and `!!set` as a JavaScript Map or
 * Set: a Secret's `data` would be checked as a Buffer (a hundred findings about its methods)
 * and an ordered map's keys would be lost (`metadata: !!omap` with no name). Bytes become the
 * base64 text the API server gets for them; a Map becomes an object, a Set a list. Only called
 * for documents with a tag.
 */
export function jsonData(value: unknown): unknown {
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (value instanceof Map) {
    const object: Record<string, unknown> = {};
    // Keys are data: defineProperty keeps `__proto__` an ordinary key.
    for (const [key, item] of value)
      Object.defineProperty(object, String(key), {
        value: jsonData(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return object;
  }
  if (value instanceof Set) return [...value].map(jsonData);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = jsonData(value[i]);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      const item = object[key];
      if (item !== null && typeof item === 'object') object[key] = jsonData(item);
    }
  }
  return value;
}

/**
 * The text as kubectl's reader (libyaml's scanner) reads it: a lone CR ends a line, as LF does
 * (the `yaml` package reads a file of old Mac line ends as one line), and a byte-order mark may
 * start any document, not only the file (`---` then a BOM). A CR becomes LF, so offsets do not
 * move; a BOM at the start of a line is dropped, as an editor shows it (zero width).
 */
export function kubectlText(text: string): string {
  let out = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  if (out.includes('\uFEFF')) out = out.replace(/^\uFEFF/gm, '');
  return out;
}
