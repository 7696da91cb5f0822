// What view operations allocate. Over a large f64 array, make many slices, transposes and
// reshapes, keep them all alive, and read process.memoryUsage() before and after (with forced GCs
// between): `arrayBuffers` counts ArrayBuffer storage, `external` also counts WebAssembly.Memory
// storage. Element storage would show there in megabytes; the views' own objects show in
// `heapUsed`. One explicit copy (`ascontiguous`) afterwards shows that the measurement sees an
// allocation when there is one.
import { ascontiguous } from '@memsafe/runtime';
import { PLACEMENTS, allocViews, placementLabel } from './memsafe.mjs';

const ROWS = 2000;
const COLUMNS = 4000;
const REPEATS = 1000;

// Each entry makes one view of the 1-D view `v` or the 2-D view `m` over the same memory.
export const VIEW_OPS = [
  ["v.slice('::2')", (v, _m) => v.slice('::2')],
  ["v.slice('10:-10')", (v, _m) => v.slice('10:-10')],
  ['v.reshape([-1, 8])', (v, _m) => v.reshape([-1, 8])],
  ['m.T', (_v, m) => m.T],
  ['m.transpose([1, 0])', (_v, m) => m.transpose([1, 0])],
  ["m.slice('1:-1, ::3')", (_v, m) => m.slice('1:-1, ::3')],
  ["m.slice('::-1, 5')", (_v, m) => m.slice('::-1, 5')],
  ['m.reshape([4000, 2000])', (_v, m) => m.reshape([COLUMNS, ROWS])],
];

function usage() {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage();
}

const delta = (after, before) =>
  Object.fromEntries(['arrayBuffers', 'external', 'heapUsed', 'rss'].map(key => [key, after[key] - before[key]]));

/** The measurement for each placement: bytes added by the views, and by one explicit copy. */
export function measureViewMemory(log) {
  return PLACEMENTS.map(placement => {
    const [v] = allocViews('f64', [[ROWS * COLUMNS]], placement);
    const m = v.reshape([ROWS, COLUMNS]);
    const before = usage();
    const kept = [];
    for (let r = 0; r < REPEATS; r++) for (const [, make] of VIEW_OPS) kept.push(make(v, m));
    const afterViews = usage();
    const copyRows = 500;
    const copied = ascontiguous(m.slice(`:${copyRows}, :`));
    const afterCopy = usage();
    const result = {
      placement,
      label: placementLabel(placement),
      elementBytes: ROWS * COLUMNS * 8,
      views: kept.length,
      viewDelta: delta(afterViews, before),
      copyBytes: copyRows * COLUMNS * 8,
      copyDelta: delta(afterCopy, afterViews),
    };
    log(
      `  ${result.label}: ${kept.length} views, external +${result.viewDelta.external} B, arrayBuffers +${result.viewDelta.arrayBuffers} B, heap +${result.viewDelta.heapUsed} B; one ${result.copyBytes} B copy: external +${result.copyDelta.external} B`,
    );
    // Keep everything alive until the last reading.
    if (copied.size === 0 || kept.length === 0) throw new Error('unreachable');
    return result;
  });
}
