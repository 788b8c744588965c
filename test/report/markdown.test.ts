import { describe, expect, it } from '@jest/globals';
import { markdownReport, MARKDOWN_LIMIT } from '../../src/report/diff-markdown.js';
import { expectGolden } from '../helpers/golden.js';
import { SAMPLE_FINDINGS } from './sample-findings.js';

describe('Markdown report (pull-request comment)', () => {
  it('matches the golden file: headline, then findings grouped by severity', () => {
    expectGolden(
      'report',
      'sample.md',
      markdownReport({
        title: 'kubeplan check',
        headline: ['1 error, 1 warning, 1 info'],
        sections: ['#### Plan\n\n- Deployment shop/api: 2/2 pods scheduled'],
        findings: SAMPLE_FINDINGS,
      }),
    );
  });

  it(`stays under ${MARKDOWN_LIMIT} characters and says how many findings it left out`, () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({
      ...SAMPLE_FINDINGS[0]!,
      line: i + 1,
      message: `${SAMPLE_FINDINGS[0]!.message} (${i})`,
    }));
    const text = markdownReport({ title: 'kubeplan check', headline: ['3000 errors'], findings: many });
    expect(text.length).toBeLessThan(MARKDOWN_LIMIT);
    const shown = text.split('\n').filter((l) => l.startsWith('- **error**')).length;
    expect(shown).toBe(537);
    expect(text).toContain(
      `_${3000 - shown} more findings not shown: the comment would be too long (the job summary, the SARIF report and \`kubeplan check\` list them all)._`,
    );
  });
});
