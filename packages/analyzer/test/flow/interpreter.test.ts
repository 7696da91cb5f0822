import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { FlowDomain } from '../../src/flow/domain.js';
import { FlowInterpreter } from '../../src/flow/interpreter.js';
import { walk } from '../../src/util/syntax.js';
import { createProgram } from '../support/program.js';

/**
 * A toy domain: `make()` makes a tracked value, `kill()` invalidates every tracked value, and a
 * read of an invalidated one is reported with its text and line. The interpreter is tested on its
 * own through it: paths, loops, callbacks, refinements, without any check's knowledge.
 */
interface Toy {
  readonly origin: ts.Node;
}

function interpret(body: string): { reports: string[]; calls: number } {
  const code = `declare function make(): Uint8Array;\ndeclare function kill(): void;\ndeclare function use(...values: unknown[]): void;\n${body}`;
  const { program, paths } = createProgram({ 'toy.ts': code });
  const sourceFile = program.getSourceFile(paths[0]!)!;
  const checker = program.getTypeChecker();
  const infos = new Map<ts.Node, Toy>();
  const reports: string[] = [];
  let calls = 0;
  const domain: FlowDomain<Toy> = {
    track(expression) {
      if (!ts.isCallExpression(expression) || expression.expression.getText() !== 'make') return undefined;
      let info = infos.get(expression);
      if (info === undefined) infos.set(expression, (info = { origin: expression }));
      return info;
    },
    effectOf(node) {
      calls++;
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'kill') return undefined;
      return { invalidation: { site: node, what: '`kill()`', event: 'kills' }, affects: () => true };
    },
    report(use) {
      reports.push(`${sourceFile.getLineAndCharacterOfPosition(use.getStart()).line - 2}:${use.getText()}`);
      return true;
    },
  };
  const shared = { reported: new Set<ts.Node>(), inlined: new Set<ts.Node>() };
  walk(ts, sourceFile, node => {
    if (ts.isFunctionDeclaration(node) && node.body !== undefined)
      new FlowInterpreter(ts, checker, domain, shared).run(node.body, new Map());
  });
  return { reports: reports.sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b)), calls };
}

describe('FlowInterpreter', () => {
  it('tracks access paths: fields of objects, elements of collections, destructured members', () => {
    const { reports } = interpret(`
function f(box: { view: Uint8Array }, list: Uint8Array[]) {
  box.view = make();
  list.push(make());
  const holder = { view: make() };
  const { view } = holder;
  kill();
  use(box.view, list[0], view, holder.view);
}`);
    expect(reports).toEqual(['8:box.view', '8:holder.view', '8:list[0]', '8:view']);
  });

  it('forgets what lies under a path that is assigned anew', () => {
    const { reports } = interpret(`
function f(box: { inner: { view: Uint8Array } }) {
  box.inner.view = make();
  kill();
  box.inner = { view: new Uint8Array(1) };
  use(box.inner.view);
}`);
    expect(reports).toEqual([]);
  });

  it('carries invalidation around a loop to the next iteration, and out of it', () => {
    const { reports } = interpret(`
function f(n: number) {
  let v = make();
  for (let i = 0; i < n; i++) {
    use(v);
    if (i > 2) kill();
  }
  let w = make();
  while (n-- > 0) kill();
  use(w);
}`);
    expect(reports).toEqual(['5:v', '10:w']);
  });

  it('reports a stale reference once per invalidation, at its first use', () => {
    const { reports } = interpret(`
function f() {
  const v = make();
  kill();
  use(v);
  use(v);
  const w = make();
  use(w);
  kill();
  use(w);
}`);
    expect(reports).toEqual(['5:v', '10:w']);
  });

  it('interprets a 20-deep loop nest in time linear in its size', () => {
    const depth = 20;
    const open = Array.from({ length: depth }, (_, i) => `for (let i${i} = 0; i${i} < 2; i${i}++) {`).join('\n');
    const { reports, calls } = interpret(`
function f() {
  let v = make();
${open}
  use(v);
  kill();
${'}'.repeat(depth)}
}`);
    expect(reports).toEqual([`${depth + 4}:v`]);
    // Two calls per pass over the innermost body; a walk doubling per level would make millions.
    expect(calls).toBeLessThan(40 * depth);
  });

  it('runs a callback now (forEach) or later (then, timers, handlers), from the state it can start in', () => {
    const { reports } = interpret(`
function now(list: number[]) {
  const v = make();
  list.forEach(() => kill());
  use(v);
}
function later(p: Promise<void>, port: { onmessage: ((e: unknown) => void) | null }) {
  const v = make();
  p.then(() => use(v));
  setTimeout(() => use(v), 0);
  port.onmessage = () => use(v);
  kill();
}
function beforeOnly(p: Promise<void>) {
  const v = make();
  kill();
  const w = make();
  p.then(() => use(w));
  return v;
}`);
    expect(reports).toEqual(['5:v', '9:v', '10:v', '11:v', '19:v']);
  });

  it('takes a re-checked cache as live where the check says so', () => {
    const { reports } = interpret(`
function f() {
  let cached = make();
  kill();
  if (cached === null || cached.byteLength === 0) cached = make();
  use(cached);
  let other = make();
  kill();
  if (other.buffer !== make().buffer) other = make();
  use(other);
  let third = make();
  kill();
  use(third.byteLength * 2);
}`);
    expect(reports).toEqual(['13:third']);
  });
});
