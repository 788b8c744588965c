import { describe, expect, it } from '@jest/globals';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { CrdRegistry } from '../../src/validate/crd/crd-registry.js';
import { ManifestValidator } from '../../src/validate/validate-manifests.js';
import { briefAt } from '../helpers/findings.js';

const validator = new ManifestValidator({ strict: true, crds: new CrdRegistry([]) });

async function schemaFindings(text: string): Promise<string[]> {
  const parsed = parseManifests('a.yaml', text);
  const found = parsed.findings.map(briefAt);
  for (const m of parsed.manifests) for (const f of await validator.validate(m)) found.push(briefAt(f));
  return found;
}

describe('YAML 1.1 tags that build no JSON value', () => {
  it('read !!binary as the base64 text the API server gets', async () => {
    const text = 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  key: !!binary |\n    aGVs\n    bG8=\n';
    const { manifests } = parseManifests('a.yaml', text);
    expect(manifests[0]!.object.data).toEqual({ key: 'aGVsbG8=' });
    expect(await schemaFindings(text)).toEqual([]);
  });

  it('read !!omap as a map, keeping its keys', async () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: !!omap\n  - name: x\n  - labels: {a: 1}\n';
    const { manifests } = parseManifests('a.yaml', text);
    expect(manifests[0]!.ref.name).toBe('x');
    // Positioned at the ordered map's first pair: a pointer does not go on into its list form.
    expect(await schemaFindings(text)).toEqual(['4:3 schema-invalid metadata.labels.a: expected string, got number 1']);
  });
});

describe('line ends and byte-order marks as kubectl reads them', () => {
  it('end a line at a lone CR, with positions on the right lines', async () => {
    const text = 'apiVersion: v1\rkind: ConfigMap\rmetadata:\r  name: x\rdata:\r  a: 1\r  a: 2\r';
    expect(await schemaFindings(text)).toEqual([
      '7:3 yaml-duplicate-key duplicate key: "a"; kubectl rejects the document',
      '7:6 schema-invalid data.a: expected string, got number 2',
    ]);
  });

  it('drop a byte-order mark at the start of a later document', async () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n\uFEFFapiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata: {a: 1}\n';
    expect(parseManifests('a.yaml', text).manifests.map((m) => m.ref.name)).toEqual(['a', 'b']);
    expect(await schemaFindings(text)).toEqual(['8:11 schema-invalid data.a: expected string, got number 1']);
  });

  it('keeps a document that contains itself through an alias readable, with a tag beside it', () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: loop\ndata:\n  note: !!str "!x"\n  loop: &l {self: *l, list: [*l]}\n';
    const parsed = parseManifests('loop.yaml', text);
    expect(parsed.findings.map((f) => f.ruleId)).not.toContain('yaml-syntax');
    const loop = (parsed.manifests[0]!.object.data as Record<string, any>).loop;
    expect(loop.self).toBe(loop);
    expect(loop.list[0]).toBe(loop);
  });
});
