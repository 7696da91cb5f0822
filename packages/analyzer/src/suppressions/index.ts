export { readDirectives, type Directive, type DirectiveKind } from './directives.js';
export { applyDirectives, UNUSED_DIRECTIVE, UNUSED_DIRECTIVE_CODE, type DirectiveOutcome } from './inline.js';
export {
  applySuppressions,
  pruneSuppressions,
  readSuppressions,
  recordSuppressions,
  SUPPRESSIONS_FILE_NAME,
  writeSuppressions,
  type Suppressions,
  type UnusedSuppression,
} from './bulk.js';
