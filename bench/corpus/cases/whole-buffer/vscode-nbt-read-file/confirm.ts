import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

/** An NBT file: root compound "level.dat" holding { Version: 19133, LevelName: "World" }. */
function levelDat(): Buffer {
  const parts: Buffer[] = [Buffer.from([10, 0, 9]), Buffer.from('level.dat')];
  parts.push(Buffer.from([3, 0, 7]), Buffer.from('Version'), Buffer.from([0, 0, 0x4a, 0xbd]));
  parts.push(Buffer.from([8, 0, 9]), Buffer.from('LevelName'), Buffer.from([0, 5]), Buffer.from('World'));
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

export default async function confirm({ NbtDocument }: typeof Impl): Promise<void> {
  // In the extension host, file contents arrive over IPC: the Uint8Array handed to the extension
  // is a view into the message buffer, after the message's header.
  const fs: Impl.FileSystem = {
    async readFile() {
      const message = Buffer.concat([Buffer.from('IPC-REPLY:readFile:0001:'), levelDat()]);
      return message.subarray(24);
    },
  };
  let doc: Impl.NbtDocument;
  try {
    doc = await NbtDocument.create({ path: '/world/level.dat' }, fs);
  } catch (error) {
    throw new Error(`opening the file threw: ${String(error)}`);
  }
  const { name, data } = doc.documentData;
  expect(name === 'level.dat' && data.Version === 19133 && data.LevelName === 'World', `parsed ${JSON.stringify({ name, data })}`);
}
