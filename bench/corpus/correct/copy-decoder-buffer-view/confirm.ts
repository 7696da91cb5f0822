import { countCopies } from '../../support/copies.js';
import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

function entry(offset: number, key: string | null, value: string): Buffer {
  const field = (text: string | null): Buffer => {
    const length = Buffer.alloc(4);
    if (text === null) {
      length.writeInt32BE(-1);
      return length;
    }
    length.writeInt32BE(Buffer.byteLength(text));
    return Buffer.concat([length, Buffer.from(text)]);
  };
  const body = Buffer.concat([Buffer.from([0, 0, 0, 0, 0, 0]), field(key), field(value)]);
  const head = Buffer.alloc(12);
  head.writeBigInt64BE(BigInt(offset));
  head.writeInt32BE(body.length, 8);
  return Buffer.concat([head, body]);
}

export default async function confirm({ Decoder, decodeMessageSet }: typeof Impl): Promise<void> {
  const big = 'x'.repeat(1 << 20);
  const response = Buffer.concat([entry(40, 'k1', 'hello'), entry(41, null, big), entry(42, 'k3', 'bye'), Buffer.from([0, 0, 0])]);
  let messages: Impl.Message[] = [];
  const copies = await countCopies(() => {
    messages = decodeMessageSet(new Decoder(response));
  });
  expect(messages.length === 3, `decoded ${messages.length} messages`);
  expect(messages[0]!.key?.toString() === 'k1' && messages[0]!.value?.toString() === 'hello', 'the first message is wrong');
  expect(messages[1]!.key === null && messages[1]!.value?.length === big.length && messages[1]!.offset === 41n, 'the second message is wrong');
  expect(messages[2]!.value?.toString() === 'bye', 'the third message is wrong');
  expect(copies.calls === 0, `decoding copied ${copies.bytes} bytes in ${copies.calls} copies`);
  expect(messages[1]!.value!.buffer === response.buffer, 'the value is not a view of the response');
}
