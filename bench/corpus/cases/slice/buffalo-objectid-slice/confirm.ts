import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

/** BSON for { _id: ObjectId(hex), name }. */
function userDoc(hex: string, name: string): Buffer {
  const str = Buffer.concat([Buffer.from(name), Buffer.from([0])]);
  const strLen = Buffer.alloc(4);
  strLen.writeInt32LE(str.length, 0);
  const body = Buffer.concat([
    Buffer.from([0x07]), Buffer.from('_id\0'), Buffer.from(hex, 'hex'),
    Buffer.from([0x02]), Buffer.from('name\0'), strLen, str,
    Buffer.from([0]),
  ]);
  const size = Buffer.alloc(4);
  size.writeInt32LE(body.length + 4, 0);
  return Buffer.concat([size, body]);
}

export default function confirm({ ReplyReader }: typeof Impl): void {
  const users: Impl.BsonDocument[] = [];
  const reader = new ReplyReader(doc => users.push(doc));
  const aliceId = '65a1f0c2e4b0a1b2c3d4e5f6';
  reader.onReply(userDoc(aliceId, 'alice'));
  reader.onReply(userDoc('65a1f0c2e4b0a1b2c3d4ffff', 'bob'));
  const id = String(users[0]._id);
  expect(users[0].name === 'alice' && id === aliceId, `alice's _id reads ${id} after the next reply was received, expected ${aliceId}`);
}
