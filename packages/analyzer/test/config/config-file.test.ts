import { describe, expect, it } from 'vitest';
import { checks, parseConfig, resolveRules } from '../../src/index.js';

const read = (text: string) => parseConfig(checks, text, 'memsafe.config.json');

describe('memsafe.config.json', () => {
  it('reads a preset and rules as ESLint writes them, with comments and trailing commas', () => {
    const { config, problems } = read(`{
      // the team's choice
      "preset": "strict",
      "rules": {
        "no-stale-view": ["warn", { "checkAwait": false }],
        "memsafe/no-implicit-copy": "off", /* ESLint's rule id works too */
        "explicit-endianness": 1,
      },
    }`);
    expect(problems).toEqual([]);
    expect(config).toEqual({
      preset: 'strict',
      rules: {
        'no-stale-view': { severity: 'warn', options: { checkAwait: false } },
        'no-implicit-copy': { severity: 'off' },
        'explicit-endianness': { severity: 'warn' },
      },
    });
    const rules = resolveRules(checks, config);
    expect(rules['no-stale-view']).toEqual({ severity: 'warn', options: { checkAwait: false } });
    expect(rules['no-misaligned-view']).toEqual({ severity: 'error' });
    expect(rules['no-buffer-slice']).toEqual({ severity: 'off' });
  });

  it('layers --preset and --rule over the file, keeping the options', () => {
    const { config } = read('{ "preset": "strict", "rules": { "no-stale-view": ["warn", { "checkAwait": false }] } }');
    const rules = resolveRules(checks, config, { preset: 'recommended', rules: ['no-stale-view=error'] });
    expect(rules['no-stale-view']).toEqual({ severity: 'error', options: { checkAwait: false } });
    expect(rules['no-misaligned-view']).toEqual({ severity: 'off' });
  });

  it.each([
    ['{ "rules": { "no-stale-view": "warn" } ', "memsafe.config.json:1:40: '}' expected."],
    ['[]', 'memsafe.config.json: must hold an object, got []'],
    ['{ "extends": "strict" }', 'memsafe.config.json: unknown key "extends"; the keys are "preset" and "rules"'],
    ['{ "preset": "lenient" }', 'memsafe.config.json: "preset" must be "recommended", "strict", "all"; got "lenient"'],
    [
      '{ "rules": ["no-stale-view"] }',
      'memsafe.config.json: "rules" must be an object of rule names, got ["no-stale-view"]',
    ],
    [
      '{ "rules": { "no-such-rule": "error" } }',
      'memsafe.config.json: unknown rule "no-such-rule": memsafe\'s rules are no-stale-view, no-use-after-transfer, no-whole-backing-buffer, no-ambiguous-slice, no-lost-write, no-signed-wasm-pointer, explicit-endianness, no-implicit-copy, no-unnecessary-copy, no-misaligned-view, no-strided-data-escape, no-buffer-slice',
    ],
    [
      '{ "rules": { "no-stale-view": "loud" } }',
      'memsafe.config.json: "no-stale-view" must be "off", "warn" or "error" (or 0, 1, 2), alone or first in an array; got "loud"',
    ],
    [
      '{ "rules": { "no-stale-view": ["warn", {}, {}] } }',
      'memsafe.config.json: "no-stale-view" takes one options object after the severity, got 2',
    ],
    [
      '{ "rules": { "no-stale-view": ["warn", { "checkAwait": "yes" }] } }',
      'memsafe.config.json: the options of "no-stale-view".checkAwait must be a boolean, got "yes"',
    ],
    [
      '{ "rules": { "no-stale-view": ["warn", { "awaits": true }] } }',
      'memsafe.config.json: the options of "no-stale-view" has no "awaits"; it takes "exportObjects", "pureFunctions", "growingFunctions", "checkAwait", "checkKeptViews", "version"',
    ],
    [
      '{ "rules": { "no-lost-write": ["warn", { "strict": true }] } }',
      'memsafe.config.json: the options of "no-lost-write" has no "strict": this rule takes no options',
    ],
    [
      '{ "rules": { "no-stale-view": ["warn", { "pureFunctions": ["free", "free", 3] }] } }',
      'memsafe.config.json: the options of "no-stale-view".pureFunctions[2] must be a string, got 3',
    ],
  ])('names the mistake in %s', (text, problem) => {
    expect(read(text).problems).toContain(problem);
  });

  it('keeps the rules it could read when others are wrong, for an editor that goes on', () => {
    const { config, problems } = read('{ "rules": { "no-stale-view": "loud", "no-lost-write": "warn" } }');
    expect(problems).toHaveLength(1);
    expect(config.rules).toEqual({ 'no-lost-write': { severity: 'warn' } });
  });
});
