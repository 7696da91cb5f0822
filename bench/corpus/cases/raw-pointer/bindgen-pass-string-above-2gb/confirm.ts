import { expect } from '../../../support/check.js';
import { instantiateHeap } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

const utf8Sum = (s: string) => new TextEncoder().encode(s).reduce((sum, byte) => sum + byte, 0);

export default function confirm({ initSync, give_me_strings }: typeof Impl): void {
  const wasm = instantiateHeap();
  initSync(wasm);
  expect(give_me_strings('aoeu') === utf8Sum('aoeu'), 'the string did not reach wasm even below 2 GiB');
  // The program has allocated a bit over 2 GiB: the next blocks have the high address bit set.
  wasm.set_top(0x8000_0400);
  for (const s of ['aoeu', 'naïve café']) {
    const got = give_me_strings(s);
    expect(got === utf8Sum(s), `wasm summed ${got} for ${JSON.stringify(s)} allocated above 2 GiB, ${utf8Sum(s)} was expected`);
  }
}
