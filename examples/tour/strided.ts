import { ascontiguous, fromValues, kernels, type View } from '@memsafe/runtime';
import { caught, heading, note, show } from './format.js';

/** The seed question: a 6×8 array cut to 6×6 — contiguous or not, and where would a copy happen? */
export function stridedTour(): void {
  heading('1. A 6×8 array cut to 6×6');
  const a = fromValues('f64', Array.from({ length: 48 }, (_, i) => i), [6, 8]);
  const cut = a.slice(':, :6');
  show("a = fromValues('f64', 0..47, [6, 8])", String(a));
  show("cut = a.slice(':, :6')", String(cut));
  show('cut.isCContiguous', cut.isCContiguous);
  note('Each row of the cut starts 8 elements after the last; code that reads it linearly reads the wrong elements.');

  const flat = a.reshape([-1]);
  flat.set(-1, 47);
  show('a.reshape([-1])', `${String(flat)}  (a view: writing flat[47] changed a[5, 7] to ${a.get(5, 7)})`);
  caught('cut.reshape([-1])', () => cut.reshape([-1]));
  caught('kernels.sum(cut)  // past an `as` cast', () => kernels.sum(cut as View<'f64', 'C'>));
  const copied = ascontiguous(cut);
  show('ascontiguous(cut)', `${String(copied)}  (the explicit copy)`);
  show('ascontiguous(cut).reshape([-1]).size', copied.reshape([-1]).size);
  show('kernels.sum(ascontiguous(cut))', kernels.sum(copied));
  show('kernels.strided.sum(cut)', `${kernels.strided.sum(cut)}  (no copy: follows the strides)`);
}
