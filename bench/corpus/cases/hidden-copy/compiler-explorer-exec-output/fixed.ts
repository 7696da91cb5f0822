// Runs a compiler or a compiled program and gathers what it prints, up to a limit.
import type { Readable } from 'node:stream';

export interface StreamOutput {
  text: string;
  truncated: boolean;
}

/** Reads `stream` to its end, keeping at most `maxOutput` bytes. */
export function readOutput(stream: Readable, maxOutput: number): Promise<StreamOutput> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let truncated = false;
    stream.on('data', (data: Buffer) => {
      if (truncated) return;
      if (length + data.length > maxOutput) {
        chunks.push(data.subarray(0, maxOutput - length));
        length = maxOutput;
        truncated = true;
        return;
      }
      chunks.push(data);
      length += data.length;
    });
    stream.on('error', reject);
    stream.on('end', () => {
      const output = Buffer.concat(chunks, length);
      resolve({ text: output.toString('utf8') + (truncated ? '\n[Truncated]' : ''), truncated });
    });
  });
}
