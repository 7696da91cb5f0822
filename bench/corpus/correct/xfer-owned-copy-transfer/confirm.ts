import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

export default async function confirm({ Recorder }: typeof Impl): Promise<void> {
  const channel = new MessageChannel();
  const received: Float32Array[] = [];
  const done = new Promise<void>(resolve => {
    channel.port2.onmessage = event => {
      const [type, samples] = event.data as [string, Float32Array?];
      if (type === 'encode' && samples !== undefined) received.push(samples);
      else resolve();
    };
  });
  try {
    const recorder = new Recorder(channel.port1);
    const channelData = new Float32Array(4096); // reused by the "audio graph" for every block
    for (let block = 0; block < 5; block++) {
      channelData.fill(block + 0.5);
      recorder.onAudioProcess(channelData);
      expect(channelData.length === 4096 && channelData[0] === block + 0.5, 'the audio graph\'s input block was detached');
    }
    expect(recorder.stop() === 5, 'the recorder miscounted blocks');
    await done;
    expect(received.length === 5, `the encoder got ${received.length} blocks, not 5`);
    received.forEach((samples, block) => expect(samples.length === 4096 && samples.every(v => v === block + 0.5), `block ${block} arrived wrong`));
  } finally {
    channel.port1.close();
    channel.port2.close();
  }
}
