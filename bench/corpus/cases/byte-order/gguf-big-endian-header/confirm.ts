import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

function header(littleEndian: boolean): ArrayBuffer {
  const buffer = new ArrayBuffer(24);
  const view = new DataView(buffer);
  view.setUint32(0, 0x47475546);
  view.setUint32(4, 3, littleEndian);
  view.setBigUint64(8, 291n, littleEndian);
  view.setBigUint64(16, 24n, littleEndian);
  return buffer;
}

export default function confirm({ parseHeader }: typeof Impl): void {
  const le = parseHeader(header(true));
  expect(le.version === 3 && le.tensorCount === 291n && le.kvCount === 24n, 'a little-endian file parses wrong');
  let be: Impl.GGUFHeader;
  try {
    be = parseHeader(header(false));
  } catch (error) {
    throw new Error(`a big-endian GGUF file (as llama.cpp writes on s390x) was rejected: ${String(error)}`);
  }
  expect(be.version === 3 && be.tensorCount === 291n && be.kvCount === 24n && !be.littleEndian, `a big-endian file parsed as version ${be.version}, ${be.tensorCount} tensors`);
}
