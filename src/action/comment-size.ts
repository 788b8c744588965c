/** GitHub refuses issue and review comment bodies longer than this (422). */
export const MAX_COMMENT_LENGTH = 65_536;

const NOTE =
  "\n\n---\n*This summary was cut to fit GitHub's 65,536-character limit for comments; the job summary and the SARIF report have everything.*\n";

/**
 * Cuts a Markdown body to fit in one comment, at a line boundary, outside any code block, and
 * says so at the end. `reserve` leaves room for text added around it (the hidden marker).
 */
export function fitComment(body: string, reserve = 100): string {
  const limit = MAX_COMMENT_LENGTH - reserve;
  if (body.length <= limit) return body;
  let cut = body.lastIndexOf('\n', limit - NOTE.length - 8);
  if (cut < 0) cut = limit - NOTE.length - 8;
  let head = body.slice(0, cut);
  // An odd number of fences means the cut is inside a code block: close it.
  if ((head.match(/^```/gm) ?? []).length % 2 === 1) head += '\n```';
  return `${head}${NOTE}`;
}
