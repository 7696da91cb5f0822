/**
 * Generations at the type level. Every call that may invalidate raw views (`grow`, `resize`,
 * `free`) returns the owner typed with the next generation, so a function that asks for an owner
 * and a pointer of one generation can refuse a pointer taken before the call.
 *
 * What the type level cannot catch: a binding keeps its type after a call. After
 * `const grown = mem.resize(n)`, `mem` is still `Memory<0>` and a pointer taken before is still
 * `RawPtr<0>`; used together they fit any signature, although the pointer is stale. Neither can
 * the types see growth that happens inside a wasm export, or know that a growing resize leaves
 * raw views valid. Those cases are covered at run time (the pointer's accessors throw
 * StalePointerError) and statically by the `memsafe/no-stale-view` lint rule.
 */
import { describe, expectTypeOf, test } from 'vitest';
import { Memory, RawPtr, View, type NextGeneration } from '../../src/index.js';

describe('NextGeneration', () => {
  test('counts 0 → 1 → … → 32, then saturates to number', () => {
    expectTypeOf<NextGeneration<0>>().toEqualTypeOf<1>();
    expectTypeOf<NextGeneration<1>>().toEqualTypeOf<2>();
    expectTypeOf<NextGeneration<15>>().toEqualTypeOf<16>();
    expectTypeOf<NextGeneration<31>>().toEqualTypeOf<32>();
    expectTypeOf<NextGeneration<32>>().toEqualTypeOf<number>();
    expectTypeOf<NextGeneration<1000>>().toEqualTypeOf<number>();
    expectTypeOf<NextGeneration<number>>().toEqualTypeOf<number>();
  });

  test('distributes over a union of generations', () => {
    expectTypeOf<NextGeneration<0 | 1>>().toEqualTypeOf<1 | 2>();
  });
});

describe('owners', () => {
  test('Memory.alloc() starts at generation 0', () => {
    expectTypeOf(Memory.alloc(8)).toEqualTypeOf<Memory<0>>();
  });

  test('grow, resize and free step the generation', () => {
    const wasm = Memory.fromWasm(new WebAssembly.Memory({ initial: 1, maximum: 4 }));
    expectTypeOf(wasm.grow(1)).toEqualTypeOf<Memory<1>>();
    expectTypeOf(wasm.grow(1).grow(1)).toEqualTypeOf<Memory<2>>();

    const resizable = Memory.resizable(64, 128);
    expectTypeOf(resizable.resize(128)).toEqualTypeOf<Memory<1>>();
    expectTypeOf(resizable.free()).toEqualTypeOf<Memory<1>>();
    expectTypeOf(resizable.resize(128).resize(32).free()).toEqualTypeOf<Memory<3>>();
  });

  test('saturates to number past 32, and number stays number', () => {
    const at31 = Memory.alloc(8) as unknown as Memory<31>;
    expectTypeOf(at31.free()).toEqualTypeOf<Memory<32>>();
    expectTypeOf(at31.free().free()).toEqualTypeOf<Memory<number>>();
    expectTypeOf(at31.free().free().resize(8)).toEqualTypeOf<Memory<number>>();
  });

  test('transfer returns a new owner at generation 0', () => {
    expectTypeOf(Memory.alloc(8).resize(8).transfer()).toEqualTypeOf<Memory<0>>();
  });

  test('an owner of one generation is not an owner of another', () => {
    const grown = Memory.resizable(64, 128).resize(128);
    // @ts-expect-error -- generation: Memory<1> is not Memory<0> ('1' is not assignable to '0')
    const before: Memory<0> = grown;
    const any: Memory = grown;
    void [before, any];
  });
});

describe('views and pointers carry the generation', () => {
  const mem = Memory.resizable(64, 128);
  const view = mem.view('f64', { shape: [4] });

  test('view(), memory and raw()', () => {
    expectTypeOf(view).toEqualTypeOf<View<'f64', 'C', 0>>();
    expectTypeOf(view.memory).toEqualTypeOf<Memory<0>>();
    expectTypeOf(view.raw()).toEqualTypeOf<RawPtr<0, 'f64'>>();
    expectTypeOf(view.slice('::2').T.raw()).toEqualTypeOf<RawPtr<0, 'f64'>>();
    expectTypeOf(
      mem
        .resize(128)
        .view('i64', { shape: [2] })
        .raw(),
    ).toEqualTypeOf<RawPtr<1, 'i64'>>();
    expectTypeOf<View<'u8', 'C', 7>['raw']>().returns.toEqualTypeOf<RawPtr<7, 'u8'>>();
  });

  test('a raw pointer of one generation is not one of another', () => {
    const stale = view.raw();
    // @ts-expect-error -- generation: RawPtr<0, "f64"> is not RawPtr<1, "f64"> ('0' is not assignable to '1')
    const fresh: RawPtr<1, 'f64'> = stale;
    void fresh;
  });
});

describe('a function that asks for an owner and a pointer of one generation', () => {
  function sameGeneration<G extends number>(mem: Memory<G>, ptr: RawPtr<G>): void {
    void [mem, ptr];
  }
  /** The same, with G inferred from the owner alone. */
  function sameGenerationAsOwner<G extends number>(mem: Memory<G>, ptr: RawPtr<NoInfer<G>>): void {
    void [mem, ptr];
  }

  const mem = Memory.resizable(64, 128);
  const view = mem.view('f64', { shape: [4] });
  const stale = view.raw(); // RawPtr<0, 'f64'>
  const grown = mem.resize(128); // Memory<1>
  const fresh = grown.view('f64', { shape: [4] }).raw(); // RawPtr<1, 'f64'>

  test('accepts a fresh pointer from the grown owner', () => {
    sameGeneration(grown, fresh);
    sameGeneration(mem, stale);
    sameGenerationAsOwner(grown, fresh);
    sameGeneration<1>(grown, fresh);
  });

  test('rejects a pointer taken before `const grown = mem.resize(…)` when G is fixed by the owner', () => {
    // @ts-expect-error -- generation: RawPtr<0, "f64"> is not RawPtr<1> (G = 1 given explicitly)
    sameGeneration<1>(grown, stale);
    // @ts-expect-error -- generation: RawPtr<0, "f64"> is not RawPtr<1> (G inferred from the owner only)
    sameGenerationAsOwner(grown, stale);
    // @ts-expect-error -- generation: RawPtr<1, "f64"> is not RawPtr<0> (a pointer from the future)
    sameGenerationAsOwner(mem, fresh);
  });

  test('without NoInfer, both arguments infer G and G = 0 | 1 fits both: why the docs say NoInfer', () => {
    // Inference unions the literal candidates 1 (from mem) and 0 (from ptr), so the stale pointer
    // compiles; RawPtr's documentation recommends `RawPtr<NoInfer<G>>` for this reason.
    sameGeneration(grown, stale);
    expectTypeOf(sameGeneration<0 | 1>).toBeCallableWith(grown, stale);
  });

  test('the `generation` getters are run-time numbers, not the type-level count', () => {
    // At run time a growing resize (or a shared grow) leaves the generation at 0, a second free()
    // does nothing, and growth inside a wasm export moves it without any typed call.
    expectTypeOf(grown.generation).toEqualTypeOf<number>();
    expectTypeOf(fresh.generation).toEqualTypeOf<number>();
    expectTypeOf(mem.free().free().generation).toEqualTypeOf<number>();
  });
});
