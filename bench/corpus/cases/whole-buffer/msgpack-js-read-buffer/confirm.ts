import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ decode }: typeof Impl): void {
  // An RPC reply framed as [length: u32][msgpack body]; the body is handed on as a Buffer view.
  const body = Buffer.from([0x82, 0xa2, 0x69, 0x64, 0xcd, 0x04, 0xd2, 0xa4, 0x6e, 0x61, 0x6d, 0x65, 0xa3, 0x62, 0x6f, 0x62]);
  const frame = Buffer.concat([Buffer.from([0, 0, 0, body.length]), body]);
  const payload = frame.subarray(4);
  let value: Impl.Value;
  try {
    value = decode(payload);
  } catch (error) {
    throw new Error(`decoding the reply threw: ${String(error)}`);
  }
  expect(JSON.stringify(value) === '{"id":1234,"name":"bob"}', `decoded ${JSON.stringify(value)}, expected {"id":1234,"name":"bob"}`);
}
