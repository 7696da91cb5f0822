import { numpySource, runtimeSource, type Outcome, type ViewCase } from './view-case.js';

export interface Mismatch {
  /** 0 is the base, k the result of the k-th operation. */
  readonly step: number;
  /** What differs: a layout field, `values`, the error kind, or `outcome` when only one side failed. */
  readonly field: string;
  readonly runtime: Outcome | undefined;
  readonly numpy: Outcome | undefined;
}

const VIEW_FIELDS = ['shape', 'strides', 'offset', 'c', 'f', 'values'] as const;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The first step at which the runtime and NumPy disagree, or null. Later steps are not compared:
 * they start from views that already differ, so they would only repeat the same disagreement.
 */
export function firstMismatch(runtime: readonly Outcome[], numpy: readonly Outcome[]): Mismatch | null {
  for (let step = 0; step < Math.max(runtime.length, numpy.length); step++) {
    const ours = runtime[step];
    const theirs = numpy[step];
    const field = differingField(ours, theirs);
    if (field !== null) return { step, field, runtime: ours, numpy: theirs };
  }
  return null;
}

function differingField(ours: Outcome | undefined, theirs: Outcome | undefined): string | null {
  if (ours === undefined || theirs === undefined || ours.kind !== theirs.kind) return 'outcome';
  if (ours.kind === 'error' && theirs.kind === 'error') {
    // An error neither side was expected to raise is never a match, even when both raise one.
    if (ours.error === 'unexpected' || theirs.error === 'unexpected') return 'unexpected error';
    return ours.error === theirs.error ? null : 'error kind';
  }
  if (ours.kind === 'view' && theirs.kind === 'view') {
    for (const field of VIEW_FIELDS) if (!same(ours[field], theirs[field])) return field;
  }
  return null;
}

function showOutcome(outcome: Outcome | undefined): string {
  if (outcome === undefined) return '(no step: the chain had already ended)';
  if (outcome.kind === 'error') return `${outcome.error} error — ${outcome.message}`;
  const values =
    outcome.values.length > 24
      ? `[${outcome.values.slice(0, 24).join(', ')}, … ${outcome.values.length} in all]`
      : `[${outcome.values.join(', ')}]`;
  return `shape [${outcome.shape.join(', ')}] strides [${outcome.strides.join(', ')}] offset ${outcome.offset} C ${outcome.c} F ${outcome.f} values ${values}`;
}

/** Everything needed to reproduce a mismatch by hand: both programs up to the failing step, and both answers. */
export function describeMismatch(testCase: ViewCase, mismatch: Mismatch, label: string): string {
  const stepName =
    mismatch.step === 0 ? 'the base' : `step ${mismatch.step} (${JSON.stringify(testCase.ops[mismatch.step - 1])})`;
  return [
    `${label}: ${mismatch.field} mismatch at ${stepName}`,
    `  runtime: ${runtimeSource(testCase, mismatch.step)}`,
    `           -> ${showOutcome(mismatch.runtime)}`,
    `  numpy:   ${numpySource(testCase, mismatch.step)}`,
    `           -> ${showOutcome(mismatch.numpy)}`,
  ].join('\n');
}
