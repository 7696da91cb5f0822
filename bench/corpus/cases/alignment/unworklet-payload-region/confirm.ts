import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ computeLayout, createViews }: typeof Impl): void {
  // A u8 buffer of odd length declared before a float payload leaves the cursor odd.
  const layout = computeLayout([
    { name: 'flags', type: 'u8', length: 3 },
    { name: 'payload', type: 'f32', length: 128 },
    { name: 'status', type: 'u8', length: 1 },
  ]);
  const sab = new SharedArrayBuffer(layout.byteLength);
  let views: Map<string, Uint8Array | Float32Array>;
  try {
    views = createViews(sab, layout);
  } catch (error) {
    throw new Error(`creating the views of the layout threw: ${String(error)}`);
  }
  const payload = views.get('payload') as Float32Array;
  const flags = views.get('flags') as Uint8Array;
  const status = views.get('status') as Uint8Array;
  payload.fill(0.5);
  flags.fill(7);
  status[0] = 9;
  expect(payload.every(v => v === 0.5) && flags.every(v => v === 7) && status[0] === 9, 'regions overlap');
}
