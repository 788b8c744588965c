import { stringListOption } from './rule-options.js';

/** An image reference split the way container runtimes read it: `registry:5000/team/app:1.2@sha256:…`. */
export interface ImageReference {
  repository: string;
  tag?: string;
  digest?: string;
}

/** Tags that name a moving target rather than one build; the image rules take more through this option. */
export const MUTABLE_TAGS_OPTION = stringListOption('mutableTags', 'tags that name a moving target', ['latest']);

export function parseImage(image: string): ImageReference {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  // A colon after the last slash separates the tag; one before it is a registry port.
  const colon = rest.lastIndexOf(':');
  const ref: ImageReference = { repository: rest };
  if (colon > rest.lastIndexOf('/')) {
    ref.repository = rest.slice(0, colon);
    ref.tag = rest.slice(colon + 1);
  }
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/**
 * True when the image names no fixed build: no digest, and no tag or a mutable one. Kubernetes
 * itself treats "no tag" as `latest` (and defaults imagePullPolicy to Always for both).
 */
export function isMutableImage(ref: ImageReference, mutableTags: readonly string[]): boolean {
  return ref.digest === undefined && (ref.tag === undefined || mutableTags.includes(ref.tag));
}
