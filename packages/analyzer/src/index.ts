export * from './conversions/schema.js';
export {
  defineCheck,
  formatMessage,
  type Check,
  type CheckContext,
  type Report,
  type TextEdit,
  type Preset,
  type SuggestionReport,
} from './check.js';
export type { Finding, Severity, Suppression } from './finding.js';
export {
  applyDirectives,
  applySuppressions,
  readDirectives,
  readSuppressions,
  SUPPRESSIONS_FILE_NAME,
  UNUSED_DIRECTIVE,
  UNUSED_DIRECTIVE_CODE,
  type Directive,
  type DirectiveOutcome,
  type Suppressions,
} from './suppressions/index.js';
export {
  analyze,
  runCheck,
  toFinding,
  type RuleSetting,
  type RuleSettings,
  type ErrorListener,
  type FileRun,
} from './engine.js';
export {
  applyRuleOverrides,
  CONFIG_FILE_NAME,
  CONFIG_PROBLEM_CODE,
  ConfigError,
  findConfigFile,
  isInPreset,
  isPreset,
  parseConfig,
  pluginEntryProblems,
  PRESETS,
  presetRules,
  readConfigFile,
  resolveRules,
  TS_PLUGIN_NAME,
  type ConfigReading,
  type MemsafeConfig,
} from './config/index.js';
export {
  checks,
  explicitEndianness,
  noBufferSlice,
  noStridedDataEscape,
  noMisalignedView,
  noUnnecessaryCopy,
  noImplicitCopy,
  noAmbiguousSlice,
  noLostWrite,
  noSignedWasmPointer,
  noStaleView,
  noUseAfterTransfer,
  noWholeBackingBuffer,
} from './checks/index.js';
export type { ExplicitEndiannessOptions } from './checks/explicit-endianness.js';
export type { NoImplicitCopyOptions } from './checks/no-implicit-copy/check.js';
export type { NoStaleViewOptions } from './checks/no-stale-view/check.js';
export type { NoSignedWasmPointerOptions } from './checks/no-signed-wasm-pointer/check.js';
export { classifyType, classifyNode } from './types/classify.js';
export { conversions, HAZARDS } from './conversions/table.js';
export { docsUrl, version } from './meta.js';
export { explainFile, explainNode, type Explanation } from './explain.js';
export { hoverLines } from './hover.js';
export { conversionAt } from './conversions/lookup.js';
export { main as runCli, type Io } from './cli/main.js';
export { CompilerError, loadCompiler, SUPPORTED_VERSIONS } from './compiler/load.js';
export { classicProjectHost } from './compiler/classic/host.js';
export type { ParsedTsconfig, ProjectHost } from './compiler/project-host.js';
