import { describe, expect, it } from '@jest/globals';
import { lint } from '../../src/index.js';
import { brief, notRule } from '../helpers/findings.js';

describe('bad input in fixtures/bad-input', () => {
  it('reports every problem at its line and still checks the valid objects around it', async () => {
    const result = await lint(['fixtures/bad-input']);
    expect(result.findings.filter(notRule).map(brief)).toEqual([
      'fixtures/bad-input/alias-bomb.yaml:7:10 error yaml-alias-limit too many aliases: document 1 expands to 2,669,569,357 characters with the file\'s documents before it, 99% of them from aliases, more than kubectl reads ("excessive aliasing", an "alias bomb"); not checked',
      'fixtures/bad-input/bom-crlf.yaml:6:10 error schema-invalid data.count: expected string, got number 3',
      'fixtures/bad-input/comments-only.yaml:1:1 info yaml-empty file has no YAML documents (only comments)',
      'fixtures/bad-input/duplicate-keys.yaml:7:3 error yaml-duplicate-key duplicate key: "mode"; kubectl rejects the document',
      'fixtures/bad-input/empty-documents.yaml:1:1 info yaml-empty document 1 is empty',
      'fixtures/bad-input/empty-documents.yaml:7:1 info yaml-empty document 3 is empty',
      'fixtures/bad-input/empty.yaml:1:1 info yaml-empty file is empty',
      'fixtures/bad-input/list.yaml:13:15 error schema-invalid data.nested: expected string, got an object',
      'fixtures/bad-input/list.yaml:14:5 error document-not-object items[2] is a string of 13 characters, not a Kubernetes object',
      'fixtures/bad-input/malformed.yaml:10:1 error yaml-syntax All mapping items must start at the same column',
      'fixtures/bad-input/malformed.yaml:18:13 error schema-invalid data.replicas: expected string, got number 3',
      'fixtures/bad-input/missing-type.yaml:1:1 error object-missing-type object has no apiVersion and no kind; every Kubernetes object needs both',
      'fixtures/bad-input/missing-type.yaml:6:1 error object-missing-type object has no kind; every Kubernetes object needs both',
      'fixtures/bad-input/missing-type.yaml:10:1 error object-missing-type object has no apiVersion; every Kubernetes object needs both',
      'fixtures/bad-input/not-objects.yaml:1:1 error document-not-object document is a string of 15 characters, not a Kubernetes object',
      'fixtures/bad-input/not-objects.yaml:3:1 error document-not-object document is a list, not a Kubernetes object',
      'fixtures/bad-input/not-objects.yaml:6:1 error document-not-object document is a number, not a Kubernetes object',
      'fixtures/bad-input/service.json:7:44 error schema-invalid spec.ports[0].targetPort: expected integer or string, got boolean true',
      'fixtures/bad-input/tabs.yaml:4:1 error yaml-syntax Tabs are not allowed as indentation',
      'fixtures/bad-input/unknown-api.yaml:1:13 error api-unknown Deployment is not served by apps/v9; use apps/v1',
      'fixtures/bad-input/unknown-api.yaml:7:7 error api-unknown apps/v1 has no kind "Deploymnet"; did you mean "Deployment"?',
      'fixtures/bad-input/unknown-api.yaml:12:7 info schema-missing no schema for Widget (example.com/v1): not a built-in kind and no CustomResourceDefinition declares it; add the CRD to the input or pass --crd',
    ]);
  });

  it('keeps the valid objects next to broken ones', async () => {
    const result = await lint(['fixtures/bad-input']);
    const names = result.manifests.map((m) => `${m.source.file}#${m.ref.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'fixtures/bad-input/malformed.yaml#before-the-error',
        'fixtures/bad-input/malformed.yaml#after-the-error',
        'fixtures/bad-input/not-objects.yaml#fine',
        'fixtures/bad-input/empty-documents.yaml#between-empty-documents',
        'fixtures/bad-input/bom-crlf.yaml#windows',
        'fixtures/bad-input/duplicate-keys.yaml#settings',
        'fixtures/bad-input/list.yaml#first',
        'fixtures/bad-input/list.yaml#second',
        'fixtures/bad-input/service.json#json-service',
      ]),
    );
    expect(result.manifests.some((m) => m.ref.name === 'broken')).toBe(false);
    expect(result.summary).toMatchObject({ files: 13, objects: 12, ioErrors: 0 });
  });
});
