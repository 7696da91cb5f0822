export { ConfigError } from './config-error.js';
export {
  CONFIG_FILE_NAME,
  CONFIG_PROBLEM_CODE,
  findConfigFile,
  parseConfig,
  readConfigFile,
  type ConfigReading,
  type MemsafeConfig,
} from './config-file.js';
export { optionsProblems } from './options-schema.js';
export { isInPreset, isPreset, presetRules, PRESETS } from './presets.js';
export { applyRuleOverrides, resolveRules } from './resolve.js';
export { readRuleEntry } from './rule-entry.js';
export { pluginEntryProblems, TS_PLUGIN_NAME } from './plugin-entry.js';
