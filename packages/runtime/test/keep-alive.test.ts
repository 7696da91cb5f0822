import { describe, expect, it } from 'vitest';
import { Memory } from '../src/index.js';
import { collect } from './support/collect.js';

type HandOut = (owner: Memory) => ArrayBufferView;

const handOuts: [string, HandOut][] = [
  ['asTypedArray()', owner => owner.view('u8', { shape: [64] }).asTypedArray()],
  ['asDataView()', owner => owner.view('u8', { shape: [64] }).asDataView()],
  ['asBuffer()', owner => owner.view('u8', { shape: [64] }).asBuffer()],
  ['raw().array', owner => owner.view('u8', { shape: [64] }).raw().array],
];

describe('what is handed out over a wasm heap block', () => {
  it.each(handOuts)(
    "%s keeps the block's owner alive, so writes through it never reach the block's next owner",
    async (_, handOut) => {
      let owner: Memory | undefined = Memory.alloc(64, { placement: 'wasm' });
      const ownerRef = new WeakRef(owner);
      let handedOut: ArrayBufferView | undefined = handOut(owner);
      owner = undefined;
      await collect();
      expect(ownerRef.deref()).toBeDefined();
      const next = Memory.alloc(64, { placement: 'wasm' });
      new Uint8Array(handedOut.buffer, handedOut.byteOffset, handedOut.byteLength).fill(7);
      expect(
        next
          .view('u8', { shape: [64] })
          .toArray()
          .every(byte => byte === 0),
      ).toBe(true);
      // Dropped, it lets the owner go: the tie is no leak.
      handedOut = undefined;
      await collect();
      expect(ownerRef.deref()).toBeUndefined();
    },
  );
});
