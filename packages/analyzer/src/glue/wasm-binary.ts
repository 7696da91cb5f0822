/**
 * Reads a WebAssembly binary far enough to tell which exported functions can never grow its
 * memory: those from which no `memory.grow`, no call of an import (JavaScript may grow the memory,
 * as Emscripten's `emscripten_resize_heap` does) and no indirect call is reachable. Whatever the
 * reader cannot decode counts as "may grow", so a strange or newer binary only makes it say less.
 */

class Truncated extends Error {}

class Reader {
  pos: number;
  readonly end: number;
  readonly #bytes: Uint8Array;

  constructor(bytes: Uint8Array, pos = 0, end = bytes.length) {
    this.#bytes = bytes;
    this.pos = pos;
    this.end = end;
  }

  byte(): number {
    if (this.pos >= this.end) throw new Truncated();
    return this.#bytes[this.pos++]!;
  }

  /** A reader over `length` bytes from here, which this one then skips. */
  part(length: number): Reader {
    const part = new Reader(this.#bytes, this.pos, this.pos + length);
    this.skip(length);
    return part;
  }

  peek(): number {
    if (this.pos >= this.end) throw new Truncated();
    return this.#bytes[this.pos]!;
  }

  /** An unsigned LEB128 of at most 32 bits. */
  u32(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const byte = this.byte();
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
    }
    throw new Truncated();
  }

  /** Any LEB128 (signed or not, up to 64 bits) whose value does not matter here. */
  skipLeb(): void {
    for (let i = 0; i < 10; i++) if ((this.byte() & 0x80) === 0) return;
    throw new Truncated();
  }

  skip(count: number): void {
    if (this.pos + count > this.end) throw new Truncated();
    this.pos += count;
  }

  name(): string {
    const length = this.u32();
    const start = this.pos;
    this.skip(length);
    return new TextDecoder().decode(this.#bytes.subarray(start, start + length));
  }

  /** A value type, including the GC proposal's `(ref null? ht)`. */
  skipValueType(): void {
    const code = this.byte();
    if (code === 0x63 || code === 0x64) this.skipLeb();
  }

  /** A block type: empty, one value type, or a type index. */
  skipBlockType(): void {
    const code = this.peek();
    if (code === 0x63 || code === 0x64) this.skipValueType();
    else this.skipLeb();
  }

  skipMemarg(): void {
    const align = this.u32();
    if (align & 0x40) this.skipLeb();
    this.skipLeb();
  }

  skipLimits(): void {
    const flags = this.byte();
    this.skipLeb();
    if (flags & 1) this.skipLeb();
  }
}

/** What one function body does: the functions it calls, and whether it may grow by itself. */
interface Body {
  readonly calls: number[];
  opaque: boolean;
}

/**
 * The names of the exported functions of `bytes` that can never grow the memory. Empty when the
 * binary is not a module this reader understands.
 */
export function exportsThatCannotGrow(bytes: Uint8Array): ReadonlySet<string> {
  try {
    return readModule(bytes);
  } catch (error) {
    if (error instanceof Truncated) return new Set();
    throw error;
  }
}

function readModule(bytes: Uint8Array): ReadonlySet<string> {
  const reader = new Reader(bytes);
  const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  if (!header.every(expected => reader.byte() === expected)) return new Set();
  let importedFunctions = 0;
  const exported = new Map<string, number>();
  const bodies: Body[] = [];
  while (reader.pos < reader.end) {
    const id = reader.byte();
    const section = reader.part(reader.u32());
    if (id === 2) importedFunctions = countImportedFunctions(section);
    else if (id === 7) readExports(section, exported);
    else if (id === 10) readCode(section, bodies);
  }
  const mayGrow = functionsThatMayGrow(importedFunctions, bodies);
  const result = new Set<string>();
  const defined = (index: number): boolean => index >= importedFunctions && index < importedFunctions + bodies.length;
  for (const [name, index] of exported) if (defined(index) && !mayGrow.has(index)) result.add(name);
  return result;
}

function countImportedFunctions(section: Reader): number {
  let functions = 0;
  for (let count = section.u32(); count > 0; count--) {
    section.name();
    section.name();
    const kind = section.byte();
    if (kind === 0) {
      section.skipLeb();
      functions++;
    } else if (kind === 1) {
      section.skipValueType();
      section.skipLimits();
    } else if (kind === 2) {
      section.skipLimits();
    } else if (kind === 3) {
      section.skipValueType();
      section.byte();
    } else if (kind === 4) {
      section.byte();
      section.skipLeb();
    } else {
      throw new Truncated();
    }
  }
  return functions;
}

function readExports(section: Reader, exported: Map<string, number>): void {
  for (let count = section.u32(); count > 0; count--) {
    const name = section.name();
    const kind = section.byte();
    const index = section.u32();
    if (kind === 0) exported.set(name, index);
  }
}

function readCode(section: Reader, bodies: Body[]): void {
  for (let count = section.u32(); count > 0; count--) bodies.push(readBody(section.part(section.u32())));
}

function readBody(body: Reader): Body {
  const result: Body = { calls: [], opaque: false };
  try {
    for (let groups = body.u32(); groups > 0; groups--) {
      body.skipLeb();
      body.skipValueType();
    }
    while (body.pos < body.end && !result.opaque) readInstruction(body, result);
  } catch (error) {
    if (!(error instanceof Truncated)) throw error;
    result.opaque = true;
  }
  return result;
}

/** Reads one instruction; marks the body opaque at one that may grow, or that the reader does not know. */
function readInstruction(body: Reader, result: Body): void {
  const op = body.byte();
  if (op === 0x40) {
    result.opaque = true; // memory.grow
  } else if (op === 0x10 || op === 0x12) {
    result.calls.push(body.u32()); // call, return_call
  } else if (op === 0x11 || op === 0x13 || op === 0x14 || op === 0x15) {
    result.opaque = true; // call_indirect, return_call_indirect, call_ref, return_call_ref
  } else if (NO_IMMEDIATE.has(op)) {
    // nothing to skip
  } else if (op === 0x02 || op === 0x03 || op === 0x04 || op === 0x06) {
    body.skipBlockType();
  } else if (ONE_INDEX.has(op)) {
    body.skipLeb();
  } else if (op === 0x0e) {
    for (let labels = body.u32() + 1; labels > 0; labels--) body.skipLeb();
  } else if (op === 0x1c) {
    for (let types = body.u32(); types > 0; types--) body.skipValueType();
  } else if (op === 0x1f) {
    readTryTable(body);
  } else if (op >= 0x28 && op <= 0x3e) {
    body.skipMemarg();
  } else if (op === 0x43) {
    body.skip(4);
  } else if (op === 0x44) {
    body.skip(8);
  } else if (op === 0xfc) {
    readMiscPrefixed(body, result);
  } else if (op === 0xfd) {
    readSimd(body);
  } else if (op === 0xfe) {
    readAtomic(body);
  } else {
    result.opaque = true; // the GC prefix (0xfb) and anything newer
  }
}

/** unreachable, nop, else, end, throw_ref, return, drop, select, the numeric operators, and the reference tests. */
const NO_IMMEDIATE: ReadonlySet<number> = new Set([
  0x00,
  0x01,
  0x05,
  0x0a,
  0x0b,
  0x0f,
  0x19,
  0x1a,
  0x1b,
  0xd1,
  0xd3,
  0xd4,
  ...range(0x45, 0xc4),
]);

/** Instructions with one index or integer immediate (labels, locals, globals, tables, tags, constants, memory.size, ref.null, ref.func). */
const ONE_INDEX: ReadonlySet<number> = new Set([
  0x07, 0x08, 0x09, 0x0c, 0x0d, 0x18, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x3f, 0x41, 0x42, 0xd0, 0xd2, 0xd5,
  0xd6,
]);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function readTryTable(body: Reader): void {
  body.skipBlockType();
  for (let clauses = body.u32(); clauses > 0; clauses--) {
    const kind = body.byte();
    if (kind === 0 || kind === 1) body.skipLeb();
    body.skipLeb();
  }
}

/** How many index immediates each 0xfc instruction past the saturating truncations (0-7) has. */
const MISC_IMMEDIATES: Readonly<Record<number, number>> = {
  8: 2,
  9: 1,
  10: 2,
  11: 1,
  12: 2,
  13: 1,
  14: 2,
  15: 1,
  16: 1,
  17: 1,
};

/** The 0xfc prefix: saturating truncations, bulk memory and tables. */
function readMiscPrefixed(body: Reader, result: Body): void {
  const op = body.u32();
  if (op <= 7) return;
  const count = MISC_IMMEDIATES[op];
  if (count === undefined) {
    result.opaque = true;
    return;
  }
  for (let i = 0; i < count; i++) body.skipLeb();
}

/** The 0xfd prefix: SIMD, relaxed SIMD included. */
function readSimd(body: Reader): void {
  const op = body.u32();
  if (op <= 11 || op === 92 || op === 93) body.skipMemarg();
  else if (op === 12 || op === 13) body.skip(16);
  else if (op >= 21 && op <= 34) body.skip(1);
  else if (op >= 84 && op <= 91) {
    body.skipMemarg();
    body.skip(1);
  }
}

/** The 0xfe prefix: atomics, all with a memarg except `atomic.fence`. */
function readAtomic(body: Reader): void {
  const op = body.u32();
  if (op === 0x03) body.skip(1);
  else body.skipMemarg();
}

/**
 * Function indices (imports first) that may grow: the imports, the opaque bodies, and every
 * function that calls one of them, directly or not.
 */
function functionsThatMayGrow(importedFunctions: number, bodies: readonly Body[]): ReadonlySet<number> {
  const callers = new Map<number, number[]>();
  const mayGrow = new Set<number>();
  const pending: number[] = [];
  const mark = (index: number): void => {
    if (mayGrow.has(index)) return;
    mayGrow.add(index);
    pending.push(index);
  };
  for (let index = 0; index < importedFunctions; index++) mark(index);
  bodies.forEach((body, i) => {
    const index = importedFunctions + i;
    if (body.opaque) mark(index);
    for (const callee of body.calls) {
      if (callee >= importedFunctions + bodies.length) mark(index);
      else if (callers.has(callee)) callers.get(callee)!.push(index);
      else callers.set(callee, [index]);
    }
  });
  while (pending.length > 0) for (const caller of callers.get(pending.pop()!) ?? []) mark(caller);
  return mayGrow;
}
