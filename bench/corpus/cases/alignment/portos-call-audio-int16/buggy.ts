// Socket handler for a voice call: each 'voice:call:audio' message carries a frame of 16-bit PCM
// that goes to the endpointer (speech start/end detection).
export interface Endpointer {
  push(samples: Int16Array): void;
}

export function onCallAudio(pcm: Buffer | Uint8Array | ArrayBuffer, endpointer: Endpointer, log: (message: string) => void): void {
  try {
    const view =
      Buffer.isBuffer(pcm) || ArrayBuffer.isView(pcm)
        ? new Int16Array(pcm.buffer, pcm.byteOffset, Math.floor(pcm.byteLength / 2)) // BUG
        : new Int16Array(pcm);
    endpointer.push(view);
  } catch (error) {
    log(`voice:call:audio failed: ${String(error)}`);
  }
}
