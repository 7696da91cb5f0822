import { explicitEndianness as check, type ExplicitEndiannessOptions } from '@memsafe/analyzer';
import { ruleFor } from '../util/rule-for.js';

export type MessageIds = keyof typeof check.messages;
export type Options = [Partial<ExplicitEndiannessOptions>?];

export default ruleFor(check);
