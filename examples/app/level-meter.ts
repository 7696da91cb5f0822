// Shows the peak level of the audio frame a capture thread keeps filling in.

const frame = new Float32Array(1024);

/** Bug: copies the whole frame (4 KiB) on every tick only to read it once. */
export function showLevel(draw: (peak: number) => void): NodeJS.Timeout {
  return setInterval(() => {
    let peak = 0;
    for (const sample of frame.slice()) peak = Math.max(peak, Math.abs(sample));
    draw(peak);
  }, 16);
}

/** Correct: reads the frame where it is. */
export function showLevelFixed(draw: (peak: number) => void): NodeJS.Timeout {
  return setInterval(() => {
    let peak = 0;
    for (const sample of frame) peak = Math.max(peak, Math.abs(sample));
    draw(peak);
  }, 16);
}

/** Bug: copies the four signature bytes to compare them; a view reads the same bytes. */
export function isWav(file: Uint8Array): boolean {
  const riff = file.slice(0, 4);
  return riff[0] === 0x52 && riff[1] === 0x49 && riff[2] === 0x46 && riff[3] === 0x46;
}
