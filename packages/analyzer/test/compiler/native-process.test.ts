import * as ast from 'typescript7/unstable/ast';
import * as sync from 'typescript7/unstable/sync';
import { describe, expect, it } from 'vitest';
import type { NativeSyncModule } from '../../src/compiler/native/api.js';
import { nativeDocumentHost } from '../../src/compiler/native/document-host.js';
import { nativeProjectHost } from '../../src/compiler/native/host.js';
import { CompilerError } from '../../src/compiler/errors.js';

/** A compiler process that can end: every question fails after `end()`, as the real one's do. */
function processes() {
  const started: { ended: boolean; closed: boolean }[] = [];
  const asked: string[] = [];
  class API {
    readonly state = { ended: false, closed: false };
    constructor() {
      started.push(this.state);
    }
    #ask<T>(answer: T): T {
      if (this.state.ended) throw new Error('Unexpected EOF while reading from child process');
      return answer;
    }
    updateSnapshot() {
      this.#ask(undefined);
      const program = {
        getSourceFileNames: () => this.#ask(['/p/a.ts', '/lib.d.ts']),
        getSourceFileMetadata: (fileName: string) => {
          asked.push(fileName);
          return this.#ask({ isDefaultLibrary: fileName === '/lib.d.ts', isFromExternalLibrary: false });
        },
        getSourceFile: (fileName: string) => this.#ask({ fileName }),
      };
      const project = { configFileName: '/p/tsconfig.json', rootFiles: ['/p/a.ts'], program, checker: {} };
      return { getProject: () => project, getProjects: () => [project], dispose: () => this.#ask(undefined) };
    }
    clearSourceFileCache() {}
    close() {
      this.state.closed = true;
    }
  }
  return { started, asked, sync: { ...(sync as unknown as NativeSyncModule), API } as unknown as NativeSyncModule };
}

describe("memsafe lsp's TypeScript 7 programs", () => {
  it('say so when the compiler process ended under a check, and start a new one for the next', () => {
    const { started, sync: fake } = processes();
    const host = nativeDocumentHost(ast, fake, '7.0.2', '/p');
    host.programFor('/p/tsconfig.json', new Map(), []);
    host.confirm();
    expect(started).toHaveLength(1);

    started[0]!.ended = true;
    expect(() => host.confirm()).toThrow(
      "TypeScript 7.0.2's compiler process ended during the check (Unexpected EOF while reading from child process)",
    );
    expect(started[0]!.closed).toBe(true);

    host.programFor('/p/tsconfig.json', new Map(), ['/p/a.ts']);
    host.confirm();
    expect(started).toHaveLength(2);

    started[1]!.ended = true;
    expect(() => host.programFor('/p/tsconfig.json', new Map(), ['/p/a.ts'])).toThrow(/Unexpected EOF/);
    host.programFor('/p/tsconfig.json', new Map(), []);
    expect(started).toHaveLength(3);
    host.close();
    expect(started[2]!.closed).toBe(true);
  });
});

describe("memsafe lsp's TypeScript 7 programs after an edit", () => {
  it('ask which files are libraries once, until a file changes on disk', () => {
    const { asked, sync: fake } = processes();
    const host = nativeDocumentHost(ast, fake, '7.0.2', '/p');
    const open = new Map([['/p/a.ts', { version: 1, text: '' }]]);
    const files = (changed: string[]) =>
      host
        .programFor('/p/tsconfig.json', open, changed)
        .getSourceFiles()
        .map(file => file.fileName);
    expect(files([])).toEqual(['/p/a.ts']);
    expect(files(['/p/a.ts'])).toEqual(['/p/a.ts']);
    expect(asked).toEqual(['/p/a.ts', '/lib.d.ts']);
    expect(files(['/p/package.json'])).toEqual(['/p/a.ts']);
    expect(asked).toEqual(['/p/a.ts', '/lib.d.ts', '/p/a.ts', '/lib.d.ts']);
    host.close();
  });
});

describe("the CLI's TypeScript 7 projects", () => {
  it('say so when the compiler process ended under the check, and close without a word', () => {
    const { started, sync: fake } = processes();
    const host = nativeProjectHost(ast, fake, '7.0.2', '/p');
    host.confirm();
    host.program('/p/tsconfig.json', {
      fileNames: [],
      references: [],
      plugins: [],
      files: undefined,
      include: undefined,
    });
    host.confirm();
    started[0]!.ended = true;
    expect(() => host.confirm()).toThrow(
      new CompilerError(
        "TypeScript 7.0.2's compiler process ended during the check (Unexpected EOF while reading from child process)",
      ),
    );
    host.close();
    expect(started[0]!.closed).toBe(true);
  });
});
