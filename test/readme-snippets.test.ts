/**
 * The TypeScript in the READMEs type-checks against the built packages, as a user who copies it would
 * compile it: the repository's README and each package's. A line meant to be a type error says so
 * with @ts-expect-error, which fails in turn if the error goes away.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { snippetProblems, snippetsOf, writeSnippets } from './support/snippets.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const readmes = [
  'README.md',
  ...['runtime', 'analyzer', 'eslint-plugin', 'ts-plugin'].map(p => `packages/${p}/README.md`),
];
const snippets = readmes.flatMap(readme => snippetsOf(readme, readFileSync(join(root, readme), 'utf8')));
const files = writeSnippets(join(root, 'test', '.snippets', 'readme'), snippets);

it('type-checks every TypeScript example of the READMEs', () => {
  expect(snippets.map(snippet => snippet.page)).toEqual(
    expect.arrayContaining(['README.md', 'packages/runtime/README.md']),
  );
  expect(snippetProblems(snippets, files)).toEqual([]);
});

it('shows the ESLint configuration the e2e test runs in a CommonJS project, word for word', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const fixture = readFileSync(join(root, 'test/eslint-e2e/fixtures/commonjs/eslint.config.mjs'), 'utf8');
  // The fixture's first line says where it comes from; the rest is the README's block.
  expect(readme).toContain(`\`\`\`js\n// eslint.config.mjs\n${fixture.slice(fixture.indexOf('\n') + 1)}\`\`\``);
});

it('gives the conversion table’s size as it is', async () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const { conversions } = await import('@memsafe/analyzer');
  expect(readme).toContain(`(${conversions.length} conversions, each executed by a test on Node 20, 24 and 26)`);
});
