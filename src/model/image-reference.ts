/**
 * Container image references (`registry.example.com:5000/team/app:1.2@sha256:…`), read the way
 * the API server and the kubelet read them: the reference grammar of the container registries
 * (name, optional `:tag`, optional `@digest`), with Docker Hub's short names filled in
 * (`nginx` is `docker.io/library/nginx`). Lint, defaulting and the plan all ask this module, so a
 * reference means the same thing to each of them; a string the grammar refuses is invalid
 * everywhere (the kubelet refuses to pull it: `InvalidImageName`).
 */
export interface ImageReference {
  /**
   * The registry host and port: `registry.example.com:5000`, `localhost`, `[::1]:5000`; `docker.io`
   * when the reference names none. `` when the first component looks like a registry but is no
   * host name (`a_b.com/app`): the grammar then reads the whole name as the repository.
   */
  registry: string;
  /** The repository within the registry: `team/app`; Docker Hub's official images are `library/<name>`. */
  repository: string;
  /** The tag as written (`1.2`), absent when there is none (the kubelet then pulls `latest`, unless a digest is given). */
  tag?: string;
  /** The digest as written (`sha256:…`), absent when there is none. */
  digest?: string;
}

/** Docker Hub: the registry of references that name none. */
const DOCKER_HUB = 'docker.io';
/** Docker Hub's old name, read as `docker.io`. */
const LEGACY_DOCKER_HUB = 'index.docker.io';
/** The repository prefix of Docker Hub's official images (`nginx` is `library/nginx`). */
const OFFICIAL_PREFIX = 'library/';
/** The longest repository path a registry accepts. */
const MAX_REPOSITORY_LENGTH = 255;

// The grammar, one piece per line. A path component is lower-case letters and digits joined by
// one `.` or `_`, two `_`, or any number of `-`; a registry host is a DNS-like name (upper case
// allowed), an IPv4 address in that form, or an IPv6 address in brackets, with an optional port.
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const PATH = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const HOST_LABEL = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${HOST_LABEL}(?:\\.${HOST_LABEL})*|\\[[a-fA-F0-9:]+\\])`;
const REGISTRY = `${HOST}(?::[0-9]+)?`;
const TAG = '\\w[\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';

/** A whole reference: name (registry and path), tag, digest. */
const REFERENCE = new RegExp(`^((?:${REGISTRY}/)?${PATH})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
/** A name split into its registry and path. */
const NAME = new RegExp(`^(?:(${REGISTRY})/)?(${PATH})$`);
/** A bare image ID (64 hex digits): refused as a name, since it would be mistaken for one. */
const IMAGE_ID = /^[a-f0-9]{64}$/;

/**
 * The digest algorithms registries and runtimes accept, with the length of their lower-case hex
 * encoding. A digest in another algorithm, in upper case or of another length is invalid.
 */
const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

/**
 * The reference, or undefined when it is not a valid image reference: empty, surrounding
 * whitespace, upper case in the repository, a malformed tag or digest, a bare image ID. The first
 * component names a registry when it contains `.` or `:`, is `localhost`, or has upper case
 * (repositories cannot): so `registry:5000/app` is the repository `app` of registry
 * `registry:5000`, without a tag, while `app:5000` is `docker.io/library/app` tagged `5000`.
 */
export function parseImageReference(image: string): ImageReference | undefined {
  if (IMAGE_ID.test(image)) return undefined;
  const [registry, remainder] = splitRegistry(image);
  const match = REFERENCE.exec(`${registry}/${remainder}`);
  if (!match) return undefined;
  // Stryker disable next-line StringLiteral: the name's group always takes part in a match
  const [, name = '', tag, digest] = match;
  // The name matched NAME's grammar inside REFERENCE, so NAME matches it too.
  const parts = NAME.exec(name)!;
  const path = parts[2] ?? name;
  if (path.length > MAX_REPOSITORY_LENGTH) return undefined;
  if (digest !== undefined && !isValidDigest(digest)) return undefined;

  const ref: ImageReference = { registry: parts[1] ?? '', repository: path };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/**
 * The registry a reference names and the rest of it (repository, tag and digest), with Docker
 * Hub filled in: `nginx:1.2` → [`docker.io`, `library/nginx:1.2`].
 */
function splitRegistry(image: string): [string, string] {
  const slash = image.indexOf('/');
  // Without a slash, the first component is `` and names no registry.
  const first = image.slice(0, Math.max(slash, 0));
  const named = first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first;
  const registry = !named || first === LEGACY_DOCKER_HUB ? DOCKER_HUB : first;
  const remainder = named ? image.slice(slash + 1) : image;
  const official = registry === DOCKER_HUB && !remainder.includes('/');
  return [registry, official ? OFFICIAL_PREFIX + remainder : remainder];
}

function isValidDigest(digest: string): boolean {
  const colon = digest.indexOf(':');
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  return (
    Object.hasOwn(DIGEST_HEX_LENGTH, algorithm) &&
    hex.length === DIGEST_HEX_LENGTH[algorithm] &&
    /^[a-f0-9]+$/.test(hex)
  );
}

/**
 * The tag the API server and the kubelet go by (`parsers.ParseImageName`): the tag as written,
 * even beside a digest; `latest` when there is neither tag nor digest; `` for a digest alone and
 * for an invalid reference.
 */
export function imageTag(image: string): string {
  const ref = parseImageReference(image);
  if (!ref) return '';
  return ref.tag ?? (ref.digest === undefined ? 'latest' : '');
}

/**
 * True when the image names no fixed build: no digest, and no tag or one of `mutableTags`. A
 * digest pins the build whatever the tag beside it says (`nginx:latest@sha256:…` runs exactly that
 * digest), so such an image is not mutable, even though its pull policy defaults to `Always`
 * (that default reads the tag alone).
 */
export function isMutableImage(ref: ImageReference, mutableTags: readonly string[]): boolean {
  return ref.digest === undefined && (ref.tag === undefined || mutableTags.includes(ref.tag));
}
