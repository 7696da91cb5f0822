/** A TypeScript that is missing, too old, too new or broken: the CLI's exit 2, with these words. */
export class CompilerError extends Error {
  override readonly name = 'CompilerError';
}
