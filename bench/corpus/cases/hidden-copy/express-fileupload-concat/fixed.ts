// Multipart upload middleware: gathers the bytes of each file busboy streams to us.
import type { Readable } from 'node:stream';

export interface UploadedFile {
  name: string;
  mimetype: string;
  data: Buffer;
}

/** Collects `file` and hands the finished upload to `done` when the stream ends. */
export function processFile(file: Readable, filename: string, mimetype: string, done: (upload: UploadedFile) => void): void {
  const buffers: Buffer[] = [];
  file.on('data', (data: Buffer) => {
    buffers.push(data);
  });
  file.on('end', () => {
    done({ name: filename, mimetype, data: Buffer.concat(buffers) });
  });
}
