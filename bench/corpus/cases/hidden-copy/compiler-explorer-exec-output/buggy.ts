// Runs a compiler or a compiled program and gathers what it prints, up to a limit.
import type { Readable } from 'node:stream';

export interface StreamOutput {
  text: string;
  truncated: boolean;
}

/** Reads `stream` to its end, keeping at most `maxOutput` bytes. */
export function readOutput(stream: Readable, maxOutput: number): Promise<StreamOutput> {
  return new Promise((resolve, reject) => {
    let output = Buffer.alloc(0);
    let truncated = false;
    stream.on('data', (data: Buffer) => {
      if (truncated) return;
      output = Buffer.concat([output, data]); // BUG
      if (output.length > maxOutput) {
        output = output.subarray(0, maxOutput);
        truncated = true;
      }
    });
    stream.on('error', reject);
    stream.on('end', () => {
      resolve({ text: output.toString('utf8') + (truncated ? '\n[Truncated]' : ''), truncated });
    });
  });
}
