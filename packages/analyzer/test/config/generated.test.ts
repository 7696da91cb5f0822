// packages/analyzer/memsafe.schema.json is generated from the built checks; this fails when a rule or
// an option changes without regenerating it (`node tools/gen-config-schema.mjs`).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

it('memsafe.schema.json is up to date with the rules and their options', () => {
  const run = spawnSync(process.execPath, ['tools/gen-config-schema.mjs', '--check'], { cwd: root, encoding: 'utf8' });
  expect(run.stderr + run.stdout).toBe('');
  expect(run.status).toBe(0);
});

// packages/analyzer/src/cli/format/rule-help.generated.ts copies docs/rules/*.md for SARIF's `help`;
// this fails when a rule page changes without regenerating it (`node tools/gen-rule-help.mjs`).
it("SARIF's rule help is up to date with the rule pages", () => {
  const run = spawnSync(process.execPath, ['tools/gen-rule-help.mjs', '--check'], { cwd: root, encoding: 'utf8' });
  expect(run.stderr + run.stdout).toBe('');
  expect(run.status).toBe(0);
});
