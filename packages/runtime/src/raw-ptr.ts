import type { DType, DTypeInfo, Scalar, TypedArrayOf } from './dtype.js';
import { StalePointerError } from './errors.js';
import { directPosition, elementPosition } from './layout/index.js';
import { keepingAlive } from './keep-alive.js';
import type { Memory } from './memory.js';
import { generationCounter, memoryState, type GenerationCounter } from './memory-state.js';

declare const generationBrand: unique symbol;

/**
 * The unchecked fast path, memsafe's `&mv[0]`: a typed array with the offset and strides of a
 * view, for a hand-written loop. It records the owner's generation when taken; `array`, `get`
 * and `set` throw StalePointerError once the generation has moved (wasm growth, shrink, transfer,
 * free), where a kept typed array would silently read `undefined` or write nowhere.
 *
 * At the type level a pointer is `RawPtr<Gen>`: a function that needs the owner and a pointer of
 * the same generation can say so, taking the generation from the owner alone —
 * `<G extends number>(mem: Memory<G>, ptr: RawPtr<NoInfer<G>>)` — and a pointer taken before
 * `const grown = mem.resize(…)` will not fit `grown`. (Without `NoInfer`, TypeScript infers
 * `G = 0 | 1` from both arguments and accepts the stale pointer.) TypeScript cannot retype a binding
 * after a call, so a pointer used after a growth its type did not see is caught at run time here,
 * and statically by the `memsafe/no-stale-view` lint rule.
 */
export class RawPtr<Gen extends number = number, D extends DType = DType> {
  declare readonly [generationBrand]: Gen;

  /** The owner's generation when this pointer was taken (a run-time value; `Gen` is the type-level count). */
  readonly generation: number;
  readonly dtype: D;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
  readonly #owner: Memory<Gen>;
  readonly #array: TypedArrayOf<D>;
  readonly #info: DTypeInfo<D>;
  readonly #counter: GenerationCounter;
  // The first two axes again, for directPosition: element access without walking the shape.
  readonly #rank: number;
  readonly #length0: number;
  readonly #stride0: number;
  readonly #length1: number;
  readonly #stride1: number;

  private constructor(
    owner: Memory<Gen>,
    info: DTypeInfo<D>,
    array: TypedArrayOf<D>,
    generation: number,
    shape: readonly number[],
    strides: readonly number[],
    offset: number,
  ) {
    this.#owner = owner;
    this.#info = info;
    this.dtype = info.name;
    this.#array = array;
    this.generation = generation;
    this.shape = shape;
    this.strides = strides;
    this.offset = offset;
    this.#counter = generationCounter(owner);
    this.#rank = shape.length;
    this.#length0 = shape[0] ?? 0;
    this.#stride0 = strides[0] ?? 0;
    this.#length1 = shape[1] ?? 0;
    this.#stride1 = strides[1] ?? 0;
  }

  /** @internal */
  static over<G extends number, D extends DType>(
    owner: Memory<G>,
    info: DTypeInfo<D>,
    array: TypedArrayOf<D>,
    generation: number,
    shape: readonly number[],
    strides: readonly number[],
    offset: number,
  ): RawPtr<G, D> {
    return new RawPtr(owner, info, array, generation, shape, strides, offset);
  }

  /** True once the owner's generation has moved: the typed array may be detached or out of bounds. */
  get isStale(): boolean {
    return memoryState(this.#owner).generation !== this.generation;
  }

  /** The typed array over the owner's bytes; element `(i, j, …)` is at `offset + i*strides[0] + j*strides[1] + …`. */
  get array(): TypedArrayOf<D> {
    this.#check();
    return keepingAlive(this.#array, this.#owner);
  }

  /** The element at `index`, after checking the generation. */
  get(...index: number[]): Scalar<D> {
    this.#checkOnAccess();
    return this.#array[this.#position(index)] as Scalar<D>;
  }

  /** Stores `value` at `index`, after checking the generation and that the dtype holds `value` exactly. */
  set(value: Scalar<D>, ...index: number[]): void {
    this.#checkOnAccess();
    const checked = this.#info.check(value);
    (this.#array as unknown as Scalar<D>[])[this.#position(index)] = checked;
  }

  /**
   * The check on every element access. Growth or a shrink by other code detaches the array or
   * puts it out of bounds, so that it reads length 0; only then, or when memsafe has counted an
   * event, does the full check run.
   */
  #checkOnAccess(): void {
    if (this.#array.length === 0 || this.#counter.generation !== this.generation) this.#check();
  }

  #check(): void {
    const state = memoryState(this.#owner);
    if (state.generation !== this.generation) {
      throw new StalePointerError(
        `this raw pointer was taken at generation ${this.generation}, but its memory is at generation ${state.generation}: ${state.lastEvent}. ` +
          'Take a fresh pointer with view.raw() after any call that may grow, shrink, transfer or free the memory',
      );
    }
  }

  #position(index: readonly number[]): number {
    const direct = directPosition(
      index,
      this.#rank,
      this.offset,
      this.#length0,
      this.#stride0,
      this.#length1,
      this.#stride1,
    );
    return direct >= 0 ? direct : elementPosition('pointer', this.shape, this.strides, this.offset, index);
  }
}
