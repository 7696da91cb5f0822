#!/usr/bin/env node
// Generates packages/analyzer/src/cli/format/rule-help.generated.ts from docs/rules/*.md: the text and
// Markdown each rule's page gives, which SARIF carries as `fullDescription` and `help` so that code
// scanning shows the page beside each alert. The pages are the source; this only copies them.
//   node tools/gen-rule-help.mjs           writes the module
//   node tools/gen-rule-help.mjs --check   exits 1 when it is out of date
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeOrCheck } from './write-or-check.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const docs = join(root, 'docs', 'rules');
const target = join(root, 'packages', 'analyzer', 'src', 'cli', 'format', 'rule-help.generated.ts');
const HEADER_END = '<!-- end auto-generated rule header -->';

const help = {};
for (const file of readdirSync(docs)
  .filter(name => name.endsWith('.md'))
  .sort()) {
  const page = readFileSync(join(docs, file), 'utf8');
  const body = page.slice(page.indexOf(HEADER_END) + HEADER_END.length).trim();
  const firstParagraph = body.split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, ' ');
  help[file.replace(/\.md$/, '')] = { text: firstParagraph, markdown: body };
}

const text =
  '// Generated from docs/rules/*.md by tools/gen-rule-help.mjs. Do not edit: edit the rule pages.\n' +
  'export const RULE_HELP: Readonly<Record<string, { readonly text: string; readonly markdown: string }>> = ' +
  `${JSON.stringify(help, null, 2)};\n`;
writeOrCheck(target, text, 'node tools/gen-rule-help.mjs');
