import { type ParsedDocuments, parseDocuments } from './parse-documents.js';

/**
 * `build(text)`, kept for the texts built last while their total length stays under a bound. A
 * parsed tree takes many times the memory of its text, and a run locates findings one object at
 * a time, in input order: keeping every tree for the whole run (hundreds of MB on a large
 * repository) buys nothing over keeping the last few, so a text is built again only if its
 * findings come in passes far apart (schema checks, then rules).
 */
export function recentByText<T>(maxChars: number, build: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  let cachedChars = 0;
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) {
      // Most recently used last: a Map iterates in insertion order.
      cache.delete(text);
      cache.set(text, hit);
      return hit;
    }
    const built = build(text);
    cache.set(text, built);
    cachedChars += text.length;
    // The newest text stays even alone over the bound: its findings are being located.
    for (const [oldest] of cache) {
      if (cachedChars <= maxChars || oldest === text) break;
      cache.delete(oldest);
      cachedChars -= oldest.length;
    }
    return built;
  };
}

/** The full parser's trees of the texts positioned last (see `recentByText`). */
export function recentParses(maxChars: number): (text: string) => ParsedDocuments {
  return recentByText(maxChars, parseDocuments);
}

/** `parseDocuments(text)`, from the trees of the last 4 million characters parsed. */
export const parseRecent = recentParses(4_000_000);
