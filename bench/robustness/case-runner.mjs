// The worker of ts-test-cases.mjs: runs test cases one after another from `workerData.start` and
// posts one result per case, so that the main thread can stop a case that never ends and go on.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { analyze, checks, explainFile, presetRules } from '@memsafe/analyzer';
import ts from 'typescript';
import { compilerOptions, splitTestCase, SOURCE_ROOT } from './test-case.mjs';

const libDirectory = dirname(ts.getDefaultLibFilePath({}));
const rules = presetRules(checks, 'all');
// Every check walks every file: the quick text test that lets a check skip a file which names
// nothing it looks for would otherwise keep most of these files from the walkers.
const everyCheck = checks.map(check => ({ ...check, mayApply: undefined }));
const SOURCE = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;

const libraries = new Map();

/** A compiler host over the case's files and TypeScript's own lib files, parsed once per target. */
function hostFor(files) {
  const texts = new Map(files.map(file => [file.name, file.text]));
  const directories = new Set(files.flatMap(file => ancestors(file.name)));
  const read = name => texts.get(name) ?? (name.startsWith(libDirectory) ? ts.sys.readFile(name) : undefined);
  return {
    getSourceFile(name, languageVersion) {
      const text = texts.get(name);
      if (text !== undefined) return ts.createSourceFile(name, text, languageVersion, true);
      const key = `${name}|${JSON.stringify(languageVersion)}`;
      if (!libraries.has(key)) {
        const libText = read(name);
        libraries.set(
          key,
          libText === undefined ? undefined : ts.createSourceFile(name, libText, languageVersion, true),
        );
      }
      return libraries.get(key);
    },
    getDefaultLibFileName: options => join(libDirectory, ts.getDefaultLibFileName(options)),
    getDefaultLibLocation: () => libDirectory,
    writeFile: () => undefined,
    getCurrentDirectory: () => SOURCE_ROOT,
    getCanonicalFileName: name => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: name => read(name) !== undefined,
    readFile: read,
    directoryExists: name => directories.has(name) || name.startsWith(libDirectory),
    getDirectories: () => [],
    realpath: name => name,
  };
}

function ancestors(path) {
  const found = [];
  for (let directory = dirname(path); directory !== '/'; directory = dirname(directory)) found.push(directory);
  return found;
}

function message(error) {
  return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
}

function runCase(path) {
  const { files, directives } = splitTestCase(path, readFileSync(path, 'utf8'));
  const result = {
    path,
    files: files.length,
    analysed: 0,
    findings: {},
    crashes: [],
    explainFailures: [],
    compilerFailure: undefined,
    slowest: { file: '', ms: 0 },
    ms: 0,
  };
  let program;
  try {
    program = ts.createProgram(
      files.map(file => file.name).filter(name => SOURCE.test(name)),
      compilerOptions(directives),
      hostFor(files),
    );
  } catch (error) {
    result.compilerFailure = message(error);
    return result;
  }
  const own = files
    .map(file => program.getSourceFile(file.name))
    .filter(file => file !== undefined && !file.isDeclarationFile);
  for (const sourceFile of own) {
    const start = performance.now();
    try {
      for (const finding of analyze({
        ts,
        program,
        checks: everyCheck,
        rules,
        files: [sourceFile],
        onError: (error, check) =>
          result.crashes.push({
            file: sourceFile.fileName,
            check: check.id,
            message: message(error),
            stack: error instanceof Error ? error.stack : undefined,
          }),
      })) {
        result.findings[finding.rule] = (result.findings[finding.rule] ?? 0) + 1;
      }
    } catch (error) {
      result.crashes.push({
        file: sourceFile.fileName,
        check: '(analyze)',
        message: message(error),
        stack: error instanceof Error ? error.stack : undefined,
      });
    }
    try {
      explainFile(ts, program.getTypeChecker(), sourceFile, program);
    } catch (error) {
      // `memsafe explain` reports a file the compiler fails on and goes on (exit 2); counted apart.
      result.explainFailures.push({ file: sourceFile.fileName, message: message(error) });
    }
    const ms = performance.now() - start;
    result.ms += ms;
    result.analysed++;
    if (ms > result.slowest.ms) result.slowest = { file: sourceFile.fileName, ms };
  }
  return result;
}

const { paths, start } = workerData;
// Untimed: the first case also pays for V8 compiling the analyzer and the compiler.
runCase(paths[start]);
for (let index = start; index < paths.length; index++) {
  parentPort.postMessage({ index, result: runCase(paths[index]) });
}
