import { numel } from './shape2strides.js';

export interface Operand {
  readonly strides: readonly number[];
  readonly offset: number;
}

/** Length of the innermost axis: what one call of a row visitor covers (1 for a 0-d array). */
export function rowLength(shape: readonly number[]): number {
  return shape.length === 0 ? 1 : shape[shape.length - 1]!;
}

/** Stride of the innermost axis (0 for a 0-d array). */
export function rowStride(strides: readonly number[]): number {
  return strides.length === 0 ? 0 : strides[strides.length - 1]!;
}

/**
 * Walks `shape` in C order one innermost row at a time, calling `visit` with the start offset of
 * the row in each operand. Kernels run their 1-D loop per row, so the per-row bookkeeping is paid
 * once per row rather than once per element.
 */
export function forEachRow(
  shape: readonly number[],
  operands: readonly Operand[],
  visit: (offsets: readonly number[]) => void,
): void {
  if (numel(shape) === 0) return;
  const offsets = operands.map(operand => operand.offset);
  const outer = shape.length - 1;
  if (outer <= 0) {
    visit(offsets);
    return;
  }
  const counter = new Array<number>(outer).fill(0);
  for (;;) {
    visit(offsets);
    let axis = outer - 1;
    for (; axis >= 0; axis--) {
      counter[axis]!++;
      for (let k = 0; k < operands.length; k++) offsets[k]! += operands[k]!.strides[axis]!;
      if (counter[axis]! < shape[axis]!) break;
      for (let k = 0; k < operands.length; k++) offsets[k]! -= operands[k]!.strides[axis]! * shape[axis]!;
      counter[axis] = 0;
    }
    if (axis < 0) return;
  }
}

/**
 * The same elements with the axes reordered so that the first operand's strides shrink toward the
 * innermost axis: rows then run along the smallest stride, and a transposed or F-ordered operand
 * is walked in memory order. A stable sort, so a C-ordered first operand keeps its axes.
 */
export function inMemoryOrder(
  shape: readonly number[],
  operands: readonly Operand[],
): { shape: number[]; operands: Operand[] } {
  const lead = operands[0]!.strides;
  const axes = shape.map((_, axis) => axis).sort((a, b) => Math.abs(lead[b]!) - Math.abs(lead[a]!));
  return {
    shape: axes.map(axis => shape[axis]!),
    operands: operands.map(operand => ({ offset: operand.offset, strides: axes.map(axis => operand.strides[axis]!) })),
  };
}
