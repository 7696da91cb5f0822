import { noBufferSlice as check } from '@memsafe/analyzer';
import { ruleFor } from '../util/rule-for.js';

export type MessageIds = keyof typeof check.messages;

export default ruleFor(check);
