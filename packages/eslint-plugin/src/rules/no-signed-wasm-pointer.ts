import { noSignedWasmPointer as check, type NoSignedWasmPointerOptions } from '@memsafe/analyzer';
import { ruleFor } from '../util/rule-for.js';

export type MessageIds = keyof typeof check.messages;
export type Options = [Partial<NoSignedWasmPointerOptions>?];

export default ruleFor(check);
