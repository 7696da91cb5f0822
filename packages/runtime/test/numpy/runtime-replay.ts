import {
  IndexError,
  Memory,
  OutOfBoundsError,
  ShapeError,
  WouldCopyError,
  fromValues,
  type View,
} from '../../src/index.js';
import type { BaseLayout, ErrorKind, Outcome, ViewCase, ViewOp } from './view-case.js';

/**
 * The runtime's base view for a case, over memory holding 0, 1, 2, ... Without explicit strides it
 * is built as `base.via` says (`fromValues` unless told otherwise).
 */
export function runtimeBase(base: BaseLayout): View<'f64'> {
  if (base.strides === undefined && base.via !== 'Memory.alloc') {
    return fromValues(
      'f64',
      Array.from({ length: base.memory }, (_, i) => i),
      base.shape,
    );
  }
  const memory = Memory.alloc(base.memory * 8);
  const elements = memory.view('f64', { shape: [base.memory] }).asTypedArray();
  elements.forEach((_, i) => (elements[i] = i));
  if (base.strides === undefined) return memory.view('f64', { shape: base.shape });
  return memory.view('f64', { shape: base.shape, strides: base.strides, offset: base.offset ?? 0 });
}

export function applyOp(view: View<'f64'>, op: ViewOp): View<'f64'> {
  switch (op.op) {
    case 'slice':
      return view.slice(op.spec);
    case 'transpose':
      return op.axes === null ? view.transpose() : view.transpose(op.axes);
    case 'T':
      return view.T;
    case 'reshape':
      return view.reshape(op.shape);
  }
}

export function describeView(view: View<'f64'>): Outcome {
  return {
    kind: 'view',
    shape: [...view.shape],
    strides: [...view.strides],
    offset: view.offset,
    c: view.isCContiguous,
    f: view.isFContiguous,
    values: view.toArray(),
  };
}

/** Names a runtime error with the kind of NumPy error it must correspond to. */
export function describeError(error: unknown): Outcome {
  return { kind: 'error', error: errorKind(error), message: errorText(error) };
}

function errorKind(error: unknown): ErrorKind {
  if (error instanceof OutOfBoundsError) return 'out-of-bounds';
  if (error instanceof IndexError) return 'index';
  if (error instanceof WouldCopyError) return 'would-copy';
  if (error instanceof ShapeError) return 'shape';
  return 'unexpected';
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** One step on the runtime: the next view and its outcome, or the error that ends the chain. */
export function runtimeStep(view: View<'f64'>, op: ViewOp): { view: View<'f64'> | null; outcome: Outcome } {
  let next: View<'f64'>;
  try {
    next = applyOp(view, op);
  } catch (error) {
    return { view: null, outcome: describeError(error) };
  }
  try {
    return { view: next, outcome: describeView(next) };
  } catch (error) {
    // Reading a view the runtime just made must never fail; that is never NumPy's answer, whatever the class.
    return {
      view: null,
      outcome: { kind: 'error', error: 'unexpected', message: `reading the view threw ${errorText(error)}` },
    };
  }
}

/** The runtime's outcomes for a fixed case, shaped like the oracle's answer: the base, then each step up to the first error. */
export function replayOnRuntime(testCase: ViewCase): Outcome[] {
  let view = runtimeBase(testCase.base);
  const outcomes: Outcome[] = [describeView(view)];
  for (const op of testCase.ops) {
    const step = runtimeStep(view, op);
    outcomes.push(step.outcome);
    if (step.view === null) break;
    view = step.view;
  }
  return outcomes;
}
