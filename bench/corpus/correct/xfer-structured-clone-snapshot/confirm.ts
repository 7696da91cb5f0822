import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

export default function confirm({ History }: typeof Impl): void {
  const live = { label: 'take 1', samples: new Float32Array(1000).fill(0.25), markers: [10, 20] };
  const history = new History(live);
  history.checkpoint();
  // Edit the live state in place after the snapshot.
  live.samples.fill(0.75, 0, 500);
  live.markers.push(30);
  expect(live.samples.length === 1000 && live.samples[0] === 0.75, 'the live samples were detached or not edited');
  history.checkpoint();
  live.samples.fill(1);
  expect(history.undo(), 'undo found no checkpoint');
  expect(history.state.samples[0] === 0.75 && history.state.samples[999] === 0.25, 'the second snapshot shares or lost samples');
  expect(history.undo(), 'undo found no second checkpoint');
  expect(history.state.samples.every(v => v === 0.25) && history.state.markers.length === 2, 'the first snapshot changed with the live state');
  expect(live.samples.every(v => v === 1), 'the live state was changed by the snapshots');
}
