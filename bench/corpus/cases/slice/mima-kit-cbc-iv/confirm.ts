import { createCipheriv } from 'node:crypto';
import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ aes128, cbc }: typeof Impl): void {
  // Node callers hand the kit Buffers: a key and an IV read from configuration.
  const key = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
  const iv = Buffer.from('a0a1a2a3a4a5a6a7a8a9aaabacadaeaf', 'hex');
  const ivBefore = iv.toString('hex');
  const message = new TextEncoder().encode('two blocks of plaintext, please!!');

  const first = Buffer.from(cbc(aes128)(key, iv).encrypt(message)).toString('hex');
  const c = createCipheriv('aes-128-cbc', key, Buffer.from(ivBefore, 'hex'));
  const expected = Buffer.concat([c.update(message), c.final()]).toString('hex');
  expect(first === expected, 'the CBC ciphertext differs from AES-128-CBC');
  expect(iv.toString('hex') === ivBefore, `encrypting changed the caller's IV to ${iv.toString('hex')}`);
  const second = Buffer.from(cbc(aes128)(key, iv).encrypt(message)).toString('hex');
  expect(second === first, 'encrypting the same message with the same key and IV again gives another ciphertext');
}
