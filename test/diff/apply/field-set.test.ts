import { describe, expect, it } from '@jest/globals';
import { fromFieldsV1, pathString, pointerIn, toFieldsV1 } from '../../../src/diff/apply/server-side/field-set.js';
import { withNamedFields } from '../../../src/diff/apply/server-side/named-fields.js';
import { rootRefOf } from '../../../src/diff/apply/server-side/ssa-schema.js';
import { toFieldSet } from '../../../src/diff/apply/server-side/to-field-set.js';

const DEPLOYMENT = rootRefOf('apps/v1', 'Deployment');

describe('field sets', () => {
  const fieldsV1 = {
    'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
    'f:spec': {
      'f:template': {
        'f:spec': {
          'f:containers': {
            'k:{"name":"app"}': {
              '.': {},
              'f:image': {},
              'f:ports': { 'k:{"protocol":"TCP","containerPort":80}': {} },
            },
          },
        },
      },
    },
  };

  it('read and write managedFields, keys made canonical', () => {
    const set = fromFieldsV1(fieldsV1);
    expect(toFieldsV1(set)).toEqual({
      'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
      'f:spec': {
        'f:template': {
          'f:spec': {
            'f:containers': {
              'k:{"name":"app"}': {
                '.': {},
                'f:image': {},
                'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': {} },
              },
            },
          },
        },
      },
    });
    expect(set.paths().map(pathString)).toEqual([
      '.metadata.labels',
      '.metadata.labels.app',
      '.spec.template.spec.containers[name="app"]',
      '.spec.template.spec.containers[name="app"].image',
      '.spec.template.spec.containers[name="app"].ports[containerPort=80,protocol="TCP"]',
    ]);
  });

  it('find a path in a manifest, a key matching an item that leaves a key field to its default', () => {
    const manifest = {
      spec: { template: { spec: { containers: [{ name: 'app', ports: [{ containerPort: 80 }] }] } } },
    };
    const [, , , , port] = fromFieldsV1(fieldsV1).paths();
    expect(pointerIn(manifest, port!)).toBe('/spec/template/spec/containers/0/ports/0');
    expect(pointerIn({ spec: {} }, port!)).toBeUndefined();
  });

  it('count no field for an empty list, and leave no empty level that would own its parent', () => {
    const set = toFieldSet(DEPLOYMENT, { spec: { template: { spec: { containers: [] } } } });
    expect(set.isEmpty()).toBe(true);
    expect(toFieldsV1(withNamedFields(set, DEPLOYMENT))).toEqual({});
  });

  it('own a struct field through its fields, an atomic struct whole, a null or {} field as such', () => {
    const set = toFieldSet(DEPLOYMENT, {
      spec: { selector: { matchLabels: { app: 'web' } }, strategy: {}, paused: null, replicas: 2 },
    });
    expect(toFieldsV1(set)).toEqual({
      'f:spec': { 'f:paused': {}, 'f:replicas': {}, 'f:selector': {}, 'f:strategy': {} },
    });
    expect(toFieldsV1(withNamedFields(set, DEPLOYMENT))).toEqual({
      'f:spec': { '.': {}, 'f:paused': {}, 'f:replicas': {}, 'f:selector': {}, 'f:strategy': {} },
    });
  });
});
