// Speech recognition decoding: greedy search over the joint network's logits, one time frame
// (a row of vocabulary scores) at a time.
function argmax(scores: Float32Array): number {
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i] > scores[best]) best = i;
  return best;
}

/** Token ids for `frames` frames of `vocabSize` logits each, dropping blanks and repeats. */
export function greedyDecode(logits: Float32Array, frames: number, vocabSize: number, blankId: number): number[] {
  const tokens: number[] = [];
  let previous = -1;
  for (let t = 0; t < frames; t++) {
    const frameLogits = logits.slice(t * vocabSize, (t + 1) * vocabSize); // BUG
    const id = argmax(frameLogits);
    if (id !== blankId && id !== previous) tokens.push(id);
    previous = id;
  }
  return tokens;
}
