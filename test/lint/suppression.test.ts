import { describe, expect, it } from '@jest/globals';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { containerAt, isSuppressed, readSuppressions } from '../../src/lint/suppression.js';

const KNOWN = new Set(['image-tag-latest', 'host-port']);

const withAnnotations = (annotations: string) =>
  parseManifests('a.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n${annotations}\n`)
    .manifests[0]!;

describe('readSuppressions', () => {
  it('ignores empty entries between commas', () => {
    const s = readSuppressions(withAnnotations('    kubeplan.io/ignore: "image-tag-latest, ,host-port,"'), KNOWN, []);
    expect(s.problems).toEqual([]);
    expect(s.object).toEqual(new Set(['image-tag-latest', 'host-port']));
  });

  it('suppresses everything when "all" is one of several entries', () => {
    const s = readSuppressions(withAnnotations('    kubeplan.io/ignore: image-tag-latest, all'), KNOWN, []);
    expect(s.object).toBe('all');
    expect(s.problems).toEqual([]);
  });

  it('names an unknown rule without a suggestion when no rule id is close', () => {
    const s = readSuppressions(withAnnotations('    kubeplan.io/ignore: completely-different'), KNOWN, []);
    expect(s.problems).toEqual([
      {
        pointer: '/metadata/annotations/kubeplan.io~1ignore',
        message: 'suppression names unknown rule "completely-different" (it suppresses nothing)',
      },
    ]);
  });

  it('suggests the closest rule id and the closest container name', () => {
    const s = readSuppressions(
      withAnnotations('    kubeplan.io/ignore: host-prot\n    kubeplan.io/ignore.wbe: image-tag-lates'),
      KNOWN,
      ['web', 'proxy'],
    );
    expect(s.problems).toEqual([
      {
        pointer: '/metadata/annotations/kubeplan.io~1ignore',
        message: 'suppression names unknown rule "host-prot"; did you mean "host-port"? (it suppresses nothing)',
      },
      {
        pointer: '/metadata/annotations/kubeplan.io~1ignore.wbe',
        message:
          'suppression names unknown rule "image-tag-lates"; did you mean "image-tag-latest"? (it suppresses nothing)',
      },
      {
        pointer: '/metadata/annotations/kubeplan.io~1ignore.wbe',
        message: 'suppression names container "wbe", which this object does not have; did you mean "web"?',
      },
    ]);
  });

  it('reports problems in the order of the annotation keys, whatever their order in the object', () => {
    const s = readSuppressions(
      withAnnotations(
        '    kubeplan.io/ignore.zeta: all\n    kubeplan.io/ignore.alpha: all\n    kubeplan.io/ignore: nope',
      ),
      KNOWN,
      [],
    );
    expect(s.problems.map((p) => p.pointer)).toEqual([
      '/metadata/annotations/kubeplan.io~1ignore',
      '/metadata/annotations/kubeplan.io~1ignore.alpha',
      '/metadata/annotations/kubeplan.io~1ignore.zeta',
    ]);
  });

  it('keeps no reason when no suppression annotation is there, even with kubeplan.io/ignore-reason', () => {
    const s = readSuppressions(withAnnotations('    kubeplan.io/ignore-reason: vendor chart'), KNOWN, []);
    expect(s).toStrictEqual({ object: new Set(), containers: new Map(), problems: [] });
  });

  it('has no reason key when the object gives no kubeplan.io/ignore-reason', () => {
    const s = readSuppressions(withAnnotations('    kubeplan.io/ignore: host-port'), KNOWN, []);
    expect(Object.keys(s).sort()).toEqual(['containers', 'object', 'problems']);
  });

  it('keeps the reason when there is one', () => {
    const s = readSuppressions(
      withAnnotations('    kubeplan.io/ignore: host-port\n    kubeplan.io/ignore-reason: vendor chart'),
      KNOWN,
      [],
    );
    expect(s.reason).toBe('vendor chart');
    expect(isSuppressed(s, 'host-port', undefined)).toBe(true);
    expect(isSuppressed(s, 'image-tag-latest', undefined)).toBe(false);
  });
});

describe('containerAt', () => {
  const pod = parseManifests(
    'a.yaml',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: web, image: nginx:1.27}\n    - {name: 5, image: nginx:1.27}\n',
  ).manifests[0]!;

  it('names the container a pointer is inside', () => {
    expect(containerAt(pod, '/spec/containers/0/image')).toBe('web');
    expect(containerAt(pod, '/spec/containers/0')).toBe('web');
    expect(containerAt(pod, '/metadata/name')).toBeUndefined();
  });

  it('gives no name for a container whose name is not a string', () => {
    expect(containerAt(pod, '/spec/containers/1/image')).toBeUndefined();
  });
});
