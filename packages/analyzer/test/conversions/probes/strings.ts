// Probes for the string rows: encoders, decoders, Buffer encodings, atob/btoa, fromCharCode.
import { Buffer, transcode } from 'node:buffer';
import { boxed, detachedBytes, pooled } from './evidence.js';
import { filled } from './inputs.js';
import { constant, sideOf } from './sides.js';
import type { ProbeTable } from './types.js';

const REPLACEMENT = [0xef, 0xbf, 0xbd]; // U+FFFD in UTF-8

export const stringProbes: ProbeTable = {
  'str-text-encoder-encode': {
    run: () => ({
      source: constant('héllo'),
      result: sideOf(new TextEncoder().encode('héllo')),
      hazards: { 'lossy-decoding': () => new TextEncoder().encode('\ud800').join() === REPLACEMENT.join() },
    }),
  },
  'str-text-encoder-encode-into': {
    run() {
      const target = new Uint8Array(2);
      const { read } = new TextEncoder().encodeInto('abc', target);
      return {
        source: constant('abc'),
        result: sideOf(target),
        hazards: {
          truncation: () => read === 2,
          'lossy-decoding': () => {
            const out = new Uint8Array(3);
            new TextEncoder().encodeInto('\ud800', out);
            return out.join() === REPLACEMENT.join();
          },
        },
      };
    },
  },
  'str-text-decoder-decode': {
    run() {
      const source = new Uint8Array([104, 105]);
      return {
        source: sideOf(source),
        result: sideOf(new TextDecoder().decode(source)),
        hazards: {
          'lossy-decoding': () => new TextDecoder().decode(new Uint8Array([0xff])) === '\ufffd',
          'silent-empty-result': () => new TextDecoder().decode(detachedBytes()) === '',
        },
      };
    },
  },
  'str-buffer-from-encoding': {
    run() {
      const result = Buffer.from('AQI=', 'base64');
      return {
        source: constant('AQI='),
        result: sideOf(result),
        hazards: {
          'pool-aliasing': pooled(result),
          // The '$' is skipped, not reported.
          'lossy-decoding': () => Buffer.from('AQ$I=', 'base64').join() === '1,2',
          // Decoding stops at the first pair that is not hex.
          truncation: () => Buffer.from('abzz12', 'hex').join() === '171',
        },
      };
    },
  },
  'str-uint8-array-from-base64': {
    api: { name: 'Uint8Array.fromBase64', present: () => typeof BASE64.fromBase64 === 'function' },
    run() {
      return { source: constant('AQI='), result: sideOf(BASE64.fromBase64!('AQI=')), hazards: {} };
    },
  },
  'str-uint8-array-from-hex': {
    api: { name: 'Uint8Array.fromHex', present: () => typeof BASE64.fromHex === 'function' },
    run() {
      return { source: constant('0102'), result: sideOf(BASE64.fromHex!('0102')), hazards: {} };
    },
  },
  'str-uint8-array-to-base64': {
    api: { name: 'Uint8Array.prototype.toBase64', present: () => 'toBase64' in Uint8Array.prototype },
    run() {
      const source = new Uint8Array(filled(8), 2, 3);
      return {
        source: sideOf(source),
        result: constant((source as Uint8Array & Base64Methods).toBase64()),
        hazards: {},
      };
    },
  },
  'str-uint8-array-to-hex': {
    api: { name: 'Uint8Array.prototype.toHex', present: () => 'toHex' in Uint8Array.prototype },
    run() {
      const source = new Uint8Array(filled(8), 2, 3);
      return { source: sideOf(source), result: constant((source as Uint8Array & Base64Methods).toHex()), hazards: {} };
    },
  },
  'str-buffer-to-string-encoding': {
    run() {
      const source = Buffer.from([104, 105]);
      return {
        source: sideOf(source),
        result: sideOf(source.toString('latin1')),
        hazards: { 'lossy-decoding': () => Buffer.from([0xff]).toString('utf8') === '\ufffd' },
      };
    },
  },
  'str-buffer-to-string-range': {
    run() {
      const source = Buffer.from('hé');
      return {
        source: sideOf(source),
        result: sideOf(source.toString('utf8', 0, 2)),
        hazards: { 'lossy-decoding': () => source.toString('utf8', 0, 2) === 'h\ufffd' },
      };
    },
  },
  'str-buffer-write': {
    run() {
      const target = Buffer.alloc(2);
      const written = target.write('é!');
      return {
        source: constant('é!'),
        result: sideOf(target),
        hazards: { truncation: () => written === 2 && Buffer.byteLength('é!') === 3 },
      };
    },
  },
  'str-atob': {
    run() {
      const result = atob('AQI=');
      return {
        source: constant('AQI='),
        result: sideOf(result),
        hazards: { boxing: () => boxed(result)() && result === '\u0001\u0002' },
      };
    },
  },
  'str-btoa': {
    run: () => ({ source: constant('\u0001\u0002'), result: sideOf(btoa('\u0001\u0002')), hazards: {} }),
  },
  'str-from-char-code-spread': {
    run() {
      const source = new Uint8Array([104, 105]);
      const result = String.fromCharCode(...source);
      return {
        source: sideOf(source),
        result: sideOf(result),
        hazards: {
          boxing: boxed(result),
          'lossy-element-conversion': () => String.fromCharCode(...new Float64Array([65536 + 65.7])) === 'A',
        },
      };
    },
  },
  'str-from-char-code-apply': {
    run() {
      const source = new Uint8Array([104, 105]);
      const result = String.fromCharCode.apply(null, source as unknown as number[]);
      return {
        source: sideOf(source),
        result: sideOf(result),
        hazards: {
          boxing: boxed(result),
          'lossy-element-conversion': () =>
            String.fromCharCode.apply(null, new Float64Array([65536 + 65.7]) as unknown as number[]) === 'A',
        },
      };
    },
  },
  'str-transcode': {
    run() {
      const source = Buffer.from('h€');
      const result = transcode(source, 'utf8', 'ascii');
      return {
        source: sideOf(source),
        result: sideOf(result),
        hazards: { 'lossy-decoding': () => result.toString('latin1') === 'h?' },
      };
    },
  },
};

/** Node 25's base64 and hex methods, which TypeScript's es2024 library does not declare. */
interface Base64Methods {
  toBase64(): string;
  toHex(): string;
}
const BASE64 = Uint8Array as unknown as {
  readonly fromBase64?: (text: string) => Uint8Array;
  readonly fromHex?: (text: string) => Uint8Array;
};
