import { imageTag } from '../../model/image-reference.js';

/**
 * The image pull policy the API server gives a container (or an image volume) that sets none
 * (SetDefaults_Container): `Always` when the image's tag is `latest`, which includes an image with
 * neither tag nor digest and one with the tag `latest` beside a digest; `IfNotPresent` otherwise,
 * including a digest alone and a reference that is not valid (the server ignores the parse error;
 * the kubelet then refuses the image).
 */
export function defaultPullPolicy(image: unknown): 'Always' | 'IfNotPresent' {
  return typeof image === 'string' && imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent';
}
