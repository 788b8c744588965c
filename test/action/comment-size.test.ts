import { describe, expect, it } from '@jest/globals';
import { fitComment, MAX_COMMENT_LENGTH } from '../../src/action/comment-size.js';

describe('comment size', () => {
  it('leaves a body that fits alone', () => {
    expect(fitComment('short')).toBe('short');
  });

  it('cuts a long body at a line, closes an open code block and says so', () => {
    const body = `# Summary\n\n\`\`\`diff\n${'+ a line of a long diff\n'.repeat(5000)}\`\`\`\n`;
    const cut = fitComment(body);
    expect(cut.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH - 100);
    expect((cut.match(/^```/gm) ?? []).length % 2).toBe(0);
    expect(
      cut.endsWith(
        "*This summary was cut to fit GitHub's 65,536-character limit for comments; the job summary and the SARIF report have everything.*\n",
      ),
    ).toBe(true);
    expect(
      cut
        .split('\n')
        .filter((l) => l.startsWith('+'))
        .every((l) => l === '+ a line of a long diff'),
    ).toBe(true);
  });
});
