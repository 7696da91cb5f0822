/**
 * The lowest and highest element index a view touches, relative to the start of its memory.
 * Only meaningful for a non-empty view: an empty one touches nothing.
 */
export function extent(
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
): { min: number; max: number } {
  let min = offset;
  let max = offset;
  for (let i = 0; i < shape.length; i++) {
    const reach = (shape[i]! - 1) * strides[i]!;
    if (reach < 0) min += reach;
    else max += reach;
  }
  return { min, max };
}
