import type { Check } from '../check.js';
import { explicitEndianness } from './explicit-endianness.js';
import { noAmbiguousSlice } from './no-ambiguous-slice.js';
import { noBufferSlice } from './no-buffer-slice.js';
import { noImplicitCopy } from './no-implicit-copy/check.js';
import { noUnnecessaryCopy } from './no-unnecessary-copy/check.js';
import { noMisalignedView } from './no-misaligned-view/check.js';
import { noStridedDataEscape } from './no-strided-data-escape/check.js';
import { noLostWrite } from './no-lost-write.js';
import { noSignedWasmPointer } from './no-signed-wasm-pointer/check.js';
import { noStaleView } from './no-stale-view/check.js';
import { noUseAfterTransfer } from './no-use-after-transfer/check.js';
import { noWholeBackingBuffer } from './no-whole-backing-buffer.js';

/** Every check, in one list: adapters, docs, configs and tests all iterate it. */
export const checks: readonly Check[] = Object.freeze([
  noStaleView,
  noUseAfterTransfer,
  noWholeBackingBuffer,
  noAmbiguousSlice,
  noLostWrite,
  noSignedWasmPointer,
  explicitEndianness,
  noImplicitCopy,
  noUnnecessaryCopy,
  noMisalignedView,
  noStridedDataEscape,
  noBufferSlice,
] as unknown as Check[]);

export {
  explicitEndianness,
  noBufferSlice,
  noStridedDataEscape,
  noMisalignedView,
  noUnnecessaryCopy,
  noImplicitCopy,
  noAmbiguousSlice,
  noLostWrite,
  noSignedWasmPointer,
  noStaleView,
  noUseAfterTransfer,
  noWholeBackingBuffer,
};
