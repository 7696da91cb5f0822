import type TS from 'typescript';
import { ConversionMatcher } from './match.js';
import type { ConversionRow } from './schema.js';
import { conversions } from './table.js';

let matcher: ConversionMatcher | undefined;

/** The row of the conversion table that `node` is, if any: the rules, hovers and `explain` all ask this. */
export function conversionAt(ts: typeof TS, checker: TS.TypeChecker, node: TS.Node): ConversionRow | undefined {
  matcher ??= new ConversionMatcher(conversions);
  return matcher.match(ts, checker, node);
}
