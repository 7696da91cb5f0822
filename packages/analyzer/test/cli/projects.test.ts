import { mkdirSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, project } from './support.js';

function findings(cwd: string, args: string[] = []): string[] {
  const { code, stdout, stderr } = cli(cwd, ['check', '--format', 'json', ...args]);
  expect(stderr).toBe('');
  expect(code).toBe(1);
  return (JSON.parse(stdout) as { file: string; line: number; rule: string }[]).map(
    f => `${relative(cwd, f.file)}:${f.line} ${f.rule}`,
  );
}

const options = { strict: true, target: 'es2022', module: 'nodenext', lib: ['es2024', 'dom'], noEmit: true };
const wholeBuffer = 'export const whole = (bytes: Uint8Array) => new DataView(bytes.buffer);\n';
const staleView = `declare const memory: WebAssembly.Memory;
declare function malloc(n: number): number;
export function write(bytes: Uint8Array) {
  const heap = new Uint8Array(memory.buffer);
  memory.grow(1);
  heap.set(bytes, malloc(bytes.length));
}
`;

describe('memsafe check on the layouts tsc -b builds', () => {
  it('follows a solution tsconfig with "files": [] to the projects it references (create-vite)', () => {
    const root = project({
      'tsconfig.json': { files: [], references: [{ path: './tsconfig.app.json' }, { path: './tsconfig.node.json' }] },
      'tsconfig.app.json': { compilerOptions: { ...options, composite: true }, include: ['src'] },
      'tsconfig.node.json': { compilerOptions: { ...options, composite: true }, include: ['vite.config.ts'] },
      'src/main.ts': wholeBuffer,
      'vite.config.ts': staleView,
    });
    expect(findings(root)).toEqual(['src/main.ts:1 no-whole-backing-buffer', 'vite.config.ts:6 no-stale-view']);
  });

  it('checks a monorepo package by package, once each, and follows growth into a referenced package', () => {
    const root = project({
      'tsconfig.json': { files: [], references: [{ path: 'packages/wasm' }, { path: 'packages/app' }] },
      'packages/wasm/package.json': { name: 'wasm', types: './dist/index.d.ts', main: './dist/index.js' },
      'packages/wasm/tsconfig.json': {
        compilerOptions: { ...options, composite: true, rootDir: 'src', outDir: 'dist', noEmit: false },
      },
      'packages/wasm/src/index.ts': `export declare const memory: WebAssembly.Memory;
export function reserve(pages: number) { return memory.grow(pages); }
${wholeBuffer}`,
      'packages/app/tsconfig.json': {
        compilerOptions: { ...options, composite: true, rootDir: 'src', outDir: 'dist', noEmit: false },
        references: [{ path: '../wasm' }],
      },
      'packages/app/src/index.ts': `import { memory, reserve } from 'wasm';
export function read() {
  const heap = new Uint8Array(memory.buffer);
  reserve(1);
  return heap[0];
}
${wholeBuffer}`,
    });
    // As a workspace links it. Nothing is built: 'wasm' resolves to dist/index.d.ts, which does not
    // exist, and is read from its source, as the editor reads it.
    mkdirSync(join(root, 'node_modules'));
    symlinkSync(join(root, 'packages/wasm'), join(root, 'node_modules/wasm'), 'dir');
    // The app's program holds the wasm package's source too: it is checked once, with its own project.
    expect(findings(root)).toEqual([
      'packages/app/src/index.ts:5 no-stale-view',
      'packages/app/src/index.ts:7 no-whole-backing-buffer',
      'packages/wasm/src/index.ts:3 no-whole-backing-buffer',
    ]);
    expect(findings(root, ['packages/app'])).toEqual([
      'packages/app/src/index.ts:5 no-stale-view',
      'packages/app/src/index.ts:7 no-whole-backing-buffer',
    ]);
    // From inside a package, as tsc -b there: the package and the projects it references.
    expect(findings(join(root, 'packages/app'))).toEqual([
      'src/index.ts:5 no-stale-view',
      'src/index.ts:7 no-whole-backing-buffer',
      '../wasm/src/index.ts:3 no-whole-backing-buffer',
    ]);
  });

  it('takes a directory for -p, as tsc does', () => {
    const root = project({ 'app/tsconfig.json': { compilerOptions: options }, 'app/main.ts': wholeBuffer });
    expect(findings(root, ['-p', 'app'])).toEqual(['app/main.ts:1 no-whole-backing-buffer']);
  });
});

describe('a run that would check nothing is exit 2, naming what matched nothing', () => {
  it.each([
    [
      'a tsconfig with "files": [] and no references',
      { 'tsconfig.json': { files: [] }, 'src/main.ts': wholeBuffer },
      [],
      'memsafe: no file to check in tsconfig.json:\n  tsconfig.json: "files" is empty, and there are no "references"\n',
    ],
    [
      'an "include" that matches nothing',
      { 'tsconfig.json': { compilerOptions: options, include: ['src'] }, 'lib/main.ts': wholeBuffer },
      [],
      'memsafe: no file to check in tsconfig.json:\n  tsconfig.json: "include" ["src"] matched no file under ., and there are no "references"\n',
    ],
    [
      'a solution whose projects match nothing',
      {
        'tsconfig.json': { files: [], references: [{ path: './tsconfig.app.json' }] },
        'tsconfig.app.json': { compilerOptions: { ...options, composite: true }, include: ['app'] },
        'src/main.ts': wholeBuffer,
      },
      [],
      'memsafe: no file to check in tsconfig.json or the 1 project it references:\n  tsconfig.app.json: "include" ["app"] matched no file under ., and there are no "references"\n',
    ],
    [
      'a reference to a project that is not there',
      { 'tsconfig.json': { files: [], references: [{ path: './packages/gone' }] } },
      [],
      'memsafe: tsconfig.json references packages/gone/tsconfig.json, which does not exist\n',
    ],
    [
      'a path outside every project',
      {
        'tsconfig.json': { files: [], references: [{ path: './tsconfig.app.json' }] },
        'tsconfig.app.json': { compilerOptions: { ...options, composite: true }, include: ['src'] },
        'src/main.ts': wholeBuffer,
        'scripts/build.ts': wholeBuffer,
      },
      ['scripts'],
      'memsafe: scripts holds no file of tsconfig.json or the 1 project it references; check "include", or pass another tsconfig with -p\n',
    ],
  ])('%s', (_, files, paths, message) => {
    const { code, stdout, stderr } = cli(project(files), ['check', ...paths]);
    expect(stdout).toBe('');
    expect(stderr).toBe(message);
    expect(code).toBe(2);
  });
});
