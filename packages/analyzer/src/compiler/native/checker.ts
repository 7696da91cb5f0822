import type TS from 'typescript';
import type { NativeChecker, NativeSymbol, NativeType } from './api.js';

/**
 * TypeScript 7's checker behind the part of TypeScript 6's `TypeChecker` the checks ask: its
 * symbols and types wrapped, once each, in objects with TypeScript 6's members (`getName()`,
 * `valueDeclaration` as a node, `isUnion()`, `getProperty()`), so that identity holds — the checks
 * key maps by symbol — and each declaration is resolved to its node only when read.
 */
export function nativeChecker(native: NativeChecker): TS.TypeChecker {
  const symbols = wrapperOf(wrapSymbol);
  const types = wrapperOf(wrapType);
  const symbolOf = (symbol: NativeSymbol | undefined): TS.Symbol | undefined =>
    symbol === undefined || native.isUnknownSymbol(symbol) ? undefined : symbols.of(symbol);
  const typeOf = (type: NativeType | undefined): TS.Type => types.of(type ?? native.getAnyType());
  const nativeSymbol = (symbol: TS.Symbol) => symbols.back(symbol);
  const nativeType = (type: TS.Type) => types.back(type);

  function wrapSymbol(symbol: NativeSymbol): TS.Symbol {
    let declarations: TS.Declaration[] | undefined;
    const resolved = (): TS.Declaration[] =>
      (declarations ??= symbol.declarations.flatMap(handle => (handle.resolve() as TS.Declaration | undefined) ?? []));
    let valueDeclaration: { readonly node: TS.Declaration | undefined } | undefined;
    const wrapped = {
      name: symbol.name,
      escapedName: symbol.escapedName,
      flags: symbol.flags,
      get declarations() {
        return symbol.declarations.length === 0 ? undefined : resolved();
      },
      get valueDeclaration() {
        valueDeclaration ??= { node: symbol.valueDeclaration?.resolve() as TS.Declaration | undefined };
        return valueDeclaration.node;
      },
      getName: () => symbol.name,
      getEscapedName: () => symbol.escapedName,
      getFlags: () => symbol.flags,
      getDeclarations: () => (symbol.declarations.length === 0 ? undefined : resolved()),
    };
    return wrapped as unknown as TS.Symbol;
  }

  function wrapType(type: NativeType): TS.Type {
    const wrapped = {
      flags: type.flags,
      objectFlags: type.objectFlags,
      value: type.value,
      get symbol() {
        return symbolOf(type.getSymbol());
      },
      get aliasSymbol() {
        return symbolOf(type.getAliasSymbol());
      },
      get types() {
        return type.getTypes()?.map(member => typeOf(member));
      },
      getFlags: () => type.flags,
      getSymbol: () => symbolOf(type.getSymbol()),
      getProperty: (name: string) => properties(types.of(type))(name),
      getNonNullableType: () => nonNullable(types.of(type)),
      isUnion: () => type.isUnionType(),
      isIntersection: () => type.isIntersectionType(),
      isUnionOrIntersection: () => type.isUnionType() || type.isIntersectionType(),
      isStringLiteral: () => type.isStringLiteralType(),
      isNumberLiteral: () => type.isNumberLiteralType(),
      isLiteral: () => type.isStringLiteralType() || type.isNumberLiteralType(),
    };
    return wrapped as unknown as TS.Type;
  }

  // Each question crosses to the compiler's process: within a snapshot the answers never change,
  // and the checks ask the same ones again and again (a type's `memory` once per call site).
  const symbolAtLocation = memo((node: TS.Node) => symbolOf(native.getSymbolAtLocation(node)), new WeakMap());
  const typeAtLocation = memo((node: TS.Node) => typeOf(native.getTypeAtLocation(node)), new WeakMap());
  const typeOfSymbol = memo((symbol: TS.Symbol) => typeOf(native.getTypeOfSymbol(nativeSymbol(symbol))), new WeakMap());
  const nonNullable = memo((type: TS.Type) => typeOf(native.getNonNullableType(nativeType(type))), new WeakMap());
  const apparent = memo((type: TS.Type) => typeOf(native.getApparentType(nativeType(type))), new WeakMap());
  const isArray = memo((type: TS.Type) => native.isArrayType(nativeType(type)), new WeakMap());
  const typeArguments = memo(
    (type: TS.Type) => native.getTypeArguments(nativeType(type)).map(typeOf),
    new WeakMap<TS.Type, readonly TS.Type[]>(),
  );
  const properties = memo(
    (type: TS.Type) =>
      memo(
        (name: string) => symbolOf(native.getPropertyOfType(nativeType(type), name)),
        new Map<string, TS.Symbol | undefined>(),
      ),
    new WeakMap(),
  );

  const checker = {
    getSymbolAtLocation: symbolAtLocation,
    getTypeAtLocation: typeAtLocation,
    getAliasedSymbol: (symbol: TS.Symbol) => symbolOf(native.getAliasedSymbol(nativeSymbol(symbol))) ?? symbol,
    getShorthandAssignmentValueSymbol: (node: TS.Node) => symbolOf(native.getShorthandAssignmentValueSymbol(node)),
    getTypeOfSymbol: typeOfSymbol,
    getTypeOfSymbolAtLocation: (symbol: TS.Symbol, node: TS.Node) =>
      typeOf(native.getTypeOfSymbolAtLocation(nativeSymbol(symbol), node)),
    getNonNullableType: nonNullable,
    getApparentType: apparent,
    getPropertyOfType: (type: TS.Type, name: string) => properties(type)(name),
    getTypeArguments: typeArguments,
    isArrayType: isArray,
    getAnyType: () => typeOf(native.getAnyType()),
    typeToString: (type: TS.Type) => native.typeToString(nativeType(type)),
    // TypeScript 7 has no getFullyQualifiedName: the names from the outermost container in.
    getFullyQualifiedName: (symbol: TS.Symbol) => {
      const names: string[] = [];
      for (
        let current: NativeSymbol | undefined = nativeSymbol(symbol);
        current !== undefined;
        current = current.getParent()
      )
        names.unshift(current.name);
      return names.join('.');
    },
  };
  return checker as unknown as TS.TypeChecker;
}

/** One wrapper per native object, made when first asked for, and the way back from it. */
function wrapperOf<Native extends object, Wrapped extends object>(
  wrap: (native: Native) => Wrapped,
): { of(native: Native): Wrapped; back(wrapped: Wrapped): Native } {
  const wrappers = new WeakMap<Native, Wrapped>();
  const natives = new WeakMap<Wrapped, Native>();
  return {
    of(native) {
      let wrapped = wrappers.get(native);
      if (wrapped === undefined) {
        wrapped = wrap(native);
        wrappers.set(native, wrapped);
        natives.set(wrapped, native);
      }
      return wrapped;
    },
    back(wrapped) {
      const native = natives.get(wrapped);
      if (native === undefined) throw new TypeError('memsafe: a TypeScript 6 symbol or type was given to TypeScript 7');
      return native;
    },
  };
}

/** Where `memo` keeps its answers: a WeakMap for objects, a Map for names. */
interface Answers<Key, Value> {
  get(key: Key): Value | undefined;
  has(key: Key): boolean;
  set(key: Key, value: Value): unknown;
}

/** `compute`, asked once per key. */
function memo<Key, Value>(compute: (key: Key) => Value, known: Answers<Key, Value>): (key: Key) => Value {
  return key => {
    if (known.has(key)) return known.get(key) as Value;
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}
