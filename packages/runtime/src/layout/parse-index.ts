import { IndexError } from '../errors.js';

/** One item of a NumPy basic index. */
export type IndexItem =
  | { readonly kind: 'integer'; readonly value: number }
  | {
      readonly kind: 'slice';
      readonly start: number | null;
      readonly stop: number | null;
      readonly step: number | null;
    }
  | { readonly kind: 'ellipsis' }
  | { readonly kind: 'newaxis' };

const INTEGER = /^[+-]?\d+$/;

/**
 * Parses NumPy basic-indexing text such as `':, :6'`, `'::-1, 2'`, `'..., 1:'` or `'None, :'`:
 * integers, `start:stop:step` slices with any part omitted, one `...`, and `None` / `newaxis`.
 * The empty string indexes nothing and selects the whole array, as `a[()]` does.
 */
export function parseIndex(spec: string): IndexItem[] {
  if (typeof spec !== 'string') {
    throw new IndexError(`an index must be NumPy basic-indexing text such as ':, ::2', got ${String(spec)}`);
  }
  const trimmed = spec.trim();
  if (trimmed === '') return [];
  const parts = trimmed.split(',');
  // Python accepts one trailing comma: `a[1,]` is `a[1]`.
  if (parts.length > 1 && parts[parts.length - 1]!.trim() === '') parts.pop();
  return parts.map(part => parseItem(part.trim(), spec));
}

function parseItem(text: string, spec: string): IndexItem {
  if (text === '...') return { kind: 'ellipsis' };
  if (text === 'None' || text === 'newaxis' || text === 'np.newaxis') return { kind: 'newaxis' };
  if (INTEGER.test(text)) return { kind: 'integer', value: toInteger(text, spec) };
  const bounds = text.split(':');
  if (bounds.length === 2 || bounds.length === 3) {
    const [start, stop, step] = bounds.map(bound => parseBound(bound.trim(), spec));
    return { kind: 'slice', start: start ?? null, stop: stop ?? null, step: step ?? null };
  }
  throw new IndexError(
    `cannot parse ${JSON.stringify(text === '' ? spec : text)} in index ${JSON.stringify(spec)}: ` +
      "each comma-separated item must be an integer, start:stop:step, '...' or None",
  );
}

function parseBound(text: string, spec: string): number | null {
  if (text === '') return null;
  if (!INTEGER.test(text)) {
    throw new IndexError(`slice bound ${JSON.stringify(text)} in index ${JSON.stringify(spec)} is not an integer`);
  }
  return toInteger(text, spec);
}

function toInteger(text: string, spec: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new IndexError(`${text} in index ${JSON.stringify(spec)} is too large to be an exact index`);
  }
  return value;
}
