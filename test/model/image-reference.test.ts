/**
 * Image references as the API server and the kubelet read them (the registries' reference
 * grammar, `parsers.ParseImageName`): every row of the table is asked of the parser, of the tag
 * the pull-policy default reads, of the default itself and of the lint rules' mutability.
 */
import { describe, expect, it } from '@jest/globals';
import { imageTag, isMutableImage, parseImageReference } from '../../src/model/image-reference.js';
import { defaultPullPolicy } from '../../src/simulate/defaults/image-pull-policy.js';

const SHA256 = `sha256:${'0123456789abcdef'.repeat(4)}`;
const SHA512 = `sha512:${'0123456789abcdef'.repeat(8)}`;

interface Row {
  image: string;
  /** The parsed reference, or undefined for an invalid one. */
  ref: { registry: string; repository: string; tag?: string; digest?: string } | undefined;
  /** The tag ParseImageName gives (what the pull-policy default reads). */
  tag: string;
  policy: 'Always' | 'IfNotPresent';
  /** Whether image-tag-latest (mutableTags: [latest]) calls it a moving target; undefined when invalid. */
  mutable: boolean | undefined;
}

const row = (image: string, ref: Row['ref'], tag: string, mutable: boolean | undefined): Row => ({
  image,
  ref,
  tag,
  policy: tag === 'latest' ? 'Always' : 'IfNotPresent',
  mutable,
});
const hub = (repository: string, more: { tag?: string; digest?: string } = {}) => ({
  registry: 'docker.io',
  repository,
  ...more,
});

const TABLE: Row[] = [
  // Docker Hub short names.
  row('nginx', hub('library/nginx'), 'latest', true),
  row('nginx:latest', hub('library/nginx', { tag: 'latest' }), 'latest', true),
  row('nginx:1.27.3', hub('library/nginx', { tag: '1.27.3' }), '1.27.3', false),
  row('team/app:v2', hub('team/app', { tag: 'v2' }), 'v2', false),
  row('docker.io/nginx', hub('library/nginx'), 'latest', true),
  row('index.docker.io/team/app:1', hub('team/app', { tag: '1' }), '1', false),
  // A port makes the first component a registry: `registry:5000/app` has no tag.
  row('registry:5000/app', { registry: 'registry:5000', repository: 'app' }, 'latest', true),
  row('registry:5000/app:1.2', { registry: 'registry:5000', repository: 'app', tag: '1.2' }, '1.2', false),
  row('registry:5000/team/app', { registry: 'registry:5000', repository: 'team/app' }, 'latest', true),
  // Without a slash, the colon is a tag: `app:5000` is Docker Hub's `app` tagged 5000.
  row('app:5000', hub('library/app', { tag: '5000' }), '5000', false),
  // A dot, `localhost`, or upper case (repositories cannot have it) make a registry.
  row('registry.example.com/web', { registry: 'registry.example.com', repository: 'web' }, 'latest', true),
  row('localhost/app:dev', { registry: 'localhost', repository: 'app', tag: 'dev' }, 'dev', false),
  row('localhost:5000/app', { registry: 'localhost:5000', repository: 'app' }, 'latest', true),
  row('Registry/app', { registry: 'Registry', repository: 'app' }, 'latest', true),
  row('[::1]:5000/app:1', { registry: '[::1]:5000', repository: 'app', tag: '1' }, '1', false),
  row('team/app', hub('team/app'), 'latest', true),
  // A first component with a dot that is no host name (`_`): the whole name is the repository,
  // of no registry (distribution/reference leaves the domain empty).
  row('a_b.com/app', { registry: '', repository: 'a_b.com/app' }, 'latest', true),
  row('a_b.com/app:1', { registry: '', repository: 'a_b.com/app', tag: '1' }, '1', false),
  // Digests, with and without a tag: the tag decides the pull policy, the digest what runs.
  row(`nginx@${SHA256}`, hub('library/nginx', { digest: SHA256 }), '', false),
  row(`nginx:latest@${SHA256}`, hub('library/nginx', { tag: 'latest', digest: SHA256 }), 'latest', false),
  row(
    `registry:5000/app:1.2@${SHA512}`,
    { registry: 'registry:5000', repository: 'app', tag: '1.2', digest: SHA512 },
    '1.2',
    false,
  ),
  // Invalid: no tag, `latest` or Always; the kubelet refuses them (InvalidImageName).
  row('NGINX', undefined, '', undefined),
  row('Registry/App', undefined, '', undefined),
  row('registry:5000/Team/app:1', undefined, '', undefined),
  row(' nginx:1.2', undefined, '', undefined),
  row('nginx:latest ', undefined, '', undefined),
  row('nginx latest', undefined, '', undefined),
  row('', undefined, '', undefined),
  row('nginx:', undefined, '', undefined),
  row('nginx:-1', undefined, '', undefined),
  row(`nginx:${'a'.repeat(129)}`, undefined, '', undefined),
  row('a//b', undefined, '', undefined),
  row('nginx@sha256:0123', undefined, '', undefined),
  row(`nginx@${SHA256.toUpperCase().replace('SHA256', 'sha256')}`, undefined, '', undefined),
  row(`nginx@sha256:${'0123456789ABCDEF'}${'0123456789abcdef'.repeat(3)}`, undefined, '', undefined),
  row('/nginx', undefined, '', undefined),
  row(`nginx@md5:${'0'.repeat(32)}`, undefined, '', undefined),
  row(`nginx@${SHA256}0`, undefined, '', undefined),
  row('0123456789abcdef'.repeat(4), undefined, '', undefined),
  row(`${'a'.repeat(256)}:1`, undefined, '', undefined),
];

describe('image references', () => {
  it.each(TABLE)('$image', ({ image, ref, tag, policy, mutable }) => {
    const parsed = parseImageReference(image);
    // Strict: a reference without a tag or digest has no such key at all.
    expect(parsed).toStrictEqual(ref);
    expect(imageTag(image)).toBe(tag);
    expect(defaultPullPolicy(image)).toBe(policy);
    expect(parsed === undefined ? undefined : isMutableImage(parsed, ['latest'])).toBe(mutable);
  });

  it('keeps the longest repository a registry accepts', () => {
    // Docker Hub's `library/` counts: a short name has 247 characters left.
    expect(parseImageReference(`${'a'.repeat(247)}:1`)).toEqual(hub(`library/${'a'.repeat(247)}`, { tag: '1' }));
    expect(parseImageReference(`${'a'.repeat(248)}:1`)).toBeUndefined();
    expect(parseImageReference(`r.io/${'a'.repeat(255)}`)).toEqual({ registry: 'r.io', repository: 'a'.repeat(255) });
    expect(parseImageReference(`r.io/${'a'.repeat(256)}`)).toBeUndefined();
  });

  it('treats the configured tags as moving, and never a digest', () => {
    const stable = parseImageReference('app:stable')!;
    expect(isMutableImage(stable, ['latest'])).toBe(false);
    expect(isMutableImage(stable, ['latest', 'stable'])).toBe(true);
    expect(isMutableImage(parseImageReference(`app:stable@${SHA256}`)!, ['stable'])).toBe(false);
  });

  it('defaults no image, or one that is not a string, to IfNotPresent', () => {
    expect([undefined, null, 1, ''].map(defaultPullPolicy)).toEqual([
      'IfNotPresent',
      'IfNotPresent',
      'IfNotPresent',
      'IfNotPresent',
    ]);
  });

  it('reads a long invalid reference in linear time', () => {
    const started = Date.now();
    for (const image of [`${'a'.repeat(100_000)}!`, `${'a-'.repeat(50_000)}.com/x!`, `x/${'a__'.repeat(30_000)}!`])
      expect(parseImageReference(image)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
