import { describe, expect, it } from 'vitest';
import { Memory, MemsafeError, type View } from '../src/index.js';
import { collect } from './support/collect.js';

// A seeded run of random operations against a shadow model of every owner's bytes: owners of
// each kind, views cut from them at random, reads, writes, and in between the events that
// invalidate (free, a detach by other code, transfer, a shrink, wasm growth, collection). Each
// operation must give the model's answer or throw a named MemsafeError where the model says the
// access is no longer possible; after each write every owner's bytes must equal the model's, so a
// write that left its element, or landed in another owner's heap block, shows at once.
//
//   MEMSAFE_FUZZ_SEED=123 MEMSAFE_FUZZ_OPS=20000 npx vitest run --project runtime test/fuzz.test.ts

const SEED = Number(process.env.MEMSAFE_FUZZ_SEED ?? Date.now() % 2 ** 31);
const OPERATIONS = Number(process.env.MEMSAFE_FUZZ_OPS ?? 5000);
const MAX_OWNERS = 6;
/** Collections are slow (each forces a full GC): a few per run. */
const COLLECTIONS = 3;

/** mulberry32: small, fast, and the same sequence on every engine for a seed. */
function random(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return n => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
  };
}

type Kind = 'js' | 'wasm-heap' | 'resizable' | 'wasm-memory';

interface Owner {
  memory: Memory;
  readonly kind: Kind;
  /** What the owner's bytes must be, while it is live. */
  shadow: Uint8Array;
  live: boolean;
  /** A wasm heap block may be dropped and collected; its handed-out array is kept to write through. */
  handedOut?: Uint8Array;
}

interface Tracked {
  readonly view: View<'u8' | 'f64'>;
  readonly owner: Owner;
}

/** The byte positions of element `index` of `view`, in its owner. */
function bytesOf(view: View<'u8' | 'f64'>, index: readonly number[]): number {
  let element = view.offset;
  index.forEach((i, axis) => (element += i * view.strides[axis]!));
  return element * view.itemsize;
}

/** The first byte where an owner's memory and its model differ, or -1. */
function firstDifference(owner: Owner): number {
  const actual = owner.memory.view('u8', { shape: [owner.memory.byteLength] }).asTypedArray();
  if (actual.length !== owner.shadow.length) return Math.min(actual.length, owner.shadow.length);
  for (let i = 0; i < actual.length; i++) if (actual[i] !== owner.shadow[i]) return i;
  return -1;
}

/** The whole view fits the owner's bytes as they are now. */
function fits(tracked: Tracked): boolean {
  const { view, owner } = tracked;
  if (!owner.live) return false;
  if (view.size === 0) return true;
  let low = view.offset;
  let high = view.offset;
  view.shape.forEach((dim, axis) => {
    const reach = (dim - 1) * view.strides[axis]!;
    if (reach < 0) low += reach;
    else high += reach;
  });
  return low >= 0 && (high + 1) * view.itemsize <= owner.shadow.length;
}

/** Runs `operation`; where the model says it is impossible, it must throw a named error instead. */
function expectOutcome<T>(possible: boolean, operation: () => T, where: string): T | undefined {
  if (possible) return operation();
  let thrown: unknown;
  try {
    operation();
  } catch (error) {
    thrown = error;
  }
  expect(
    thrown,
    `${where}: expected a named MemsafeError, got ${thrown === undefined ? 'an answer' : thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : typeof thrown}`,
  ).toBeInstanceOf(MemsafeError);
  return undefined;
}

describe(`seeded fuzz against a shadow model (seed ${SEED}, ${OPERATIONS} operations)`, () => {
  // The work is fixed (the operation count), not the time: a run takes under a second quiet.
  it("gives the model's answer or a named error, and no write leaves its element", async () => {
    console.log(`fuzz seed: ${SEED} (MEMSAFE_FUZZ_SEED=${SEED} reruns it)`);
    const next = random(SEED);
    const owners: Owner[] = [];
    const views: Tracked[] = [];
    const counts = new Map<string, number>();
    let collections = 0;

    const newOwner = (): void => {
      const kind = (['js', 'wasm-heap', 'resizable', 'wasm-memory'] as const)[next(4)]!;
      const length = 8 * (1 + next(16));
      let memory: Memory;
      if (kind === 'js') memory = Memory.alloc(length, { placement: 'js' });
      else if (kind === 'wasm-heap') memory = Memory.alloc(length, { placement: 'wasm' });
      else if (kind === 'resizable') memory = Memory.resizable(length, 256);
      else memory = Memory.fromWasm(new WebAssembly.Memory({ initial: 1, maximum: 3 }));
      owners.push({ memory, kind, shadow: new Uint8Array(memory.byteLength), live: true });
    };

    const newView = (owner: Owner): void => {
      const f64 = next(2) === 0 && owner.shadow.length >= 8;
      const length = Math.floor(Math.min(owner.shadow.length, 128) / (f64 ? 8 : 1));
      const base = expectOutcome(
        owner.live,
        () => owner.memory.view(f64 ? 'f64' : 'u8', { shape: [length] }),
        'a view of the whole owner',
      );
      if (base === undefined) return;
      const cuts = [':', '::-1', '1:', ':-1', '::2', '1::3', '::-2', '2:5'];
      let view: View<'u8' | 'f64'> = base;
      const half = Math.floor(length / 2);
      if (half >= 2 && next(3) === 0)
        view = view
          .slice(`:${2 * half}`)
          .reshape([2, half])
          .slice(`${cuts[next(cuts.length)]}, ${cuts[next(cuts.length)]}`);
      else view = view.slice(cuts[next(cuts.length)]!);
      views.push({ view, owner });
    };

    const checkOwners = (where: string): void => {
      for (const owner of owners) {
        if (owner.live)
          expect(
            firstDifference(owner),
            `${where}: the first byte of a ${owner.kind} owner that differs from the model`,
          ).toBe(-1);
      }
    };

    for (let step = 0; step < OPERATIONS; step++) {
      const live = owners.filter(owner => owner.live);
      if (live.length < 2 || (live.length < MAX_OWNERS && next(20) === 0)) {
        newOwner();
        continue;
      }
      const op = next(100);
      const tracked = views.length === 0 ? undefined : views[next(views.length)]!;
      const owner = live[next(live.length)]!;
      const where = `seed ${SEED}, step ${step}`;
      const count = (name: string): void => void counts.set(name, (counts.get(name) ?? 0) + 1);
      if (op < 10 || tracked === undefined) {
        newView(owner);
        count('view');
      } else if (op < 45) {
        // Read one element, or the whole view.
        const { view } = tracked;
        if (view.size === 0) continue;
        const index = view.shape.map(dim => next(dim));
        const value = expectOutcome(fits(tracked), () => view.get(...index), `${where}: read`);
        if (value !== undefined) {
          const at = bytesOf(view, index);
          const expected =
            view.dtype === 'u8'
              ? tracked.owner.shadow[at]
              : new DataView(tracked.owner.shadow.buffer).getFloat64(at, true);
          expect(value, `${where}: read ${view.dtype}[${index.join(', ')}]`).toBe(expected);
        }
        count('read');
      } else if (op < 80) {
        const { view } = tracked;
        if (view.size === 0) continue;
        const index = view.shape.map(dim => next(dim));
        const value = view.dtype === 'u8' ? next(256) : next(1_000_000) - 500_000;
        const wrote = expectOutcome(
          fits(tracked),
          () => {
            view.set(value, ...index);
            return true;
          },
          `${where}: write`,
        );
        if (wrote === true) {
          const at = bytesOf(view, index);
          if (view.dtype === 'u8') tracked.owner.shadow[at] = value;
          else new DataView(tracked.owner.shadow.buffer).setFloat64(at, value, true);
          checkOwners(`${where}: after a write`);
        }
        count('write');
      } else if (op < 84) {
        owner.memory.free();
        owner.live = false;
        count('free');
      } else if (op < 88 && (owner.kind === 'js' || owner.kind === 'resizable')) {
        // Detached by other code: the owner must notice on its own.
        const buffer = owner.memory.view('u8', { shape: [0] }).raw().array.buffer as ArrayBuffer;
        structuredClone(buffer, { transfer: [buffer] });
        owner.live = false;
        count('detach');
      } else if (op < 92 && (owner.kind === 'js' || owner.kind === 'resizable')) {
        const moved = owner.memory.transfer();
        owner.live = false;
        owners.push({ memory: moved, kind: owner.kind, shadow: owner.shadow.slice(), live: true });
        checkOwners(`${where}: after a transfer`);
        count('transfer');
      } else if (op < 96 && owner.kind === 'resizable') {
        const length = 8 * next(33);
        owner.memory.resize(length);
        const shadow = new Uint8Array(length);
        shadow.set(owner.shadow.subarray(0, Math.min(length, owner.shadow.length)));
        owner.shadow = shadow;
        checkOwners(`${where}: after a resize`);
        count('resize');
      } else if (op < 98 && owner.kind === 'wasm-memory') {
        const pages = next(2);
        const before = owner.memory.byteLength;
        const grown = expectOutcome(
          before + pages * 65536 <= 3 * 65536,
          () => owner.memory.grow(pages),
          `${where}: grow`,
        );
        if (grown !== undefined) {
          const shadow = new Uint8Array(before + pages * 65536);
          shadow.set(owner.shadow);
          owner.shadow = shadow;
          checkOwners(`${where}: after growth`);
        }
        count('grow');
      } else if (collections < COLLECTIONS && owner.kind === 'wasm-heap') {
        // Drop the owner but keep an array handed out over its block, collect, and write through
        // the array: nothing else may change.
        owner.handedOut = owner.memory.view('u8', { shape: [owner.shadow.length] }).asTypedArray();
        const array = owner.handedOut;
        owner.live = false;
        owner.memory = undefined as unknown as Memory;
        for (let i = views.length - 1; i >= 0; i--) if (views[i]!.owner === owner) views.splice(i, 1);
        owners.splice(owners.indexOf(owner), 1);
        collections++;
        await collect(2);
        newOwner();
        array.fill(0xa5);
        checkOwners(`${where}: after a collection and a write through a kept array`);
        count('collect');
      }
    }
    checkOwners(`seed ${SEED}: at the end`);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    console.log(`fuzz: ${total} operations (${[...counts].map(([name, n]) => `${name} ${n}`).join(', ')})`);
    expect(total).toBeGreaterThan(OPERATIONS * 0.8);
    for (const name of ['view', 'read', 'write', 'free', 'detach', 'transfer', 'resize', 'grow'])
      expect(counts.get(name), name).toBeGreaterThan(0);
  });
});
