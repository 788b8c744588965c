import { describe, expect, it } from '@jest/globals';
import { diff } from '../../src/commands/diff.js';
import { changedKeys, keysText } from '../../src/diff/consequences/config-readers.js';
import { consequenceLines } from '../../src/report/diff-consequences.js';
import { diffSectionsJson } from '../../src/report/diff-json.js';
import { briefAt } from '../helpers/findings.js';

const DIR = 'fixtures/diff/config-change';

describe('changed ConfigMaps and Secrets', () => {
  it('names the running workloads that miss the new values, and how each reads them', async () => {
    const result = await diff([`${DIR}/desired.yaml`], { current: [`${DIR}/current.yaml`] });
    expect(consequenceLines(result.consequences!)).toEqual([
      'Deployment shop/rolled: rolls out, 1 pod replaced by 1 new (RollingUpdate, maxSurge 1, maxUnavailable 0): new 0→1, old 1→0',
      'StatefulSet shop/legacy: template changed; the pod keeps the old one until deleted (OnDelete)',
      // worker reads only FEATURE_X, which does not change; rolled is replaced with the change; legacy (OnDelete) is not.
      'ConfigMap shop/app-config: keys LOG_LEVEL and nginx.conf change; ' +
        'Deployment shop/api (1 running pod) keeps the old values in its environment until its pods restart; ' +
        'Deployment shop/edge (1 running pod) keeps the old values in its subPath mounts until its pods restart; ' +
        'Deployment shop/proxy (1 running pod) sees the new values in volume "config" within about a minute; ' +
        'Deployment shop/web (2 running pods) keeps the old values in its environment until its pods restart; ' +
        // Its new template no longer reads the config, but its running pod, made from the old one, does.
        'StatefulSet shop/legacy (1 running pod) keeps the old values in its environment until its pods restart',
      'Secret shop/db-credentials: key password changes; Deployment shop/api (1 running pod) keeps the old values in its environment until its pods restart',
    ]);
    // Positioned at the first changed key; a volume reader alone is no finding.
    expect(result.findings.map(briefAt)).toEqual([
      '7:14 config-change-not-rolled-out ConfigMap shop/app-config changes (keys LOG_LEVEL and nginx.conf), but nothing restarts the pods that read it at start: ' +
        'Deployment shop/api (1 pod, environment variables), Deployment shop/edge (1 pod, a subPath mount), Deployment shop/web (2 pods, environment variables) and StatefulSet shop/legacy (1 pod, environment variables) keep the old values until their pods restart',
      '17:13 config-change-not-rolled-out Secret shop/db-credentials changes (key password), but nothing restarts the pods that read it at start: Deployment shop/api (1 pod, environment variables) keeps the old values until its pods restart',
    ]);
    expect(result.findings.map((f) => [f.severity, f.phase])).toEqual([
      ['warning', 'diff'],
      ['warning', 'diff'],
    ]);
    const json = JSON.stringify(diffSectionsJson(result).consequences);
    expect(json).not.toContain('new-password');
    expect((diffSectionsJson(result).consequences as { configs: unknown[] }).configs[1]).toEqual({
      config: { apiVersion: 'v1', kind: 'Secret', namespace: 'shop', name: 'db-credentials' },
      keys: ['password'],
      readers: [
        {
          workload: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'api' },
          pods: 1,
          env: true,
          subPath: false,
          volumes: [],
        },
      ],
    });
  });

  it('compares values key by key, masked Secret values included', () => {
    const secret = (data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Secret', data });
    expect(changedKeys(secret({ a: '***', b: '***' }), secret({ a: '***', b: '***' }))).toEqual([]);
    expect(
      changedKeys(secret({ a: '***', b: '*** (before)' }), secret({ a: '***', b: '*** (after)', c: '***' })),
    ).toEqual(['b', 'c']);
    expect(
      changedKeys(
        { apiVersion: 'v1', kind: 'ConfigMap', binaryData: { x: 'AA==' } },
        { apiVersion: 'v1', kind: 'ConfigMap' },
      ),
    ).toEqual(['x']);
    expect(keysText(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('keys a, b, c, d, e and 2 more');
  });

  it('says nothing when the same manifests are applied again', async () => {
    const result = await diff([`${DIR}/current.yaml`], { current: [`${DIR}/current.yaml`] });
    expect(result.consequences!.configs).toEqual([]);
    expect(result.findings).toEqual([]);
  });
});
