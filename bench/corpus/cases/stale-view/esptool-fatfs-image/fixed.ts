// A web flasher's FAT filesystem support: a FatFS build compiled to wasm mounts a partition image
// read from the device, which is first copied into the module's memory.
export interface FatFSExports {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  fatfs_mount(ptr: number, length: number, blockSize: number, blockCount: number): number;
}

const FATFS_ERR_NOT_ENOUGH_CORE = 17;

export class FatFSError extends Error {
  constructor(message: string, readonly code: number) {
    super(`${message} (code ${code})`);
  }
}

export interface MountOptions {
  blockSize?: number;
  blockCount?: number;
}

/** Copies `bytes` into the module and mounts it; returns the image's address in wasm memory. */
export function mountImage(exports: FatFSExports, bytes: Uint8Array, options: MountOptions = {}): number {
  const blockSize = options.blockSize ?? 4096;
  const inferredBlocks = bytes.length / blockSize;
  const blockCount = options.blockCount ?? inferredBlocks;
  if (blockCount * blockSize !== bytes.length) {
    throw new Error('Image size must equal blockSize * blockCount');
  }
  const ptr = exports.malloc(bytes.length || 1);
  if (!ptr) {
    throw new FatFSError('Failed to allocate WebAssembly memory', FATFS_ERR_NOT_ENOUGH_CORE);
  }
  try {
    // malloc may have grown the memory: view it only now.
    const heap = new Uint8Array(exports.memory.buffer);
    heap.set(bytes, ptr);
    const rc = exports.fatfs_mount(ptr, bytes.length, blockSize, blockCount);
    if (rc !== 0) throw new FatFSError('Failed to mount FAT image', rc);
    return ptr;
  } catch (error) {
    exports.free(ptr);
    throw error;
  }
}
