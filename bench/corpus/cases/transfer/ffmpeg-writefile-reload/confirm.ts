import { expect, pattern } from '../../../support/check.js';
import { portWorker, type Reply } from '../../../support/transfer-port.js';
import type * as Impl from './fixed.js';

/** An ffmpeg core worker in miniature: it keeps written files and reports input sizes on EXEC. */
function coreWorker() {
  const files = new Map<string, Uint8Array>();
  return portWorker((message: { id: number; type: string; data: any }, reply: Reply) => {
    if (message.type === 'WRITE_FILE') files.set(message.data.path, message.data.data);
    const data = message.type === 'EXEC' ? { inputBytes: files.get('input')?.length ?? 0 } : true;
    reply({ id: message.id, data });
  });
}

export default async function confirm({ FFmpeg, probeThenTranscode }: typeof Impl): Promise<void> {
  const st = coreWorker();
  const mt = coreWorker();
  try {
    const video = pattern(4096).slice().buffer;
    let result: unknown;
    try {
      result = await probeThenTranscode(new FFmpeg(), { st: st.port, mt: mt.port }, video);
    } catch (error) {
      throw new Error(`writing the input to the multi-threaded core failed: ${String(error)}`);
    }
    const { inputBytes } = result as { inputBytes: number };
    expect(inputBytes === 4096, `the multi-threaded core transcoded ${inputBytes} input bytes, 4096 were expected`);
  } finally {
    st.close();
    mt.close();
  }
}
