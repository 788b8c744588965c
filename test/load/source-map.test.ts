import { describe, expect, it } from '@jest/globals';
import { parseManifests } from '../../src/load/parse-manifests.js';

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
