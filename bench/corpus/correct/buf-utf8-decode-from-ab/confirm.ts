import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

function u32(n: number): number[] {
  return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];
}

function str(text: string): number[] {
  const bytes = Array.from(new TextEncoder().encode(text));
  return [...u32(bytes.length), ...bytes];
}

export default function confirm({ decodePacket }: typeof Impl): void {
  // { command: "build", entries: ["a.ts", "ü.ts"], write: true } as request 5.
  const bytes = new Uint8Array([
    ...u32(5 << 1),
    6, ...u32(3),
    ...str('command'), 3, ...str('build'),
    ...str('entries'), 5, ...u32(2), 3, ...str('a.ts'), 3, ...str('ü.ts'),
    ...str('write'), 1, 1,
  ]);
  const framed = new Uint8Array(bytes.length + 8);
  framed.set(bytes, 4);
  const packet = decodePacket(framed.subarray(4, 4 + bytes.length));
  expect(packet.id === 5 && packet.isRequest, 'the packet header was misread');
  expect(JSON.stringify(packet.value) === JSON.stringify({ command: 'build', entries: ['a.ts', 'ü.ts'], write: true }), `decoded ${JSON.stringify(packet.value)}`);
}
