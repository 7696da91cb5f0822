import { noStaleView as check, type NoStaleViewOptions } from '@memsafe/analyzer';
import { ruleFor } from '../util/rule-for.js';

export type MessageIds = keyof typeof check.messages;
export type Options = [Partial<NoStaleViewOptions>?];

export default ruleFor(check);
