// Socket handler for a voice call: each 'voice:call:audio' message carries a frame of 16-bit PCM
// that goes to the endpointer (speech start/end detection).
export interface Endpointer {
  push(samples: Int16Array): void;
}

/** A zero-copy view when the bytes are 2-aligned; else a copy (a websocket payload often is not). */
function toInt16Samples(pcm: Buffer | Uint8Array | ArrayBuffer): Int16Array {
  if (!ArrayBuffer.isView(pcm)) return new Int16Array(pcm, 0, Math.floor(pcm.byteLength / 2));
  const count = Math.floor(pcm.byteLength / 2);
  if (pcm.byteOffset % 2 === 0) return new Int16Array(pcm.buffer, pcm.byteOffset, count);
  const copy = new Uint8Array(count * 2);
  copy.set(pcm.subarray(0, count * 2));
  return new Int16Array(copy.buffer);
}

export function onCallAudio(pcm: Buffer | Uint8Array | ArrayBuffer, endpointer: Endpointer, log: (message: string) => void): void {
  try {
    endpointer.push(toInt16Samples(pcm));
  } catch (error) {
    log(`voice:call:audio failed: ${String(error)}`);
  }
}
