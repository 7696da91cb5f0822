import { beforeAll, describe, expect, it } from 'vitest';
import { describeMismatch, firstMismatch } from './compare-outcomes.js';
import { askNumPy } from './numpy-oracle.js';
import { replayOnRuntime } from './runtime-replay.js';
import type { BaseLayout, Outcome, ViewCase, ViewOp } from './view-case.js';

/**
 * Hand-picked cases where a view library is most likely to differ from NumPy. Each names what NumPy
 * answers at its last step (`numpySays`), checked against the oracle first so that a case keeps
 * showing what its name promises; then every step of the runtime is compared with NumPy's.
 */
interface EdgeCase {
  readonly name: string;
  readonly base: BaseLayout;
  readonly ops: readonly ViewOp[];
  readonly numpySays: Partial<Outcome> & Record<string, unknown>;
}

const arange = (...shape: number[]): BaseLayout => ({ memory: shape.reduce((n, dim) => n * dim, 1), shape });
const slice = (spec: string): ViewOp => ({ op: 'slice', spec });
const reshape = (...shape: number[]): ViewOp => ({ op: 'reshape', shape });
const transpose = (...axes: number[]): ViewOp => ({ op: 'transpose', axes });
const T: ViewOp = { op: 'T' };

const EDGE_CASES: readonly EdgeCase[] = [
  // The seed question: a 6×8 buffer cut to 6×6 has rows 8 apart, so it cannot be read as 36 in a row.
  {
    name: '6×8 cut to 6×6, reshape(-1) needs a copy',
    base: arange(6, 8),
    ops: [slice(':, :6'), reshape(-1)],
    numpySays: { error: 'would-copy' },
  },
  {
    name: '6×8 cut to 6×6, reshape(36) needs a copy',
    base: arange(6, 8),
    ops: [slice(':, :6'), reshape(36)],
    numpySays: { error: 'would-copy' },
  },
  {
    name: '6×8 cut to 6×6 splits its row axis without a copy',
    base: arange(6, 8),
    ops: [slice(':, :6'), reshape(3, 2, 6)],
    numpySays: { strides: [16, 8, 1] },
  },
  {
    name: '6×8 cut to 6×6, reshape to its own shape keeps its strides',
    base: arange(6, 8),
    ops: [slice(':, :6'), reshape(6, 6)],
    numpySays: { strides: [8, 1] },
  },

  // NumPy points an empty slice at its start and gives it step 1 (get_view_from_index: start = 0, step = 1
  // when n_steps <= 0), so an empty slice never moves the offset and never keeps a negative step.
  {
    name: 'a[::-1][:0] stays where a[::-1] starts',
    base: arange(6),
    ops: [slice('::-1'), slice(':0')],
    numpySays: { shape: [0], strides: [-1], offset: 5 },
  },
  {
    name: 'a[::-1][4:2] is empty and stays where a[::-1] starts',
    base: arange(6),
    ops: [slice('::-1'), slice('4:2')],
    numpySays: { shape: [0], strides: [-1], offset: 5 },
  },
  {
    name: 'a[1:4:-1] is empty, at offset 0 with stride 1',
    base: arange(6),
    ops: [slice('1:4:-1')],
    numpySays: { shape: [0], strides: [1], offset: 0 },
  },
  {
    name: 'a[4:1] is empty, at offset 0 (not at its start 4)',
    base: arange(6),
    ops: [slice('4:1')],
    numpySays: { shape: [0], strides: [1], offset: 0 },
  },
  {
    name: 'reversing an empty array does not point before the memory',
    base: arange(0),
    ops: [slice('::-1')],
    numpySays: { shape: [0], strides: [1], offset: 0 },
  },
  {
    name: 'reversing the empty axis of a 2×0×3 array',
    base: arange(2, 0, 3),
    ops: [slice(':, ::-1')],
    numpySays: { shape: [2, 0, 3], strides: [3, 3, 1], offset: 0 },
  },
  {
    name: 'an empty axis beside a reversed one keeps the reversed offset',
    base: arange(3, 4),
    ops: [slice('::-1, 5:')],
    numpySays: { shape: [3, 0], strides: [-4, 1], offset: 8 },
  },

  // Full integer indexing: NumPy gives a scalar; `a[i, j, ...]` is the 0-d view the runtime returns.
  {
    name: 'full integer index gives a 0-d view',
    base: arange(2, 3),
    ops: [slice('1, 2')],
    numpySays: { shape: [], strides: [], offset: 5, values: [5] },
  },
  {
    name: 'full negative integer index gives a 0-d view',
    base: arange(2, 3),
    ops: [slice('-1, -3')],
    numpySays: { shape: [], offset: 3, values: [3] },
  },
  {
    name: 'indexing a 0-d view with nothing',
    base: arange(),
    ops: [slice(''), slice('...')],
    numpySays: { shape: [], values: [0] },
  },
  {
    name: 'a 0-d view takes a None axis and reshapes back',
    base: arange(2, 3),
    ops: [slice('1, 2'), slice('None'), reshape()],
    numpySays: { shape: [], offset: 5 },
  },
  {
    name: 'an integer past the end is out of bounds',
    base: arange(2, 3),
    ops: [slice('1, 3')],
    numpySays: { error: 'out-of-bounds' },
  },
  {
    name: 'an integer before the start is out of bounds',
    base: arange(2, 3),
    ops: [slice('-3, 0')],
    numpySays: { error: 'out-of-bounds' },
  },
  {
    name: 'any integer on an empty axis is out of bounds',
    base: arange(0, 3),
    ops: [slice('0')],
    numpySays: { error: 'out-of-bounds' },
  },
  {
    name: 'three indices into a 2-d view are too many',
    base: arange(2, 3),
    ops: [slice('0, 0, 0')],
    numpySays: { error: 'index' },
  },
  {
    name: 'an index into a 0-d view is one too many',
    base: arange(),
    ops: [slice('0')],
    numpySays: { error: 'index' },
  },

  // None inserts a length-1 axis with stride 0; length-1 axes carry no layout, so reshapes ignore them.
  {
    name: 'None axes have stride 0',
    base: arange(2, 3),
    ops: [slice('None, :, None, ::2, None')],
    numpySays: { shape: [1, 2, 1, 2, 1], strides: [0, 3, 0, 2, 0] },
  },
  {
    name: 'None axes of a strided view merge away without a copy',
    base: arange(2, 3),
    ops: [slice('None, :, None, ::2, None'), reshape(2, 2)],
    numpySays: { strides: [3, 2] },
  },
  {
    name: 'a strided view with None axes still cannot flatten',
    base: arange(2, 3),
    ops: [slice('None, :, None, ::2, None'), reshape(4)],
    numpySays: { error: 'would-copy' },
  },
  {
    name: 'None axes of a 0-d view',
    base: arange(),
    ops: [slice('None, None')],
    numpySays: { shape: [1, 1], strides: [0, 0] },
  },
  // NumPy compares the requested shape with the old one before resolving -1, so `-1` never takes the
  // keep-the-strides shortcut: a contiguous view gets fresh C strides, a strided one _attempt_nocopy_reshape's.
  {
    name: 'reshape(1, -1) of None axes gives fresh strides',
    base: arange(),
    ops: [slice('None, None'), reshape(1, -1)],
    numpySays: { shape: [1, 1], strides: [1, 1] },
  },
  {
    name: 'reshape(1, 2, -1) of a None axis gives fresh C strides',
    base: arange(2, 3),
    ops: [slice('None'), reshape(1, 2, -1)],
    numpySays: { strides: [6, 3, 1] },
  },
  {
    name: 'reshape(3, 2, -1) of a strided view with a None axis',
    base: arange(3, 4),
    ops: [slice(':, ::2, None'), reshape(3, 2, -1)],
    numpySays: { strides: [4, 2, 2] },
  },
  {
    name: 'reshape(1, 2, 3) of a None axis keeps its stride 0',
    base: arange(2, 3),
    ops: [slice('None'), reshape(1, 2, 3)],
    numpySays: { strides: [0, 3, 1] },
  },

  // A transposed array: axes still adjacent in memory merge, the others need a copy.
  {
    name: 'transpose(2, 0, 1) merges its last two axes',
    base: arange(2, 3, 4),
    ops: [transpose(2, 0, 1), reshape(4, 6)],
    numpySays: { strides: [1, 4] },
  },
  {
    name: 'transpose(2, 0, 1) cannot merge its first two axes',
    base: arange(2, 3, 4),
    ops: [transpose(2, 0, 1), reshape(8, 3)],
    numpySays: { error: 'would-copy' },
  },
  {
    name: '.T splits its first axis without a copy',
    base: arange(2, 3, 4),
    ops: [T, reshape(2, 2, 3, 2)],
    numpySays: { strides: [2, 1, 4, 12] },
  },
  {
    name: '.T cannot merge any two axes',
    base: arange(2, 3, 4),
    ops: [T, reshape(4, 6)],
    numpySays: { error: 'would-copy' },
  },
  {
    name: 'transpose(1, 0, 2, 3) merges the last two axes',
    base: arange(2, 3, 4, 5),
    ops: [transpose(1, 0, 2, 3), reshape(3, 2, 20)],
    numpySays: { strides: [20, 60, 1] },
  },
  {
    name: 'transpose(1, 0, 2, 3) cannot merge the first two',
    base: arange(2, 3, 4, 5),
    ops: [transpose(1, 0, 2, 3), reshape(6, 20)],
    numpySays: { error: 'would-copy' },
  },
  {
    name: 'transpose with negative axes',
    base: arange(2, 3, 4),
    ops: [transpose(-1, 0, -2)],
    numpySays: { shape: [4, 2, 3], strides: [1, 12, 4] },
  },

  // Length-1 axes may have any stride: contiguity ignores them, and a reshape to the same shape keeps them.
  {
    name: 'a length-1 axis with stride 77 is still C-contiguous',
    base: { memory: 24, shape: [3, 1, 4], strides: [4, 77, 1] },
    ops: [],
    numpySays: { c: true, f: false },
  },
  {
    name: 'reshape of that view takes fresh C strides',
    base: { memory: 24, shape: [3, 1, 4], strides: [4, 77, 1] },
    ops: [reshape(12)],
    numpySays: { strides: [1] },
  },
  {
    name: 'its transpose is F-contiguous',
    base: { memory: 24, shape: [3, 1, 4], strides: [4, 77, 1] },
    ops: [T],
    numpySays: { strides: [1, 77, 4], c: false, f: true },
  },
  {
    name: 'reshape to its own shape keeps stride 77',
    base: { memory: 24, shape: [3, 1, 4], strides: [4, 77, 1] },
    ops: [reshape(3, 1, 4)],
    numpySays: { strides: [4, 77, 1] },
  },
  {
    name: 'a 1×1 view with negative strides is C- and F-contiguous',
    base: { memory: 24, shape: [1, 1], strides: [5, -3], offset: 2 },
    ops: [T, slice('0')],
    numpySays: { shape: [1], strides: [5], offset: 2, c: true, f: true },
  },
  {
    name: 'reversing a length-1 axis with stride -100',
    base: { memory: 6, shape: [2, 1, 3], strides: [3, -100, 1] },
    ops: [slice(':, ::-1')],
    numpySays: { strides: [3, 100, 1], c: true },
  },
  {
    name: 'a stride-0 length-1 axis beside a strided one reshapes without a copy',
    base: { memory: 24, shape: [1, 4], strides: [0, 2] },
    ops: [reshape(2, 2)],
    numpySays: { strides: [4, 2] },
  },
  {
    name: 'a new length-1 axis at the end takes the last stride',
    base: { memory: 24, shape: [1, 4], strides: [0, 2] },
    ops: [reshape(4, 1)],
    numpySays: { strides: [2, 2] },
  },
  {
    name: 'reshape(3, 1) of a strided 3×1 view keeps stride 9',
    base: { memory: 8, shape: [3, 1], strides: [2, 9], offset: 1 },
    ops: [reshape(3, 1)],
    numpySays: { strides: [2, 9], offset: 1 },
  },
  {
    name: 'reshape(3, -1) of a strided 3×1 view gives the length-1 axis stride 2',
    base: { memory: 8, shape: [3, 1], strides: [2, 9], offset: 1 },
    ops: [reshape(3, -1)],
    numpySays: { strides: [2, 2], offset: 1 },
  },

  // Sizes that do not match are a ShapeError, whatever the layout.
  { name: 'reshape to a different size', base: arange(2, 3), ops: [reshape(4)], numpySays: { error: 'shape' } },
  {
    name: 'an empty view cannot infer -1 beside a 0',
    base: arange(2, 0),
    ops: [reshape(0, -1)],
    numpySays: { error: 'shape' },
  },
  {
    name: 'an empty view infers -1 as 0',
    base: arange(2, 0),
    ops: [reshape(-1, 5)],
    numpySays: { shape: [0, 5], strides: [5, 1] },
  },
];

const CASES: readonly ViewCase[] = EDGE_CASES.map(({ base, ops }) => ({ base, ops }));

describe('views match NumPy on hand-picked edge cases', () => {
  let numpy: Outcome[][] = [];
  beforeAll(() => {
    numpy = askNumPy(CASES);
    const operations = numpy.reduce((n, outcomes) => n + outcomes.length - 1, 0);
    console.log(`numpy differential (edge cases): ${CASES.length} cases, ${operations} operations compared with NumPy`);
  });

  it.each(EDGE_CASES.map((edge, index) => [edge.name, index] as const))('%s', (name, index) => {
    const { numpySays } = EDGE_CASES[index]!;
    const testCase = CASES[index]!;
    const answers = numpy[index]!;
    expect(answers.at(-1), `NumPy's own answer no longer shows what "${name}" is about`).toMatchObject(numpySays);
    const mismatch = firstMismatch(replayOnRuntime(testCase), answers);
    expect(mismatch, mismatch === null ? '' : describeMismatch(testCase, mismatch, name)).toBeNull();
  });
});
