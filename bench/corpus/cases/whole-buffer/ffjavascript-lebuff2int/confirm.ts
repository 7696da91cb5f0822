import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ leBuff2int, readFieldElement }: typeof Impl): void {
  // The BN254 prime, as the r1cs header stores it: 32 bytes little-endian after the section fields.
  const q = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;
  const qHex = q.toString(16).padStart(64, '0');
  const qLE = Buffer.from(qHex, 'hex').reverse();
  const section = Buffer.concat([Buffer.from([32, 0, 0, 0]), qLE, Buffer.from([7, 0, 0, 0])]);

  const fromSection = readFieldElement(section, 4, 32);
  expect(fromSection === q, `the prime read from the section is ${fromSection}, expected ${q}`);
  const small = Buffer.from('0a0b0c0d0e', 'hex');
  const direct = leBuff2int(small);
  expect(direct === 0x0e0d0c0b0an, `a 5-byte Buffer converts to ${direct.toString(16)}, expected e0d0c0b0a`);
}
