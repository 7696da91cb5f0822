import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { explainFile } from '../../src/index.js';
import { createProgram } from '../support/program.js';

function hazardsOf(code: string): Record<string, readonly string[]> {
  const { program, paths } = createProgram({ 'hazards.ts': code });
  const sourceFile = program.getSourceFile(paths[0]!)!;
  const entries = explainFile(ts, program.getTypeChecker(), sourceFile, program);
  return Object.fromEntries(entries.map(entry => [entry.text, entry.hazards]));
}

describe('the hazards explain and the hovers name, judged by element type', () => {
  it('names byte order and alignment only for elements wider than a byte', () => {
    const hazards = hazardsOf(`declare const buffer: ArrayBuffer;
export const bytes = new Uint8Array(buffer);
export const clamped = new Uint8ClampedArray(buffer);
export const doubles = new Float64Array(buffer);
`);
    expect(hazards['new Uint8Array(buffer)']).toEqual([]);
    expect(hazards['new Uint8ClampedArray(buffer)']).toEqual([]);
    expect(hazards['new Float64Array(buffer)']).toEqual(['misalignment-range-error', 'byte-order']);
  });

  it('takes Float16Array (Node 24) as a typed array of 2-byte elements', () => {
    const hazards = hazardsOf(`declare const buffer: ArrayBuffer;
export const a = new Float16Array(buffer);
export const b = new Float16Array(buffer, 2, 4);
`);
    expect(hazards['new Float16Array(buffer)']).toEqual(['misalignment-range-error', 'byte-order']);
    expect(hazards['new Float16Array(buffer, 2, 4)']).toEqual(['misalignment-range-error', 'byte-order']);
  });

  it('calls slice() class-dependent only where the receiver may be a Buffer', () => {
    const hazards = hazardsOf(`import { Buffer } from 'node:buffer';
declare const shorts: Int16Array;
declare const bytes: Uint8Array;
declare const buffer: Buffer;
declare const either: Int16Array | Float32Array;
export const a = shorts.slice(0, 2);
export const b = bytes.slice(0, 2);
export const c = buffer.slice(0, 2);
export const d = either.slice(0, 2);
`);
    expect(hazards['shorts.slice(0, 2)']).toEqual([]);
    expect(hazards['either.slice(0, 2)']).toEqual([]);
    expect(hazards['bytes.slice(0, 2)']).toEqual(['class-dependent']);
    expect(hazards['buffer.slice(0, 2)']).toContain('class-dependent');
  });
});
