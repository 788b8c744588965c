import type { MessageData } from '../model/finding.js';

/** `{{name}}`, spaces inside the braces allowed, as ESLint writes rule messages. */
const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** The placeholder names of a message template, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * The message a template says with `data`. A placeholder without data throws rather than
 * printing `{{name}}` to the user: it is a bug of the rule, and the engine reports it as one.
 * Values are inserted once, so a value that itself looks like a placeholder stays as it is.
 */
export function fillMessage(template: string, data: MessageData = {}): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    if (!Object.hasOwn(data, name)) throw new Error(`the message has no data for {{${name}}}`);
    return String(data[name]);
  });
}
