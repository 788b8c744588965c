/** `npm run docs:rules`: writes docs/rules.md from the rules' metadata. */
import { writeFileSync } from 'node:fs';
import { BUILTIN_RULES } from '../../rules/index.js';
import { renderRulesMarkdown } from './rule-docs.js';

const target = process.argv[2] ?? 'docs/rules.md';
writeFileSync(target, renderRulesMarkdown(BUILTIN_RULES));
console.log(`wrote ${target} (${BUILTIN_RULES.length} rules)`);
