import { fileURLToPath } from 'node:url';
import { analyze, checks, presetRules } from '@memsafe/analyzer';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { programs, sourceFiles } from './corpus.js';

const nodeModules = fileURLToPath(new URL('../../node_modules', import.meta.url));

describe('the analyzer on every source file in node_modules', () => {
  it('never throws, whatever the code', { timeout: 600_000 }, () => {
    const files = sourceFiles(nodeModules);
    const rules = presetRules(checks, 'all');
    const crashes: string[] = [];
    let analysed = 0;
    let findings = 0;
    for (const program of programs(files, 300)) {
      const own = program
        .getRootFileNames()
        .map(name => program.getSourceFile(name))
        .filter(file => file !== undefined);
      analysed += own.length;
      findings += analyze({
        ts,
        program,
        checks,
        rules,
        files: own,
        onError: (error, check, file) =>
          crashes.push(
            `${check.id} on ${file.fileName}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          ),
      }).length;
    }
    console.log(
      `robustness: ${analysed} files analysed (${files.length} found), ${findings} findings, ${crashes.length} crashes`,
    );
    expect(files.length).toBeGreaterThan(5000);
    expect(analysed).toBe(files.length);
    expect(crashes.slice(0, 5)).toEqual([]);
  });
});
