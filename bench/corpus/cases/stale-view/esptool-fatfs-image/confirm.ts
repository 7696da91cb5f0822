import { expect } from '../../../support/check.js';
import { instantiateHeap } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

const FR_NO_FILESYSTEM = 13;

export default function confirm({ mountImage }: typeof Impl): void {
  const heap = instantiateHeap();
  // The compiled f_mount: it looks for the boot sector signature 0x55 0xAA at offset 510.
  const exports: Impl.FatFSExports = {
    memory: heap.memory,
    malloc: size => heap.malloc(size),
    free: ptr => heap.free(ptr),
    fatfs_mount(ptr) {
      const image = new Uint8Array(heap.memory.buffer, ptr);
      return image[510] === 0x55 && image[511] === 0xaa ? 0 : FR_NO_FILESYSTEM;
    },
  };
  // A 256 KB partition read from the device: larger than the module's first page.
  const image = new Uint8Array(256 * 1024);
  image[510] = 0x55;
  image[511] = 0xaa;
  image.fill(0x5a, 4096);
  let ptr: number;
  try {
    ptr = mountImage(exports, image);
  } catch (error) {
    throw new Error(`mounting the image failed: ${String(error)}`);
  }
  expect(new Uint8Array(heap.memory.buffer, ptr, image.length).every((byte, i) => byte === image[i]), 'the image in wasm memory is not the one read from the device');
}
