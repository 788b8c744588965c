import { describe, expect, it } from '@jest/globals';
import { fastParse } from '../../src/load/fast-parse.js';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { pointersOf } from '../../bench/locator-agreement.js';

const TEXT = [
  'apiVersion: apps/v1', //                 1
  'kind: Deployment', //                    2
  'metadata:', //                           3
  '  name: web', //                         4
  'spec:', //                               5
  '  template:', //                         6
  '    spec:', //                           7
  '      containers:', //                   8
  '        - name: app', //                 9
  '          image: "nginx:1.27"', //       10
  '          ports: [{containerPort: 80}]', // 11
  '',
].join('\n');

describe('source map', () => {
  const [m] = parseManifests('web.yaml', TEXT).manifests;
  const at = (pointer: string, target?: 'key' | 'value') => {
    const r = m!.locate(pointer, target);
    return `${r.line}:${r.column}-${r.endLine}:${r.endColumn}`;
  };

  it('maps a pointer to the value', () => {
    expect(at('/metadata/name')).toBe('4:9-4:12');
    expect(at('/spec/template/spec/containers/0/image')).toBe('10:18-10:30');
  });

  it('maps a pointer to the key when asked (for unknown fields)', () => {
    expect(at('/spec/template/spec/containers/0/image', 'key')).toBe('10:11-10:16');
  });

  it('maps into flow collections', () => {
    expect(at('/spec/template/spec/containers/0/ports/0/containerPort')).toBe('11:35-11:37');
  });

  it('falls back to the closest existing ancestor for a missing field', () => {
    expect(at('/spec/template/spec/containers/0/resources/limits')).toBe(at('/spec/template/spec/containers/0'));
    expect(at('/spec/replicas')).toBe(at('/spec'));
    expect(at('/spec/template/spec/containers/5/name')).toBe(at('/spec/template/spec/containers'));
  });

  it('maps the empty pointer to the whole object', () => {
    expect(at('')).toMatch(/^1:1-/);
  });

  it('maps pointers of List items relative to the item', () => {
    const list = parseManifests(
      'list.yaml',
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: b}\n',
    ).manifests;
    expect(
      list.map(
        (x) =>
          `${x.ref.kind} ${x.source.itemIndex} ${x.locate('/metadata/name').line}:${x.locate('/metadata/name').column}`,
      ),
    ).toEqual(['ConfigMap 0 6:20', 'Secret 1 9:20']);
  });

  it('gives items of a typed list the apiVersion and kind of the list', () => {
    const [item] = parseManifests(
      'dump.yaml',
      'apiVersion: apps/v1\nkind: DeploymentList\nitems:\n- metadata: {name: web}\n',
    ).manifests;
    expect(item!.ref).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' });
  });

  it('counts columns from the start of a line with CRLF line ends and a byte-order mark', () => {
    const [crlf] = parseManifests(
      'w.yaml',
      '\uFEFFapiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: w\r\n',
    ).manifests;
    expect(crlf!.locate('/metadata/name')).toMatchObject({ line: 4, column: 9 });
  });

  it('maps pointers in JSON files', () => {
    const [json] = parseManifests(
      'svc.json',
      '{\n  "apiVersion": "v1",\n  "kind": "Service",\n  "metadata": {"name": "s"}\n}\n',
    ).manifests;
    expect(json!.locate('/metadata/name')).toMatchObject({ line: 4, column: 24 });
  });

  it('escapes ~ and / in pointers', () => {
    const [cm] = parseManifests(
      'a.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations:\n    example.com/x~y: "1"\n',
    ).manifests;
    expect(cm!.locate('/metadata/annotations/example.com~1x~0y')).toMatchObject({ line: 6, column: 22 });
  });
});

describe('YAML as kubectl reads it (YAML 1.1)', () => {
  const value = (yaml: string) =>
    parseManifests('a.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n${yaml}`).manifests[0]!
      .object.data;

  it('reads yes/no/on/off as booleans and 0644 as octal', () => {
    expect(value('  a: yes\n  b: off\n  c: 0644\n  d: "0644"\n')).toEqual({ a: true, b: false, c: 420, d: '0644' });
  });

  it('keeps timestamps and base-60 lookalikes as strings', () => {
    expect(value('  a: 2024-01-31T12:00:00Z\n  b: 22:22\n')).toEqual({ a: '2024-01-31T12:00:00Z', b: '22:22' });
  });

  it('resolves merge keys', () => {
    const [m] = parseManifests(
      'm.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  base: &base {x: "1"}\n  merged:\n    <<: *base\n    z: "2"\n',
    ).manifests;
    expect((m!.object.data as Record<string, unknown>).merged).toEqual({ x: '1', z: '2' });
  });

  it('reads an unquoted y key as the boolean true, as kubectl does', () => {
    expect(value('  y: "1"\n  "n": "2"\n')).toEqual({ true: '1', n: '2' });
  });
});

/** `line:column-endLine:endColumn` of a pointer in the first object of a text. */
function position(text: string, pointer: string, target?: 'key' | 'value'): string {
  const [m] = parseManifests('p.yaml', text).manifests;
  const r = m!.locate(pointer, target);
  return `${r.line}:${r.column}-${r.endLine}:${r.endColumn}`;
}

describe('positions of the value in use', () => {
  it('points at the last of duplicate keys, whose value the object holds', () => {
    const text = [
      'apiVersion: v1', //          1
      'kind: Pod', //               2
      'metadata:', //               3
      '  name: first', //           4
      '  name: second', //          5
      'spec:', //                   6
      '  containers:', //           7
      '    - name: app', //         8
      '      image: one', //        9
      '      image: two', //        10
      '',
    ].join('\n');
    const { manifests, findings } = parseManifests('p.yaml', text);
    expect(findings.map((f) => `${f.ruleId} ${f.line}:${f.column}`)).toEqual([
      'yaml-duplicate-key 5:3',
      'yaml-duplicate-key 10:7',
    ]);
    expect(manifests[0]!.ref.name).toBe('second');
    expect(position(text, '/metadata/name')).toBe('5:9-5:15');
    expect(position(text, '/metadata/name', 'key')).toBe('5:3-5:7');
    expect(position(text, '/spec/containers/0/image')).toBe('10:14-10:17');
  });

  it('points into an inline `<<` map for a merged field, and at the key written beside it for an override', () => {
    const text = [
      'apiVersion: v1', //                                1
      'kind: ConfigMap', //                               2
      'metadata:', //                                     3
      '  namespace: before', //                           4
      '  <<: {name: merged, namespace: ns, uid: u}', //   5
      '  uid: after', //                                  6
      'data: {}', //                                      7
      '',
    ].join('\n');
    const [m] = parseManifests('m.yaml', text).manifests;
    expect(m!.object.metadata).toEqual({ namespace: 'before', name: 'merged', uid: 'after' });
    expect(position(text, '/metadata/name')).toBe('5:14-5:20');
    expect(position(text, '/metadata/name', 'key')).toBe('5:8-5:12');
    // Keys written in the map win over merged ones, before or after the `<<`.
    expect(position(text, '/metadata/namespace')).toBe('4:14-4:20');
    expect(position(text, '/metadata/uid')).toBe('6:8-6:13');
  });

  it('follows a list of merges, the earlier map winning, into the anchored maps', () => {
    const text = [
      'apiVersion: v1', //                                     1
      'kind: ConfigMap', //                                    2
      'metadata:', //                                          3
      '  name: merges', //                                     4
      '  labels: &base {app: web, tier: back}', //             5
      '  annotations: &extra {tier: front, team: a}', //       6
      'data:', //                                              7
      '  <<: [*extra, *base]', //                              8
      '  app: own', //                                         9
      '',
    ].join('\n');
    const [m] = parseManifests('m.yaml', text).manifests;
    expect(m!.object.data).toEqual({ tier: 'front', team: 'a', app: 'own' });
    expect(position(text, '/data/tier')).toBe('6:30-6:35');
    expect(position(text, '/data/tier', 'key')).toBe('6:24-6:28');
    expect(position(text, '/data/team')).toBe('6:43-6:44');
    expect(position(text, '/data/app')).toBe('9:8-9:11');
  });

  it('follows `<<: *anchor` into the anchored map, also for nested fields', () => {
    const text = [
      'apiVersion: v1', //               1
      'kind: Pod', //                    2
      'metadata: {name: p}', //          3
      'spec:', //                        4
      '  containers:', //                5
      '    - &base', //                  6
      '      name: a', //                7
      '      image: img', //             8
      '      resources:', //             9
      '        limits: {cpu: "1"}', //   10
      '    - <<: *base', //              11
      '      name: b', //                12
      '',
    ].join('\n');
    expect(position(text, '/spec/containers/1/image')).toBe('8:14-8:17');
    expect(position(text, '/spec/containers/1/name')).toBe('12:13-12:14');
    expect(position(text, '/spec/containers/1/resources/limits/cpu')).toBe('10:23-10:26');
    // A field that is in neither map: the closest ancestor, the item.
    expect(position(text, '/spec/containers/1/ports')).toBe('11:7-13:1');
  });

  it('continues through an alias into the anchored node', () => {
    const text = [
      'apiVersion: v1', //                 1
      'kind: Pod', //                      2
      'metadata:', //                      3
      '  name: p', //                      4
      '  labels: &labels', //              5
      '    app: web', //                   6
      'spec:', //                          7
      '  nodeSelector: *labels', //        8
      '  containers: &containers', //      9
      '    - name: app', //                10
      '      image: nginx', //             11
      '  initContainers: *containers', //  12
      '',
    ].join('\n');
    // The alias itself, where the object holds it.
    expect(position(text, '/spec/nodeSelector')).toBe('8:17-8:24');
    expect(position(text, '/spec/nodeSelector/app')).toBe('6:10-6:13');
    expect(position(text, '/spec/initContainers/0/image')).toBe('11:14-11:19');
    expect(position(text, '/spec/initContainers/0/image', 'key')).toBe('11:7-11:12');
    // A missing field under an alias: the anchored node.
    expect(position(text, '/spec/nodeSelector/zone')).toBe(position(text, '/metadata/labels'));
  });

  it('finds a null key under "", the name the object gives it', () => {
    const text = [
      'apiVersion: v1', //        1
      'kind: ConfigMap', //       2
      'metadata: {name: n}', //   3
      'data:', //                 4
      '  ~: tilde', //            5
      '  b: x', //                6
      '',
    ].join('\n');
    const [m] = parseManifests('n.yaml', text).manifests;
    expect(m!.object.data).toEqual({ '': 'tilde', b: 'x' });
    expect(position(text, '/data/')).toBe('5:6-5:11');
    expect(position(text, '/data/', 'key')).toBe('5:3-5:4');
  });

  it('finds a null key that comes in through a merge under "null", the name the object gives it there', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: n}\ndata:\n  <<: {~: merged}\n';
    const [m] = parseManifests('n.yaml', text).manifests;
    expect(m!.object.data).toEqual({ null: 'merged' });
    expect(position(text, '/data/null')).toBe('5:11-5:17');
  });
});

describe('positions are the same whichever parser read the file', () => {
  // A document-end marker after the last document sends a file to the full parser without changing its objects.
  const FULL = '...\n';
  const texts: Record<string, string> = {
    'an inline merge': [
      '# leading comment',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  <<: {name: merged, labels: {a: "1"}}',
      '  labels: {b: "2"}',
      'data:',
      '  <<: [{x: "1", y: "2"}, {y: "3", z: "4"}]',
      '  "key with: colon": |',
      '    text',
      '',
    ].join('\n'),
    'several documents and a List': [
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: s}',
      'spec: {ports: [{port: 80}]}',
      '---',
      '# between',
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: v1',
      '    kind: ConfigMap',
      '    metadata: {name: c}',
      '    data: {y: "1", 0644: octal}',
      '',
    ].join('\n'),
    'a null key': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: n}\ndata:\n  ~: a\n  b: c\n',
  };

  it.each(Object.entries(texts))('%s', (_name, text) => {
    expect(fastParse(`${text}${FULL}`)).toBeUndefined();
    const fast = parseManifests('f.yaml', text);
    const full = parseManifests('f.yaml', `${text}${FULL}`);
    expect(fast.findings).toEqual(full.findings);
    expect(fast.manifests.map((m) => m.object)).toEqual(full.manifests.map((m) => m.object));
    fast.manifests.forEach((m, i) => {
      for (const pointer of pointersOf(m.object)) {
        for (const target of ['value', 'key'] as const) {
          expect({ pointer, target, at: m.locate(pointer, target) }).toEqual({
            pointer,
            target,
            at: full.manifests[i]!.locate(pointer, target),
          });
        }
      }
    });
  });

  it('reads the files without anchors or null keys with the fast parser', () => {
    expect(fastParse(texts['an inline merge']!)?.map((d) => d.value.kind)).toEqual(['ConfigMap']);
    expect(fastParse(texts['several documents and a List']!)?.map((d) => d.value.kind)).toEqual(['Service', 'List']);
    // js-yaml would name a null key "null": the full parser reads it.
    expect(fastParse(texts['a null key']!)).toBeUndefined();
  });
});
