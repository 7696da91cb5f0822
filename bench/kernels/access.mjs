// Element access in a hand-written loop: a sum over every element through a memsafe View's
// `get`, through its RawPtr (`raw().get`, and `raw().array` with the pointer's offset and
// strides), against the same loop over a bare Float64Array. Every loop adds the same numbers in
// the same order, so every sample must return exactly the bare loop's sum.
import { X, generate } from './data.mjs';
import { PLACEMENTS, allocViews, elementsOf, placementLabel } from './memsafe.mjs';
import { jsContender } from './runner.mjs';

// One function per shape and access path, so that each loop's call sites see one kind of
// receiver (V8 specializes on what it has seen).
function bare1(a) {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i];
  return total;
}
function viewGet1(view) {
  const n = view.shape[0];
  let total = 0;
  for (let i = 0; i < n; i++) total += view.get(i);
  return total;
}
function rawGet1(view) {
  const pointer = view.raw();
  const n = pointer.shape[0];
  let total = 0;
  for (let i = 0; i < n; i++) total += pointer.get(i);
  return total;
}
function rawArray1(view) {
  const pointer = view.raw();
  const { array, offset } = pointer;
  const n = pointer.shape[0];
  const stride = pointer.strides[0];
  let total = 0;
  for (let i = 0; i < n; i++) total += array[offset + i * stride];
  return total;
}
function bare2(a, rows, columns) {
  let total = 0;
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) total += a[i * columns + j];
  return total;
}
function viewGet2(view) {
  const [rows, columns] = view.shape;
  let total = 0;
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) total += view.get(i, j);
  return total;
}
function rawGet2(view) {
  const pointer = view.raw();
  const [rows, columns] = pointer.shape;
  let total = 0;
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) total += pointer.get(i, j);
  return total;
}
function rawArray2(view) {
  const pointer = view.raw();
  const { array, offset } = pointer;
  const [rows, columns] = pointer.shape;
  const [s0, s1] = pointer.strides;
  let total = 0;
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) total += array[offset + i * s0 + j * s1];
  return total;
}

const PATHS = {
  1: { bare: bare1, get: viewGet1, rawGet: rawGet1, rawArray: rawArray1 },
  2: { bare: bare2, get: viewGet2, rawGet: rawGet2, rawArray: rawArray2 },
};

/** The access case over `shape` (1-D or 2-D), f64. */
export function accessCase(shape) {
  const size = shape.reduce((a, b) => a * b, 1);
  const paths = PATHS[shape.length];
  const bare = generate(new Float64Array(size), X);
  const runBare = () => paths.bare(bare, ...shape);
  const expected = runBare();
  const verify = value => (value === expected ? undefined : `${value}, expected ${expected}`);
  const index = shape.length === 1 ? 'i' : 'i, j';
  const bareIndex = shape.length === 1 ? 'a[i]' : 'a[i*n + j]';
  const strided = shape.length === 1 ? 'array[offset + i*stride]' : 'array[offset + i*s0 + j*s1]';
  const contenders = [
    jsContender({
      id: 'bare',
      label: 'Float64Array loop',
      call: `\`s += ${bareIndex}\``,
      run: runBare,
      check: () => verify(runBare()),
    }),
  ];
  for (const placement of PLACEMENTS) {
    const [view] = allocViews('f64', [shape], placement);
    elementsOf(view).set(bare);
    const label = placementLabel(placement);
    const add = (id, what, call, run) =>
      contenders.push(
        jsContender({ id: `${id}-${placement}`, label: `${label}: ${what}`, call, run, check: () => verify(run()) }),
      );
    add('get', '`view.get`', `\`s += view.get(${index})\``, () => paths.get(view));
    add('raw-get', '`raw().get`', `\`p = view.raw()\`, then \`s += p.get(${index})\``, () => paths.rawGet(view));
    add('raw-array', '`raw().array`', `\`p = view.raw()\`, then \`s += p.${strided}\``, () => paths.rawArray(view));
  }
  const name = shape.join('×');
  return {
    key: `access:${name}`,
    title: `element access ${name} f64`,
    units: size,
    verify,
    extra: { kind: 'access', shape },
    contenders,
  };
}
