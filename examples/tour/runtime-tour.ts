import { pooledBufferTour } from './pooled-buffer.js';
import { stridedTour } from './strided.js';
import { wasmGrowthTour } from './wasm-growth.js';

console.log('@memsafe/runtime — the questions that cost days, answered live');
stridedTour();
await wasmGrowthTour();
pooledBufferTour();
console.log();
