import type TS from 'typescript';
import { ELEMENT_SIZES } from '../types/classify.js';
import type { ConversionRow, Hazard } from './schema.js';

/**
 * The hazards of a conversion row that hold where the code makes it, judged by element types: the
 * table's row covers every typed array class, but byte order and alignment only matter for elements
 * wider than a byte (`new Uint8Array(buffer)` has neither), and only a Uint8Array can be a Node
 * Buffer at run time (`Int16Array#slice` always copies).
 */
export function hazardsAt(ts: typeof TS, checker: TS.TypeChecker, node: TS.Node, row: ConversionRow): Hazard[] {
  return row.hazards.filter(hazard => {
    if (hazard === 'misalignment-range-error' || hazard === 'byte-order') {
      const sizes = elementSizes(ts, checker.getTypeAtLocation(node));
      return sizes === undefined || sizes.some(size => size > 1);
    }
    if (hazard === 'class-dependent') {
      const receiver = receiverOf(ts, node);
      if (receiver === undefined) return true;
      const classes = classNames(ts, checker.getTypeAtLocation(receiver));
      return classes === undefined || classes.some(name => name === 'Uint8Array' || name === 'Buffer');
    }
    return true;
  });
}

function receiverOf(ts: typeof TS, node: TS.Node): TS.Expression | undefined {
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) return node.expression.expression;
  return undefined;
}

/** The typed array classes a type can be; undefined when it may be anything else (a Buffer, a view, any). */
function classNames(ts: typeof TS, type: TS.Type): string[] | undefined {
  const parts = type.isUnion() ? type.types : [type];
  const names: string[] = [];
  for (const part of parts) {
    if (part.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) continue;
    const name = (part.getSymbol() ?? part.aliasSymbol)?.getName();
    if (name === undefined || !(name in ELEMENT_SIZES || name === 'Buffer')) return undefined;
    names.push(name);
  }
  return names.length === 0 ? undefined : names;
}

function elementSizes(ts: typeof TS, type: TS.Type): number[] | undefined {
  const names = classNames(ts, type);
  return names?.map(name => ELEMENT_SIZES[name] ?? 1);
}
