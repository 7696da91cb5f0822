import type { Check } from '../check.js';
import { noStaleView } from './no-stale-view/check.js';
import { noWholeBackingBuffer } from './no-whole-backing-buffer.js';

/** Every check, in one list: adapters, docs, configs and tests all iterate it. */
export const checks: readonly Check[] = Object.freeze([noStaleView, noWholeBackingBuffer] as unknown as Check[]);

export { noStaleView, noWholeBackingBuffer };
