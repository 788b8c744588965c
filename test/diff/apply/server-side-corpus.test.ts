/**
 * Server-side apply on real live objects (../shared/corpora/live-state, kept outside the
 * repository): gitops-engine's server-side cases, whose predicted live objects a real API server
 * made, and every live object with managedFields and a last applied manifest, applied again
 * through kubeplan and through the API server's field manager (the oracle).
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { diff } from '../../../src/commands/diff.js';
import { lastAppliedOf } from '../../../src/diff/apply/predict-applied.js';
import { predictServerSide } from '../../../src/diff/apply/server-side/predict-server-side.js';
import type { KubeObject } from '../../../src/model/manifest.js';
import { askOracle, oracleBinary } from '../../helpers/oracle.js';
import { outcomeOfKubeplan, outcomeOfOracle } from './server-side-cases.js';
import { printSkip } from '../../helpers/skip-notice.js';

const ROOT = join('..', 'shared', 'corpora', 'live-state');
const present = existsSync(ROOT);
if (!present) printSkip(`the live-state corpus is not at ${ROOT}`);

const read = (file: string) => parse(readFileSync(join(ROOT, file), 'utf8'), { uniqueKeys: false }) as KubeObject;

/**
 * gitops-engine's server-side cases (Argo CD applies as argocd-controller). Left out:
 * ssd-service and ssd-deploy-with-manual-apply, whose predicted objects carry a mutating
 * webhook's labels, and smd-deploy2, whose predicted object came from another manifest (its
 * managedFields own resources the manifest does not have).
 */
const PREDICTED: ReadonlyArray<[string, string, string]> = [
  ['gitops-engine/pkg/diff/testdata', 'ssd-deploy-composite-key-config.yaml', 'ssd-deploy-composite-key'],
  ['gitops-engine/pkg/diff/testdata', 'ssd-deploy-nested-config.yaml', 'ssd-deploy-nested'],
  ['gitops-engine/pkg/diff/testdata', 'ssd-svc-no-label-config.yaml', 'ssd-svc-no-label'],
  ['argo-cd/gitops-engine/pkg/diff/testdata', 'ssd-configmap-config.yaml', 'ssd-configmap'],
];

const LIVE_OF: Record<string, string> = { 'ssd-svc-no-label': 'ssd-svc-label-live.yaml' };

describe('server-side apply on real live objects', () => {
  (present ? it : it.skip)('predicts the live objects a real API server predicted', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'kubeplan-ssa-'));
    try {
      for (const [dir, config, name] of PREDICTED) {
        const live = read(join(dir, LIVE_OF[name] ?? `${name}-live.yaml`));
        const predicted = predictServerSide(live, read(join(dir, config)), lastAppliedOf(live), {
          manager: 'argocd-controller',
          force: true,
        });
        expect(predicted.refused).toBeUndefined();
        // Compared whole, as the diff normalizes objects: the API server's defaults and server fields aside.
        const ours = join(scratch, `${name}.json`);
        writeFileSync(ours, JSON.stringify(predicted.object));
        const result = await diff([ours], {
          current: [join(ROOT, dir, `${name}-predicted-live.json`)],
          mode: 'whole-object',
          consequences: false,
        });
        expect([name, result.changes.filter((c) => c.action !== 'unchanged').map((c) => c.text)]).toEqual([name, []]);
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  const oracle = present ? oracleBinary() : undefined;
  (oracle ? it : it.skip)(
    'agrees with the field manager on every live object applied again from its last manifest',
    () => {
      const cases = readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(ya?ml|json)$/.test(f))
        .sort()
        .flatMap((file) =>
          parseAllDocuments(readFileSync(join(ROOT, file), 'utf8')).map((doc) => doc.toJS() as KubeObject | null),
        )
        .filter((o): o is KubeObject => Array.isArray((o?.metadata as { managedFields?: unknown })?.managedFields))
        .flatMap((live) => {
          const last = lastAppliedOf(live);
          return last && last.kind === live.kind ? [{ live, manifest: last as KubeObject, force: false }] : [];
        });
      const answers = askOracle(
        oracle!,
        cases.map((c) => ({ op: 'server-side-apply', current: c.live, modified: c.manifest, manager: 'kubectl' })),
      );
      const outcomes = cases.map((c, i) => {
        const answer = answers[i]!;
        const theirs = answer.error !== undefined ? { error: answer.error } : outcomeOfOracle(answer.result as never);
        return [JSON.parse(JSON.stringify(outcomeOfKubeplan(c))), theirs];
      });
      console.log(`server-side apply, live-state corpus: ${cases.length} live objects applied again`);
      expect(cases.length).toBeGreaterThan(5);
      for (const [ours, theirs] of outcomes) expect(ours).toEqual(theirs);
    },
  );
});
