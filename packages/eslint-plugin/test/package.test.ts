import { readdirSync, readFileSync } from 'node:fs';
import { checks, version as analyzerVersion } from '@memsafe/analyzer';
import { describe, expect, it } from 'vitest';
import plugin, { rules } from '../src/index.js';
import { version } from '../src/version.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const ruleFiles = readdirSync(new URL('../src/rules', import.meta.url)).filter(file => file !== 'index.ts');
const testFiles = readdirSync(new URL('./rules', import.meta.url));

describe('the plugin package', () => {
  it('has one rule per analyzer check, named after it, each in a file of its own with a test', () => {
    const ids = checks.map(check => check.id);
    expect(Object.keys(rules)).toEqual(ids);
    expect(ruleFiles.sort()).toEqual(ids.map(id => `${id}.ts`).sort());
    expect(testFiles.sort()).toEqual(ids.map(id => `${id}.test.ts`).sort());
  });

  it.each(checks.map(check => [check.id, check] as const))(
    '%s has valid metadata taken from its check',
    (id, check) => {
      const rule = rules[id as keyof typeof rules];
      expect(['problem', 'suggestion', 'layout']).toContain(rule.meta.type);
      expect(rule.meta.docs?.description).toBe(check.description);
      expect(rule.meta.docs?.url).toBe(`https://github.com/memsafe/memsafe/blob/main/docs/rules/${id}.md`);
      expect(rule.meta.docs?.requiresTypeChecking).toBe(true);
      expect(rule.meta.messages).toEqual(check.messages);
      expect(Object.keys(rule.meta.messages).every(messageId => /^[a-z][A-Za-z]*$/.test(messageId))).toBe(true);
      expect(rule.meta.fixable).toBe(check.fixable);
      expect(rule.meta.hasSuggestions).toBe(check.hasSuggestions);
      expect(check.code).toBeGreaterThanOrEqual(91001);
    },
  );

  it('exposes flat configs that register the plugin as memsafe', () => {
    for (const preset of ['recommended', 'strict', 'all'] as const) {
      const config = plugin.configs[preset];
      expect(config.name).toBe(`memsafe/${preset}`);
      expect(config.plugins?.['memsafe']).toBe(plugin);
      for (const ruleId of Object.keys(config.rules ?? {})) expect(ruleId).toMatch(/^memsafe\/[a-z-]+$/);
    }
    expect(Object.keys(plugin.configs.all.rules ?? {})).toEqual(checks.map(check => `memsafe/${check.id}`));
    const recommended = checks.filter(check => check.preset === 'recommended').map(check => `memsafe/${check.id}`);
    expect(Object.keys(plugin.configs.recommended.rules ?? {})).toEqual(recommended);
  });

  it('states the versions its package.json states', () => {
    expect(plugin.meta.version).toBe(version);
    const manifest = (path: string) => JSON.parse(read(path)) as { version: string };
    expect(manifest('../package.json').version).toBe(version);
    expect(manifest('../../analyzer/package.json').version).toBe(analyzerVersion);
  });

  it('gives every check a distinct diagnostic code', () => {
    const codes = checks.map(check => check.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
