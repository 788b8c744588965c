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
    // The cut falls at the last line break before 65,436 - 136 (the note) - 8 = 65,292 characters:
    // after the 2,719th diff line; the code block is closed, then the note follows.
    expect(cut).toHaveLength(65_414);
    expect(cut).toBe(
      `# Summary\n\n\`\`\`diff\n${'+ a line of a long diff\n'.repeat(2719)}\`\`\`\n\n---\n*This summary was cut to fit GitHub's 65,536-character limit for comments; the job summary and the SARIF report have everything.*\n`,
    );
  });
});
