import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

function wave(sampleRate: number, channels: number, seconds: number): Uint8Array {
  const dataSize = sampleRate * channels * 2 * seconds;
  const buf = new Uint8Array(12 + 8 + 16 + 8 + 4 + 8 + dataSize);
  const v = new DataView(buf.buffer);
  const id = (off: number, s: string) => [...s].forEach((c, i) => (buf[off + i] = c.charCodeAt(0)));
  id(0, 'RIFF');
  v.setUint32(4, buf.length - 8, true);
  id(8, 'WAVE');
  id(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, channels, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * channels * 2, true);
  v.setUint16(32, channels * 2, true);
  v.setUint16(34, 16, true);
  id(36, 'fact');
  v.setUint32(40, 4, true);
  v.setUint32(44, sampleRate * seconds, true);
  id(48, 'data');
  v.setUint32(52, dataSize, true);
  return buf;
}

export default function confirm({ parseWave }: typeof Impl): void {
  let format: Impl.WaveFormat;
  try {
    format = parseWave(wave(22050, 2, 2));
  } catch (error) {
    throw new Error(`parsing a plain 16-bit stereo WAVE file failed: ${String(error)}`);
  }
  expect(format.sampleRate === 22050 && format.channels === 2, `read ${format.channels} channels at ${format.sampleRate} Hz`);
  expect(format.duration === 2, `duration read as ${format.duration} s, want 2 s`);
}
