export * from './conversions/schema.js';
export { defineCheck, formatMessage, type Check, type CheckContext, type Report, type TextEdit, type Preset, type SuggestionReport } from './check.js';
export type { Finding, Severity } from './finding.js';
export { analyze, runCheck, toFinding, type RuleSetting, type RuleSettings, type ErrorListener, type FileRun } from './engine.js';
export { presetRules, applyRuleOverrides, isPreset, PRESETS, ConfigError } from './config.js';
export { checks, noStaleView, noWholeBackingBuffer } from './checks/index.js';
export type { NoStaleViewOptions } from './checks/no-stale-view/check.js';
export { classifyType, classifyNode } from './types/classify.js';
export { conversions, HAZARDS } from './conversions/table.js';
