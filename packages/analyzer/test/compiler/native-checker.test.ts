import type TS from 'typescript';
import { describe, expect, it } from 'vitest';
import type { NativeChecker, NativeNodeHandle, NativeSymbol, NativeType } from '../../src/compiler/native/api.js';
import { nativeChecker } from '../../src/compiler/native/checker.js';

const symbol = (name: string, valueDeclaration?: NativeNodeHandle): NativeSymbol => ({
  id: name.length,
  name,
  escapedName: name,
  flags: 0,
  declarations: valueDeclaration === undefined ? [] : [valueDeclaration],
  valueDeclaration,
  getParent: () => undefined,
});

const type = (id: number): NativeType => ({
  id,
  flags: 0,
  objectFlags: 0,
  value: 0,
  getSymbol: () => undefined,
  getAliasSymbol: () => undefined,
  getTypes: () => undefined,
  isUnionType: () => false,
  isIntersectionType: () => false,
  isStringLiteralType: () => false,
  isNumberLiteralType: () => false,
});

/** A compiler process that counts the questions that reach it. */
function countingChecker(): { native: NativeChecker; asked: Map<string, number> } {
  const asked = new Map<string, number>();
  const count = (question: string): void => void asked.set(question, (asked.get(question) ?? 0) + 1);
  const declaration = {} as TS.Node;
  const memory = symbol('memory', {
    kind: 0,
    path: '/exports.ts',
    resolve: () => (count('resolve'), declaration),
  });
  const exports = type(1);
  const native: NativeChecker = {
    getSymbolAtLocation: () => (count('getSymbolAtLocation'), memory),
    getTypeAtLocation: () => (count('getTypeAtLocation'), exports),
    getAliasedSymbol: s => s,
    getShorthandAssignmentValueSymbol: () => undefined,
    getTypeOfSymbol: () => (count('getTypeOfSymbol'), exports),
    getTypeOfSymbolAtLocation: () => exports,
    getNonNullableType: t => (count('getNonNullableType'), t),
    getApparentType: t => (count('getApparentType'), t),
    getPropertyOfType: (_, name) => (count(`getPropertyOfType ${name}`), name === 'memory' ? memory : undefined),
    getTypeArguments: () => [],
    isArrayType: () => (count('isArrayType'), false),
    isUnknownSymbol: () => false,
    getAnyType: () => type(0),
    typeToString: () => 'Exports',
  };
  return { native, asked };
}

describe('the TypeScript 7 checker', () => {
  it('asks the compiler each question once per snapshot, and answers with the same objects', () => {
    const { native, asked } = countingChecker();
    const checker = nativeChecker(native);
    const node = {} as TS.Node;
    const other = {} as TS.Node;
    for (let round = 0; round < 3; round++) {
      const exports = checker.getTypeAtLocation(node);
      expect(checker.getTypeAtLocation(other)).toBe(exports);
      expect(checker.getSymbolAtLocation(node)).toBe(checker.getPropertyOfType(exports, 'memory'));
      expect(exports.getProperty('memory')).toBe(checker.getPropertyOfType(exports, 'memory'));
      expect(exports.getProperty('HEAPU8')).toBeUndefined();
      expect(checker.getTypeOfSymbol(checker.getSymbolAtLocation(node)!)).toBe(exports);
      expect(checker.getApparentType(checker.getNonNullableType(exports))).toBe(exports);
      expect(checker.isArrayType(exports)).toBe(false);
      // Resolving a declaration reads the tree of its file, through the process too.
      expect(checker.getSymbolAtLocation(node)!.valueDeclaration).toBe(
        checker.getSymbolAtLocation(node)!.declarations![0],
      );
    }
    expect(Object.fromEntries(asked)).toEqual({
      getTypeAtLocation: 2,
      getSymbolAtLocation: 1,
      'getPropertyOfType memory': 1,
      'getPropertyOfType HEAPU8': 1,
      getTypeOfSymbol: 1,
      getNonNullableType: 1,
      getApparentType: 1,
      isArrayType: 1,
      resolve: 2,
    });
  });
});
