import explicitEndianness from './explicit-endianness.js';
import noAmbiguousSlice from './no-ambiguous-slice.js';
import noBufferSlice from './no-buffer-slice.js';
import noImplicitCopy from './no-implicit-copy.js';
import noUnnecessaryCopy from './no-unnecessary-copy.js';
import noMisalignedView from './no-misaligned-view.js';
import noStridedDataEscape from './no-strided-data-escape.js';
import noLostWrite from './no-lost-write.js';
import noSignedWasmPointer from './no-signed-wasm-pointer.js';
import noStaleView from './no-stale-view.js';
import noUseAfterTransfer from './no-use-after-transfer.js';
import noWholeBackingBuffer from './no-whole-backing-buffer.js';

/** Every rule, keyed by its name; one per analyzer check. */
export const rules: {
  'no-stale-view': typeof noStaleView;
  'no-use-after-transfer': typeof noUseAfterTransfer;
  'no-whole-backing-buffer': typeof noWholeBackingBuffer;
  'no-ambiguous-slice': typeof noAmbiguousSlice;
  'no-lost-write': typeof noLostWrite;
  'no-signed-wasm-pointer': typeof noSignedWasmPointer;
  'explicit-endianness': typeof explicitEndianness;
  'no-implicit-copy': typeof noImplicitCopy;
  'no-unnecessary-copy': typeof noUnnecessaryCopy;
  'no-misaligned-view': typeof noMisalignedView;
  'no-strided-data-escape': typeof noStridedDataEscape;
  'no-buffer-slice': typeof noBufferSlice;
} = {
  'no-stale-view': noStaleView,
  'no-use-after-transfer': noUseAfterTransfer,
  'no-whole-backing-buffer': noWholeBackingBuffer,
  'no-ambiguous-slice': noAmbiguousSlice,
  'no-lost-write': noLostWrite,
  'no-signed-wasm-pointer': noSignedWasmPointer,
  'explicit-endianness': explicitEndianness,
  'no-implicit-copy': noImplicitCopy,
  'no-unnecessary-copy': noUnnecessaryCopy,
  'no-misaligned-view': noMisalignedView,
  'no-strided-data-escape': noStridedDataEscape,
  'no-buffer-slice': noBufferSlice,
};
