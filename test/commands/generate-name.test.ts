/**
 * Objects named only by generateName through the pipeline: lint and diff never take two of them
 * for one object, and the plan creates each under a name of its own.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { diffObjects } from '../../src/diff/diff-objects.js';
import { lint, plan } from '../../src/index.js';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { nameOf } from '../../src/model/object-ref.js';
import { briefAt } from '../helpers/findings.js';
import { tempDir } from '../helpers/temp-dir.js';

const generateNameOf = (o: Record<string, unknown>): unknown => (o.metadata as Record<string, unknown>).generateName;

describe('objects named only by generateName', () => {
  it('never takes two objects named only by generateName for one object', async () => {
    const job =
      'apiVersion: batch/v1\nkind: Job\nmetadata: {generateName: migrate-, namespace: shop}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: m, image: "migrate:1"}]\n';
    const result = await lint(['-'], {
      onlyRules: ['duplicate-object'],
      readStdin: async () => Buffer.from(`${job}---\n${job}`),
    });
    expect(result.findings.filter((f) => f.phase === 'rule')).toEqual([]);
    const diff = diffObjects([], parseManifests('a.yaml', `${job}---\n${job}`).manifests);
    expect(diff.findings.map(briefAt)).toEqual([
      '3:11 diff-unnamed-object Job has no metadata.name (generateName makes a new object on every create); it is not compared',
      '12:11 diff-unnamed-object Job has no metadata.name (generateName makes a new object on every create); it is not compared',
    ]);
  });

  it('lets the plan create each object named only by generateName under a generated name', async () => {
    const { dir, cleanup } = tempDir();
    const job = (image: string) =>
      `apiVersion: batch/v1\nkind: Job\nmetadata: {generateName: migrate-, namespace: shop}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: m, image: "${image}"}]\n`;
    writeFileSync(join(dir, 'jobs.yaml'), `${job('migrate:1')}---\n${job('migrate:2')}`);
    const result = await plan([join(dir, 'jobs.yaml')], {});
    const jobs = result.state.objects.filter((o) => o.kind === 'Job');
    expect(jobs.map((o) => [nameOf(o), generateNameOf(o)])).toEqual([
      ['migrate-lbbfs', 'migrate-'],
      ['migrate-vtnxx', 'migrate-'],
    ]);
    cleanup();
  });
});
