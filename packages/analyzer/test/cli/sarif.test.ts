import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { checks, classicProjectHost, runCli } from '../../src/index.js';
import { cli, project } from './support.js';

const require = createRequire(import.meta.url);
/** The OASIS SARIF 2.1.0 schema (draft-04), as @microsoft/jest-sarif ships it. */
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
const ajv = new Ajv({ schemaId: 'auto', allErrors: true });
ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json') as object);
const validate = ajv.compile(schema);

const fixture = fileURLToPath(new URL('fixture', import.meta.url));

interface Log {
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        rules: {
          id: string;
          name: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          help: { text: string; markdown: string };
          helpUri: string;
        }[];
      };
    };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: {
        physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } };
      }[];
      suppressions?: { kind: string; justification?: string }[];
    }[];
  }[];
}

function sarif(cwd: string, args: string[] = []): Log {
  let stdout = '';
  runCli(() => classicProjectHost(ts), ['check', '--format', 'sarif', ...args], {
    cwd,
    env: {},
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: () => true },
  });
  return JSON.parse(stdout) as Log;
}

describe('SARIF for code scanning', () => {
  const log = sarif(fixture);
  const run = log.runs[0]!;

  it('is valid SARIF 2.1.0 by the OASIS schema', () => {
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
    expect(log.version).toBe('2.1.0');
  });

  it('describes each rule with a readable name, its page as fullDescription and help, and its link', () => {
    const rules = run.tool.driver.rules;
    expect(rules.map(rule => rule.id)).toEqual([...checks.map(check => check.id), 'unused-disable-directive']);
    const staleView = rules[0]!;
    expect(staleView.name).toBe('NoStaleView');
    expect(staleView.shortDescription.text).toBe(`${checks[0]!.description}.`);
    expect(staleView.fullDescription.text).toMatch(
      /^A typed array or DataView over `memory.buffer` is a view of one particular ArrayBuffer\. /,
    );
    expect(staleView.help.markdown).toContain('## Examples');
    expect(staleView.help.text).toContain('https://github.com/memsafe/memsafe/blob/main/docs/rules/no-stale-view.md');
    expect(staleView.helpUri).toBe('https://github.com/memsafe/memsafe/blob/main/docs/rules/no-stale-view.md');
    for (const rule of rules) expect(rule.name, rule.id).not.toBe(rule.id);
  });

  it('locates results relative to %SRCROOT%, the working directory', () => {
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(fixture).href}/` } });
    expect(
      run.results.map(r => [
        r.ruleId,
        r.level,
        r.locations[0]!.physicalLocation.artifactLocation,
        r.locations[0]!.physicalLocation.region.startLine,
      ]),
    ).toEqual([
      ['no-stale-view', 'error', { uri: 'src/heap.ts', uriBaseId: '%SRCROOT%' }, 9],
      ['no-whole-backing-buffer', 'error', { uri: 'src/packet.ts', uriBaseId: '%SRCROOT%' }, 4],
    ]);
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
  });

  it('keeps suppressed findings as suppressed results: in source for a comment, external for the file', () => {
    const root = project({
      'tsconfig.json': { compilerOptions: { strict: true, module: 'nodenext', lib: ['es2024'], noEmit: true } },
      'src/a.ts': `// eslint-disable-next-line memsafe/no-whole-backing-buffer -- whole buffers by contract
export const a = (bytes: Uint8Array) => new DataView(bytes.buffer);
export const b = (bytes: Uint8Array) => new DataView(bytes.buffer);
`,
      'eslint-suppressions.json': { 'src/a.ts': { 'memsafe/no-whole-backing-buffer': { count: 1 } } },
    });
    const suppressed = sarif(root);
    expect(validate(suppressed), ajv.errorsText(validate.errors)).toBe(true);
    expect(
      suppressed.runs[0]!.results.map(r => [r.locations[0]!.physicalLocation.region.startLine, r.suppressions]),
    ).toEqual([
      [2, [{ kind: 'inSource', justification: 'whole buffers by contract' }]],
      [3, [{ kind: 'external' }]],
    ]);
    expect(cli(root, ['check']).code).toBe(0);
  });
});
