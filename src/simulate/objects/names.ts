import { hash as oneShotDigest } from 'node:crypto';
import { isObject } from '../../model/json.js';

/**
 * Deterministic stand-ins for the names and identifiers Kubernetes makes up at random or with
 * Go-only hashes. docs/plan.md documents each rule; changing one changes every plan's output.
 */

/** The alphabet Kubernetes uses for generated names (no vowels, no confusable characters). */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** 32-bit FNV-1a over the UTF-8 bytes of `text`. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Names are ASCII; anything else is hashed over its UTF-8 bytes, as the rule says.
    if (code > 0x7f) return fnv1a32Bytes(Buffer.from(text, 'utf8'));
    hash = Math.imul(hash ^ code, 0x01000193);
  }
  return hash >>> 0;
}

function fnv1a32Bytes(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash >>> 0;
}

/**
 * Encodes a hash the way Kubernetes encodes `pod-template-hash` (`rand.SafeEncodeString` of the
 * decimal number): each digit maps to one alphabet character, so hashes look like `7d4b9c8f5d`.
 */
export function safeEncodeHash(hash: number): string {
  return [...String(hash)].map((c) => NAME_ALPHABET[c.charCodeAt(0) % NAME_ALPHABET.length]).join('');
}

/**
 * The `pod-template-hash` of a pod template: FNV-1a over its canonical JSON (the template
 * without its own `pod-template-hash` label), encoded like Kubernetes encodes its hash.
 * Kubernetes hashes Go's printout of the struct, which cannot be reproduced outside Go.
 */
export function podTemplateHash(template: unknown): string {
  return safeEncodeHash(canonicalJsonFnv1a32(template));
}

/**
 * `fnv1a32(canonicalJson(value))` without building the text: the value is hashed piece by piece
 * as canonicalJson would write it (every template of every new ReplicaSet is hashed). Pieces are
 * whole JSON tokens, so hashing their UTF-8 bytes one after the other hashes the text's bytes.
 */
export function canonicalJsonFnv1a32(value: unknown): number {
  return hashCanonical(FNV_OFFSET, value) >>> 0;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashCanonical(hash: number, value: unknown): number {
  if (Array.isArray(value)) {
    let h = hashCode(hash, 0x5b); // [
    for (let i = 0; i < value.length; i++) {
      if (i) h = hashCode(h, 0x2c); // ,
      h = hashCanonical(h, value[i]);
    }
    return hashCode(h, 0x5d); // ]
  }
  if (isObject(value)) {
    let h = hashCode(hash, 0x7b); // {
    let first = true;
    for (const key of Object.keys(value).sort()) {
      const item = value[key];
      if (item === undefined) continue;
      if (!first) h = hashCode(h, 0x2c); // ,
      first = false;
      h = hashCode(hashText(h, JSON.stringify(key)), 0x3a); // :
      h = hashCanonical(h, item);
    }
    return hashCode(h, 0x7d); // }
  }
  return hashText(hash, JSON.stringify(value) ?? 'null');
}

function hashCode(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

/** Continues FNV-1a over the UTF-8 bytes of `text`. */
function hashText(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) {
      for (const byte of Buffer.from(text.slice(i), 'utf8')) h = Math.imul(h ^ byte, FNV_PRIME);
      return h;
    }
    h = hashCode(h, code);
  }
  return h;
}

/**
 * The 5-character suffix of a generated name (`generateName` + suffix). Kubernetes picks it at
 * random; kubeplan takes FNV-1a of `<generateName>#<n>` for n = 0, 1, 2, ... and keeps the
 * first that gives a free name, so the k-th pod of a ReplicaSet always gets the same name.
 * `from` skips candidates the caller knows to be taken; returns the name and its n.
 */
export function generatedName(
  generateName: string,
  taken: (name: string) => boolean,
  from = 0,
): { name: string; n: number } {
  for (let n = from; ; n++) {
    const name = `${generateName}${nameSuffix(`${generateName}#${n}`)}`;
    if (!taken(name)) return { name, n };
  }
}

/** Five alphabet characters from FNV-1a of `text` (its base-27 digits, lowest first). */
export function nameSuffix(text: string): string {
  let hash = fnv1a32(text);
  let suffix = '';
  for (let i = 0; i < 5; i++) {
    suffix += NAME_ALPHABET[hash % NAME_ALPHABET.length];
    hash = Math.floor(hash / NAME_ALPHABET.length);
  }
  return suffix;
}

/**
 * A UID for an object that has none: the SHA-1 of its identity (`group|kind|namespace|name`),
 * formatted as a version-5 style UUID, so references between objects are stable across runs.
 */
export function deterministicUid(identity: string): string {
  // The one-shot digest: half the cost of a Hash object per uid.
  const hex = oneShotDigest('sha1', `kubeplan:${identity}`, 'hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  // Joined rather than concatenated: one flat string, not a tree of pieces that every map keyed
  // by uid would flatten again (the simulation gives every object it creates a uid).
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `5${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
