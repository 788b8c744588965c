/**
 * The image pull policy the API server gives a container that sets none
 * (`pkg/apis/core/v1/defaults.go`, SetDefaults_Container): `Always` when the image's tag is
 * `latest`, including an image with neither tag nor digest (the tag then defaults to `latest`);
 * `IfNotPresent` otherwise, including an image pinned by digest alone.
 */
export function defaultPullPolicy(image: unknown): 'Always' | 'IfNotPresent' {
  if (typeof image !== 'string' || image === '') return 'IfNotPresent';
  return imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent';
}

/** The tag of an image reference: `latest` when it has neither tag nor digest, `` when only a digest. */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const name = at < 0 ? image : image.slice(0, at);
  const lastSlash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  // A colon before the last slash belongs to a registry port (`registry:5000/app`), not a tag.
  if (colon > lastSlash) return name.slice(colon + 1);
  return at < 0 ? 'latest' : '';
}
