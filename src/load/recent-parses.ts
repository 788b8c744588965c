import { type ParsedDocuments, parseDocuments } from './parse-documents.js';

/**
 * The full parser's trees of the texts positioned last, kept while their total length stays
 * under a bound. A tree takes many times the memory of its text, and a run locates findings one
 * object at a time, in input order: keeping every tree for the whole run (hundreds of MB on a
 * large repository) buys nothing over keeping the last few, so a text is parsed again only if
 * its findings come in passes far apart (schema checks, then rules).
 */
export function recentParses(maxChars: number): (text: string) => ParsedDocuments {
  const cache = new Map<string, ParsedDocuments>();
  let cachedChars = 0;
  return (text) => {
    const hit = cache.get(text);
    if (hit) {
      // Most recently used last: a Map iterates in insertion order.
      cache.delete(text);
      cache.set(text, hit);
      return hit;
    }
    const parsed = parseDocuments(text);
    cache.set(text, parsed);
    cachedChars += text.length;
    // The newest text stays even alone over the bound: its findings are being located.
    for (const [oldest] of cache) {
      if (cachedChars <= maxChars || oldest === text) break;
      cache.delete(oldest);
      cachedChars -= oldest.length;
    }
    return parsed;
  };
}

/** `parseDocuments(text)`, from the trees of the last 4 million characters parsed. */
export const parseRecent = recentParses(4_000_000);
