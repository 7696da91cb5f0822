// Hands audio frames to a worker without copying them.
import { Worker } from 'node:worker_threads';

/**
 * Two bugs: `frame.buffer` may hold more than this frame (a frame cut from a larger block), and
 * the transfer detaches it, so reading `frame.length` afterwards gives 0.
 */
export function sendFrame(worker: Worker, frame: Float32Array): number {
  worker.postMessage({ kind: 'frame', samples: frame }, [frame.buffer as ArrayBuffer]);
  return frame.length;
}

/** Correct: transfer a buffer that holds exactly this frame, and read what is needed first. */
export function sendFrameFixed(worker: Worker, frame: Float32Array): number {
  const length = frame.length;
  const own = frame.slice();
  worker.postMessage({ kind: 'frame', samples: own }, [own.buffer]);
  return length;
}
