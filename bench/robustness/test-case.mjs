// A test case of TypeScript's compiler suite (tests/cases/compiler, tests/cases/conformance) read the
// way TypeScript's own harness reads it: `// @name: value` lines set compiler options for the whole
// case, and each `// @filename: path` starts a new file of a multi-file case.
import { basename, posix } from 'node:path';
import ts from 'typescript';

/** Where the harness puts a case's files; names in `@filename` are relative to it. */
export const SOURCE_ROOT = '/.src';

// The harness's own pattern (src/harness/harnessIO.ts): two slashes, `@`, a word, a colon.
const DIRECTIVE = /^\/{2}\s*@(\w+)\s*:\s*([^\r\n]*)/;

/**
 * The files and option directives of one case. Text before the first `@filename` holds only comments
 * (the harness refuses anything else) and belongs to no file, as in the harness.
 */
export function splitTestCase(path, text) {
  const directives = new Map();
  const files = [];
  let current = undefined;
  let lines = [];
  for (const line of text.split(/\r?\n/)) {
    const directive = DIRECTIVE.exec(line);
    if (directive === null) {
      lines.push(line);
      continue;
    }
    const name = directive[1].toLowerCase();
    const value = directive[2].trim();
    if (name !== 'filename') {
      directives.set(name, value);
      continue;
    }
    if (current !== undefined) files.push({ name: current, text: lines.join('\n') });
    current = value;
    lines = [];
  }
  files.push({ name: current ?? basename(path), text: lines.join('\n') });
  return { files: files.map(file => ({ ...file, name: posix.resolve(SOURCE_ROOT, file.name) })), directives };
}

const declarations = new Map(ts.optionDeclarations.map(declaration => [declaration.name.toLowerCase(), declaration]));

/**
 * Compiler options from a case's directives. A directive listing several values (`@target: es5, es2015`,
 * which the harness runs once per value) takes the first; harness-only directives and values the
 * compiler rejects are left out, as the compiler would leave them. Nothing is emitted.
 */
export function compilerOptions(directives) {
  const json = {};
  for (const [name, value] of directives) {
    const declaration = declarations.get(name);
    if (declaration === undefined) continue;
    const first = value.split(',')[0].trim();
    switch (declaration.type) {
      case 'boolean':
        json[declaration.name] = first.toLowerCase() === 'true';
        break;
      case 'number':
        json[declaration.name] = Number(first);
        break;
      case 'list':
      case 'listOrElement':
        json[declaration.name] = value
          .split(',')
          .map(item => item.trim())
          .filter(item => item !== '');
        break;
      case 'string':
        json[declaration.name] = value;
        break;
      case 'object':
        break;
      default:
        json[declaration.name] = first.toLowerCase();
    }
  }
  const { options } = ts.convertCompilerOptionsFromJson(json, SOURCE_ROOT);
  for (const emitOnly of [
    'outDir',
    'outFile',
    'declarationDir',
    'tsBuildInfoFile',
    'incremental',
    'composite',
    'plugins',
  ])
    delete options[emitOnly];
  return { types: [], ...options, noEmit: true };
}
