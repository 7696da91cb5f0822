// Multipart upload middleware: gathers the bytes of each file busboy streams to us.
import type { Readable } from 'node:stream';

export interface UploadedFile {
  name: string;
  mimetype: string;
  data: Buffer;
}

/** Collects `file` and hands the finished upload to `done` when the stream ends. */
export function processFile(file: Readable, filename: string, mimetype: string, done: (upload: UploadedFile) => void): void {
  let buf = Buffer.alloc(0);
  file.on('data', (data: Buffer) => {
    buf = Buffer.concat([buf, data]); // BUG
  });
  file.on('end', () => {
    done({ name: filename, mimetype, data: buf });
  });
}
