import { describe, expect, it } from 'vitest';
import { exportsThatCannotGrow } from '../../src/glue/wasm-binary.js';
import { assembleWat } from '../../../../tools/wat.mjs';

/** The binary of a module whose fields are `body`. */
const assemble = (body: string): Promise<Uint8Array> =>
  assembleWat(`(module ${body})`, 'test.wat', { exceptions: true, tail_call: true });

const cannotGrow = async (body: string): Promise<string[]> => [...exportsThatCannotGrow(await assemble(body))].sort();

describe('exportsThatCannotGrow', () => {
  it('separates the exports that reach memory.grow, directly or through calls, from those that do not', async () => {
    const body = `
      (memory (export "memory") 1)
      (func $grow (param i32) (result i32) (memory.grow (local.get 0)))
      (func $alloc (export "alloc") (param i32) (result i32) (call $grow (local.get 0)))
      (func $outer (export "outer") (param i32) (result i32) (call $alloc (local.get 0)))
      (func $sum (export "sum") (param i32 i32) (result i32) (i32.add (i32.load (local.get 0)) (local.get 1)))
      (func (export "sum_twice") (param i32 i32) (result i32) (i32.add (call $sum (local.get 0) (local.get 1)) (call $sum (local.get 0) (local.get 1))))`;
    expect(await cannotGrow(body)).toEqual(['sum', 'sum_twice']);
  });

  it('counts a call of an import, an indirect call and a re-exported import as growing', async () => {
    const body = `
      (import "env" "resize_heap" (func $resize (param i32) (result i32)))
      (type $unary (func (param i32) (result i32)))
      (table 1 funcref)
      (memory 1)
      (export "resize" (func $resize))
      (func (export "via_import") (param i32) (result i32) (call $resize (local.get 0)))
      (func (export "via_table") (param i32) (result i32) (call_indirect (type $unary) (local.get 0) (i32.const 0)))
      (func (export "tail_via_import") (param i32) (result i32) (return_call $resize (local.get 0)))
      (func (export "size") (result i32) (memory.size))`;
    expect(await cannotGrow(body)).toEqual(['size']);
  });

  it('follows recursion: a cycle grows only when some function on it does', async () => {
    const body = `
      (memory 1)
      (func $even (export "even") (param i32) (result i32) (if (result i32) (local.get 0) (then (call $odd (i32.sub (local.get 0) (i32.const 1)))) (else (i32.const 1))))
      (func $odd (param i32) (result i32) (if (result i32) (local.get 0) (then (call $even (i32.sub (local.get 0) (i32.const 1)))) (else (i32.const 0))))
      (func $ping (export "ping") (param i32) (result i32) (if (result i32) (local.get 0) (then (call $pong (local.get 0))) (else (memory.grow (i32.const 1)))))
      (func $pong (param i32) (result i32) (call $ping (i32.sub (local.get 0) (i32.const 1))))`;
    expect(await cannotGrow(body)).toEqual(['even']);
  });

  // A byte-wise search for memory.grow (0x40) would stop at each of these immediates.
  it('decodes immediates that hold the memory.grow byte without mistaking them for it', async () => {
    const body = `
      (memory 1)
      (func (export "immediates") (param i32) (result i32) (local i64) (local v128)
        (block $a (block $b (br_table $a $b $a (local.get 0))))
        (drop (f64.const 2.0))
        (drop (f32.const 2.0))
        (local.set 1 (i64.const 0x4040404040404040))
        (drop (i32.const 64))
        (local.set 2 (v128.const i8x16 64 64 64 64 64 64 64 64 64 64 64 64 64 64 64 64))
        (local.set 2 (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 (local.get 2) (local.get 2)))
        (drop (i8x16.extract_lane_u 15 (local.get 2)))
        (v128.store64_lane offset=64 1 (local.get 0) (local.get 2))
        (i64.store offset=64 (local.get 0) (local.get 1))
        (memory.fill (local.get 0) (i32.const 64) (i32.const 64))
        (memory.copy (local.get 0) (i32.const 64) (i32.const 64))
        (drop (i32.atomic.rmw.add offset=64 (local.get 0) (i32.const 64)))
        (atomic.fence)
        (select (i32.load offset=64 (local.get 0)) (i32.const 64) (local.get 0)))`;
    expect(await cannotGrow(body)).toEqual(['immediates']);
  });

  it('reads exception handling without losing its place', async () => {
    const body = `
      (memory 1)
      (tag $oops (param i32))
      (func (export "guarded") (param i32) (result i32)
        (try (result i32) (do (throw $oops (local.get 0))) (catch $oops) (catch_all (i32.const 64))))
      (func (export "grows_in_catch") (param i32) (result i32)
        (try (result i32) (do (throw $oops (local.get 0))) (catch $oops (memory.grow))))`;
    expect(await cannotGrow(body)).toEqual(['guarded']);
  });

  it('says nothing about a binary it cannot read, and never throws on one', async () => {
    const valid = await assemble(
      `(memory 1) (func (export "f") (param i32) (result i32) (i32.load offset=8 (local.get 0)))`,
    );
    expect([...exportsThatCannotGrow(valid)]).toEqual(['f']);
    expect([...exportsThatCannotGrow(new Uint8Array())]).toEqual([]);
    expect([...exportsThatCannotGrow(new TextEncoder().encode('(module)'))]).toEqual([]);
    // Every prefix of a module, and every single-byte corruption of it, is read without a throw.
    for (let length = 0; length < valid.length; length++) exportsThatCannotGrow(valid.subarray(0, length));
    for (let at = 8; at < valid.length; at++) {
      for (const byte of [0x00, 0x40, 0x7f, 0x80, 0xff]) {
        const corrupt = valid.slice();
        corrupt[at] = byte;
        expect(() => exportsThatCannotGrow(corrupt)).not.toThrow();
      }
    }
  });

  it('counts an instruction it does not know as growing', async () => {
    const valid = await assemble(`(memory 1) (func (export "f") (result i32) (i32.const 1))`);
    // The body of f is [locals 0, i32.const 1, end]: replace the constant with an unknown opcode.
    const at = valid.lastIndexOf(0x41);
    const unknown = valid.slice();
    unknown[at] = 0xfb; // the GC proposal's prefix, not read
    expect([...exportsThatCannotGrow(unknown)]).toEqual([]);
  });
});
