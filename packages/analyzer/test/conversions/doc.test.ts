// docs/conversions.md is generated from the built table; this fails when someone edits the table
// without regenerating the page (`node tools/gen-conversions-doc.mjs`).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

it('docs/conversions.md is up to date with the conversion table', () => {
  const run = spawnSync(process.execPath, ['tools/gen-conversions-doc.mjs', '--check'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(run.stderr + run.stdout).not.toMatch(/out of date|Error/);
  expect(run.status).toBe(0);
});
