import type { SeededRandom } from './seeded-random.js';
import type { BaseLayout, ViewOp } from './view-case.js';

const MAX_BASE_NDIM = 4;
const MAX_AXIS_LENGTH = 6;

const product = (dims: readonly number[]): number => dims.reduce((n, dim) => n * dim, 1);

/** A C-contiguous base of 0–4 axes of length 0–6, so that two axes in seven have length 0 or 1. */
export function randomBase(random: SeededRandom): BaseLayout {
  const shape = Array.from({ length: random.int(0, MAX_BASE_NDIM) }, () => random.int(0, MAX_AXIS_LENGTH));
  return { memory: product(shape), shape, via: random.chance(0.5) ? 'fromValues' : 'Memory.alloc' };
}

/**
 * The next operation of a chain over a view of `shape`. Operations are drawn from the current shape
 * so that indices and reshapes are mostly meaningful; the shape comes from the runtime, and if it were
 * wrong the comparison of the step that made it has already failed and ended the chain.
 */
export function randomOp(random: SeededRandom, shape: readonly number[]): ViewOp {
  const roll = random.next();
  if (roll < 0.45) return { op: 'slice', spec: randomIndexSpec(random, shape) };
  if (roll < 0.75) return { op: 'reshape', shape: randomReshape(random, shape) };
  if (roll < 0.9) return { op: 'transpose', axes: random.chance(0.3) ? null : randomPermutation(random, shape.length) };
  return { op: 'T' };
}

/** Every axis once, some written as negative axes (which NumPy accepts). */
function randomPermutation(random: SeededRandom, ndim: number): number[] {
  return random
    .shuffle(Array.from({ length: ndim }, (_, axis) => axis))
    .map(axis => (random.chance(0.2) ? axis - ndim : axis));
}

type SpecItem = { readonly kind: 'axis' } | { readonly kind: 'ellipsis' } | { readonly kind: 'newaxis' };

/**
 * NumPy basic-indexing text: integers (some out of range, some negative), `start:stop:step` with
 * parts omitted, bounds past the ends that Python clamps, negative steps, `...` and `None`, and
 * now and then too many indices or a second `...`.
 */
export function randomIndexSpec(random: SeededRandom, shape: readonly number[]): string {
  const ndim = shape.length;
  const axisItems = random.chance(0.08) ? ndim + random.int(1, 2) : random.int(0, ndim);
  const items: SpecItem[] = Array.from({ length: axisItems }, () => ({ kind: 'axis' }));
  const insert = (item: SpecItem): void => void items.splice(random.int(0, items.length), 0, item);
  if (random.chance(0.3)) insert({ kind: 'ellipsis' });
  if (random.chance(0.02)) insert({ kind: 'ellipsis' });
  for (let n = random.chance(0.25) ? random.int(1, 2) : 0; n > 0; n--) insert({ kind: 'newaxis' });

  // The axis each item indexes: items after `...` count from the last axis.
  const ellipsisAt = items.findIndex(item => item.kind === 'ellipsis');
  const texts: string[] = [];
  let before = 0;
  let after =
    axisItems -
    items.slice(0, ellipsisAt === -1 ? items.length : ellipsisAt).filter(item => item.kind === 'axis').length;
  for (const [position, item] of items.entries()) {
    if (item.kind === 'ellipsis') texts.push('...');
    else if (item.kind === 'newaxis') texts.push('None');
    else {
      const axis = ellipsisAt !== -1 && position > ellipsisAt ? ndim - after-- : before++;
      const length = shape[axis] ?? random.int(0, MAX_AXIS_LENGTH);
      texts.push(random.chance(0.35) ? randomInteger(random, length) : randomSlice(random, length));
    }
  }
  const separator = random.pick([', ', ',', ' , ']);
  // Python allows one trailing comma (`a[1,]` is `a[1]`); the runtime must too.
  const trailing = texts.length > 0 && random.chance(0.05) ? ',' : '';
  return texts.join(separator) + trailing;
}

function randomInteger(random: SeededRandom, length: number): string {
  const index = random.chance(0.15)
    ? random.pick([length, length + 1, -length - 1, -length - 2])
    : random.int(-length, length - 1);
  return String(index);
}

function randomSlice(random: SeededRandom, length: number): string {
  const bound = (): string => (random.chance(0.4) ? '' : String(random.int(-length - 3, length + 3)));
  const start = bound();
  const stop = bound();
  const step = random.chance(0.4) ? '' : String(random.pick([1, 2, 3, -1, -1, -2, -3, 7, -7]));
  if (step === '' && random.chance(0.5)) return `${start}:${stop}`;
  return `${start}:${stop}:${step}`;
}

/**
 * A new shape for a view of `shape`: usually one that keeps its size (merging or splitting adjacent
 * axes, which a strided view can often do without a copy, or any factorisation of the size), sometimes
 * with one `-1`, and sometimes one of the wrong size.
 */
export function randomReshape(random: SeededRandom, shape: readonly number[]): number[] {
  const size = product(shape);
  const roll = random.next();
  let target: number[];
  if (roll < 0.06) target = wrongSize(random, size);
  else if (roll < 0.45) target = regroupAxes(random, shape);
  else target = randomFactorisation(random, size);
  if (target.length > 0 && random.chance(0.25)) target[random.int(0, target.length - 1)] = -1;
  return target;
}

/** Adjacent axes merged, one axis split in two, or a length-1 axis added or dropped. */
function regroupAxes(random: SeededRandom, shape: readonly number[]): number[] {
  const dims = [...shape];
  const choice = random.int(0, 3);
  if (choice === 0 && dims.length >= 2) {
    const start = random.int(0, dims.length - 2);
    const end = random.int(start + 2, dims.length);
    dims.splice(start, end - start, product(dims.slice(start, end)));
  } else if (choice === 1 && dims.length >= 1) {
    const axis = random.int(0, dims.length - 1);
    const dim = dims[axis]!;
    const first = random.pick(divisors(dim));
    // A 0-length axis splits into a 0 and any length; the 0 may come first or second.
    dims.splice(axis, 1, first, dim === 0 ? (first === 0 ? random.int(0, 3) : 0) : dim / first);
  } else if (choice === 2) {
    dims.splice(random.int(0, dims.length), 0, 1);
  } else {
    const ones = dims.flatMap((dim, axis) => (dim === 1 ? [axis] : []));
    if (ones.length > 0) dims.splice(random.pick(ones), 1);
    else dims.reverse();
  }
  return dims;
}

/** 0–4 axes whose product is `size` (a size-0 target has at least one 0 axis). */
function randomFactorisation(random: SeededRandom, size: number): number[] {
  const ndim = random.int(size === 1 ? 0 : 1, 4);
  if (size === 0) {
    const dims = Array.from({ length: ndim }, () => random.int(0, 4));
    dims[random.int(0, ndim - 1)] = 0;
    return dims;
  }
  const dims: number[] = [];
  let rest = size;
  for (let axis = 1; axis < ndim; axis++) {
    const dim = random.pick(divisors(rest));
    dims.push(dim);
    rest /= dim;
  }
  if (ndim > 0) dims.push(rest);
  return random.shuffle(dims);
}

function wrongSize(random: SeededRandom, size: number): number[] {
  return randomFactorisation(random, size + random.int(1, 3));
}

/** The divisors of n; for 0, small lengths (0 divides into any axis lengths). */
function divisors(n: number): number[] {
  if (n === 0) return [0, 1, 2, 3];
  const out: number[] = [];
  for (let d = 1; d <= n; d++) if (n % d === 0) out.push(d);
  return out;
}
