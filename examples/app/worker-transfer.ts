// Hands audio frames to a worker without copying them.
import { Worker } from 'node:worker_threads';

/** Bug: the transfer detaches `frame`'s buffer, so reading `frame.length` afterwards gives 0. */
export function sendFrame(worker: Worker, frame: Float32Array): number {
  worker.postMessage({ kind: 'frame', samples: frame }, [frame.buffer as ArrayBuffer]);
  return frame.length;
}

/**
 * Bug: each frame cut from the block shares the block's buffer, and `sendFrame` transfers the whole
 * buffer: the first frame sent takes every other frame with it.
 */
export function sendBlock(worker: Worker, block: Float32Array, frameSize: number): void {
  for (let at = 0; at < block.length; at += frameSize) sendFrame(worker, block.subarray(at, at + frameSize));
}

/** Correct: transfer a buffer that holds exactly this frame, and read what is needed first. */
export function sendFrameFixed(worker: Worker, frame: Float32Array): number {
  const length = frame.length;
  const own = frame.slice();
  worker.postMessage({ kind: 'frame', samples: own }, [own.buffer]);
  return length;
}
