export { shape2strides, numel, type Order } from './shape2strides.js';
export { isCContiguous, isFContiguous } from './is-contiguous.js';
export { extent } from './extent.js';
export { parseIndex, type IndexItem } from './parse-index.js';
export { applyIndex, sliceIndices, type StridedLayout } from './apply-index.js';
export { resolveShape, reshapeLayout } from './reshape.js';
export { checkPermutation } from './transpose.js';
export { forEachRow, inMemoryOrder, rowLength, rowStride, type Operand } from './rows.js';
export { directPosition, elementPosition, type Indexed } from './element-position.js';
