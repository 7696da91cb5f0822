// Reads a dump of doubles: a 12-byte header (magic, version, count), then the samples.
import { checkContiguous, type View } from '@memsafe/runtime';

const HEADER_BYTES = 12;

/** Bug: 12 is not a multiple of 8, so this throws a RangeError on every file. */
export function samples(file: ArrayBuffer): Float64Array {
  const count = new DataView(file).getUint32(8, true);
  return new Float64Array(file, HEADER_BYTES, count);
}

/** Correct: copies the samples out to an aligned buffer. */
export function samplesFixed(file: ArrayBuffer): Float64Array {
  const count = new DataView(file).getUint32(8, true);
  return new Float64Array(file.slice(HEADER_BYTES, HEADER_BYTES + count * 8));
}

function sumLinear(values: Float64Array): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Bug: the first six columns of a 6×8 block are not contiguous; the raw storage holds all eight. */
export function leftBlockTotal(block: View<'f64'>): number {
  const left = block.slice(':, :6');
  return sumLinear(left.raw().array);
}

/** Correct: throws NonContiguousError instead of summing the wrong elements. */
export function totalFixed(block: View<'f64'>): number {
  return sumLinear(checkContiguous(block).raw().array);
}
