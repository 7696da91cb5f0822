import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ createSer, createDes }: typeof Impl): void {
  // What the same code running on a big-endian machine (an s390x server, say) puts on the wire
  // for serializeUInt32(3000000000), serializeBoolean(true), serializeUInt32(7).
  const fromBigEndianPeer = new Uint8Array([0xb2, 0xd0, 0x5e, 0x00, 0, 0, 0, 1, 0, 0, 0, 7]).buffer;
  const des = createDes(fromBigEndianPeer);
  const got = [des.deserializeUInt32(), des.deserializeBoolean(), des.deserializeUInt32()];
  expect(got.join() === '3000000000,true,7', `a message from a big-endian peer decodes as ${got.join()}`);

  // And a message written here must read the same there.
  const ser = createSer();
  ser.serializeUInt32(3000000000);
  ser.serializeBoolean(true);
  ser.serializeUInt32(7);
  const bytes = new Uint8Array(ser.getBuffer());
  expect(bytes.join() === new Uint8Array(fromBigEndianPeer).join(), `this machine writes ${bytes.join()}, which a big-endian peer reads differently`);
}
