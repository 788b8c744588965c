/**
 * What the YAML 1.1 tags that build no JSON value become, as data kubectl would send. The `yaml`
 * package gives `!!binary` as bytes and `!!omap`, `!!pairs` and `!!set` as a JavaScript Map or
 * Set: a Secret's `data` would be checked as a Buffer (a hundred findings about its methods)
 * and an ordered map's keys would be lost (`metadata: !!omap` with no name). Bytes become the
 * base64 text the API server gets for them; a Map becomes an object, a Set a list. Only called
 * for documents with a tag.
 */
export function jsonData(value: unknown): unknown {
  return converted(value, new WeakMap());
}

/**
 * `done` holds each collection already met with what it became: a document may reach one node
 * through several aliases, or contain itself through one (`loop: &l {self: *l}`), and each is
 * converted once, its aliases and loops kept.
 */
function converted(value: unknown, done: WeakMap<object, unknown>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (done.has(value)) return done.get(value);
  if (value instanceof Uint8Array) {
    const text = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
    done.set(value, text);
    return text;
  }
  if (value instanceof Map) {
    const object: Record<string, unknown> = {};
    done.set(value, object);
    // Keys are data: defineProperty keeps `__proto__` an ordinary key.
    for (const [key, item] of value)
      Object.defineProperty(object, String(key), {
        value: converted(item, done),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return object;
  }
  if (value instanceof Set) {
    const list: unknown[] = [];
    done.set(value, list);
    for (const item of value) list.push(converted(item, done));
    return list;
  }
  done.set(value, value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = converted(value[i], done);
    return value;
  }
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) object[key] = converted(object[key], done);
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
