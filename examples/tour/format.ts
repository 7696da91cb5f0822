import { styleText } from 'node:util';

/** Colour only where a person reads a terminal, and never against NO_COLOR. */
const colour = process.stdout.isTTY === true && process.env['NO_COLOR'] === undefined;

type Style = Parameters<typeof styleText>[0];
const paint = (style: Style, text: string): string => (colour ? styleText(style, text) : text);

export function heading(text: string): void {
  console.log(`\n${paint('bold', text)}\n${paint('dim', '─'.repeat(text.length))}`);
}

/** A line of code and what it gave. */
export function show(code: string, result: unknown): void {
  console.log(`  ${paint('cyan', code.padEnd(44))} ${paint('dim', '→')} ${String(result)}`);
}

/** A line of code and the named error it threw: the runtime's answer where JS would give a silent wrong one. */
export function caught(code: string, run: () => unknown): void {
  try {
    const value = run();
    show(code, `${String(value)} ${paint('red', '(expected an error)')}`);
    process.exitCode = 1;
  } catch (error) {
    const { name, message } = error as Error;
    console.log(`  ${paint('cyan', code.padEnd(44))} ${paint('dim', '→')} ${paint('yellow', name)}`);
    console.log(`      ${paint('dim', message)}`);
  }
}

export function note(text: string): void {
  console.log(`  ${paint('dim', text)}`);
}
