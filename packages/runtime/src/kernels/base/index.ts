export { gsum } from './gsum.js';
export { gdot } from './gdot.js';
export { gaxpy } from './gaxpy.js';
export { gscal } from './gscal.js';
export { gfill } from './gfill.js';
export { gcopy, type Indexable } from './gcopy.js';
export type { FloatArray } from './float-array.js';
