/**
 * A differential case: a base view over memory holding 0, 1, 2, ... and a chain of view operations,
 * in a form both the runtime and the NumPy oracle (oracle.py) can replay. Strides and offsets are in
 * elements, as the runtime takes them.
 */
export interface BaseLayout {
  /** Length of the memory in f64 elements; it holds 0, 1, ..., memory - 1. */
  readonly memory: number;
  readonly shape: readonly number[];
  /** Without strides the base is the C-contiguous `arange(memory).reshape(shape)`. */
  readonly strides?: readonly number[];
  readonly offset?: number;
  /** How the runtime builds a base without strides; both must give NumPy's layout. */
  readonly via?: 'fromValues' | 'Memory.alloc';
}

export type ViewOp =
  | { readonly op: 'slice'; readonly spec: string }
  | { readonly op: 'transpose'; readonly axes: readonly number[] | null }
  | { readonly op: 'T' }
  | { readonly op: 'reshape'; readonly shape: readonly number[] };

export interface ViewCase {
  readonly base: BaseLayout;
  readonly ops: readonly ViewOp[];
}

/** The error kinds that must correspond between NumPy and the runtime (see oracle.py, describe_error). */
export type ErrorKind = 'out-of-bounds' | 'index' | 'would-copy' | 'shape' | 'unexpected';

/** What one step produced: a view's layout and elements, or an error. Step 0 is the base. */
export type Outcome =
  | {
      readonly kind: 'view';
      readonly shape: readonly number[];
      readonly strides: readonly number[];
      readonly offset: number;
      readonly c: boolean;
      readonly f: boolean;
      /** The elements in C order. */
      readonly values: readonly number[];
    }
  | { readonly kind: 'error'; readonly error: ErrorKind; readonly message: string };

const list = (values: readonly number[]): string => `[${values.join(', ')}]`;
const tuple = (values: readonly number[]): string =>
  values.length === 1 ? `(${values[0]},)` : `(${values.join(', ')})`;

/** The case as runtime code, to paste into a test or a REPL. */
export function runtimeSource(testCase: ViewCase, steps = testCase.ops.length): string {
  const { base } = testCase;
  const memory = `Memory.alloc(${base.memory * 8})`;
  const filled = base.memory === 0 ? memory : `${memory} /* filled with 0..${base.memory - 1} */`;
  let source =
    base.strides !== undefined
      ? `${filled}.view('f64', { shape: ${list(base.shape)}, strides: ${list(base.strides)}, offset: ${base.offset ?? 0} })`
      : base.via === 'Memory.alloc'
        ? `${filled}.view('f64', { shape: ${list(base.shape)} })`
        : `fromValues('f64', Array.from({ length: ${base.memory} }, (_, i) => i), ${list(base.shape)})`;
  for (const op of testCase.ops.slice(0, steps)) {
    if (op.op === 'slice') source += `.slice(${JSON.stringify(op.spec)})`;
    else if (op.op === 'transpose') source += op.axes === null ? '.transpose()' : `.transpose(${list(op.axes)})`;
    else if (op.op === 'T') source += '.T';
    else source += `.reshape(${list(op.shape)})`;
  }
  return source;
}

/** The same case as NumPy code. */
export function numpySource(testCase: ViewCase, steps = testCase.ops.length): string {
  const { base } = testCase;
  const memory = `np.arange(${base.memory}, dtype=np.float64)`;
  let source =
    base.strides === undefined
      ? `${memory}.reshape(${tuple(base.shape)})`
      : `np.ndarray(${tuple(base.shape)}, np.float64, buffer=${memory}, offset=${(base.offset ?? 0) * 8}, strides=${tuple(base.strides.map(s => s * 8))})`;
  for (const op of testCase.ops.slice(0, steps)) {
    if (op.op === 'slice') source += op.spec.trim() === '' ? '[()]' : `[${op.spec}]`;
    else if (op.op === 'transpose') source += op.axes === null ? '.transpose()' : `.transpose(${tuple(op.axes)})`;
    else if (op.op === 'T') source += '.T';
    else source += `.reshape(${tuple(op.shape)}, copy=False)`;
  }
  return source;
}
