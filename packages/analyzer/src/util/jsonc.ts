/**
 * JSON with comments and trailing commas, as TypeScript reads tsconfig.json: the one reader of
 * memsafe.config.json and of a tsconfig's own `references`, `files` and `include`, on either compiler.
 */
export type JsoncResult =
  { readonly value: unknown } | { readonly error: string; readonly line: number; readonly column: number };

export function parseJsonc(text: string): JsoncResult {
  let position = 0;

  class JsoncError extends Error {
    constructor(
      message: string,
      readonly at: number,
    ) {
      super(message);
    }
  }

  const skipBlank = (): void => {
    for (;;) {
      const rest = text.slice(position);
      const blank = /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)/.exec(rest);
      if (blank === null) {
        if (rest.startsWith('/*')) throw new JsoncError("'*/' expected.", text.length);
        return;
      }
      position += blank[0].length;
    }
  };
  const expect = (token: string): void => {
    skipBlank();
    if (!text.startsWith(token, position)) throw new JsoncError(`'${token}' expected.`, position);
    position += token.length;
  };
  const value = (): unknown => {
    skipBlank();
    const char = text[position];
    if (char === '{') return object();
    if (char === '[') return array();
    const literal = /^(?:"(?:[^"\\\n]|\\.)*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(
      text.slice(position),
    );
    if (literal === null) throw new JsoncError('Value expected.', position);
    position += literal[0].length;
    return JSON.parse(literal[0]) as unknown;
  };
  // `{ … }` and `[ … ]`, each member followed by a comma or the close, a comma allowed before it.
  const members = (close: string, member: () => void): void => {
    position += 1;
    for (;;) {
      skipBlank();
      if (text.startsWith(close, position)) {
        position += 1;
        return;
      }
      member();
      skipBlank();
      if (text.startsWith(',', position)) position += 1;
      else if (!text.startsWith(close, position)) throw new JsoncError(`'${close}' expected.`, position);
    }
  };
  const object = (): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    members('}', () => {
      skipBlank();
      const key = /^"(?:[^"\\\n]|\\.)*"/.exec(text.slice(position));
      if (key === null) throw new JsoncError('Property name expected.', position);
      position += key[0].length;
      expect(':');
      Object.defineProperty(result, JSON.parse(key[0]) as string, {
        value: value(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    });
    return result;
  };
  const array = (): unknown[] => {
    const result: unknown[] = [];
    members(']', () => result.push(value()));
    return result;
  };

  try {
    const parsed = value();
    skipBlank();
    if (position < text.length) throw new JsoncError('End of file expected.', position);
    return { value: parsed };
  } catch (error) {
    if (!(error instanceof JsoncError)) throw error;
    const before = text.slice(0, error.at).split('\n');
    return { error: error.message, line: before.length, column: before.at(-1)!.length + 1 };
  }
}
