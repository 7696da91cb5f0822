import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checks, version as analyzerVersion } from '@memsafe/analyzer';
import { describe, expect, it, vi } from 'vitest';
import plugin from '../src/index.js';
import { rules } from '../src/rules/index.js';
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

  it('exposes flat configs for TypeScript files that register the plugin as memsafe', () => {
    for (const preset of ['recommended', 'strict', 'all'] as const) {
      const config = plugin.configs[preset];
      expect(config.name).toBe(`memsafe/${preset}`);
      expect(config.files).toEqual(['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts']);
      expect(config.plugins?.['memsafe']).toBe(plugin);
      for (const ruleId of Object.keys(config.rules ?? {})) expect(ruleId).toMatch(/^memsafe\/[a-z-]+$/);
    }
    expect(Object.keys(plugin.configs.all.rules ?? {})).toEqual(checks.map(check => `memsafe/${check.id}`));
    const recommended = checks.filter(check => check.preset === 'recommended').map(check => `memsafe/${check.id}`);
    expect(Object.keys(plugin.configs.recommended.rules ?? {})).toEqual(recommended);
  });

  it('turns every rule off in disableTypeChecked, for files without type information', () => {
    expect(plugin.configs.disableTypeChecked).toEqual({
      name: 'memsafe/disable-type-checked',
      rules: Object.fromEntries(checks.map(check => [`memsafe/${check.id}`, 'off'])),
    });
  });

  describe('fromConfigFile', () => {
    const directory = () => mkdtempSync(join(tmpdir(), 'memsafe-eslint-config-'));

    it('sets every rule as memsafe.config.json does, options included', () => {
      const file = join(directory(), 'memsafe.config.json');
      writeFileSync(file, '{ "preset": "strict", "rules": { "no-stale-view": ["warn", { "checkAwait": false }] } }');
      const config = plugin.fromConfigFile(file);
      expect(config.name).toBe('memsafe/config-file');
      expect(config.files).toEqual(plugin.configs.strict.files);
      expect(config.plugins?.['memsafe']).toBe(plugin);
      expect(config.rules?.['memsafe/no-stale-view']).toEqual(['warn', { checkAwait: false }]);
      expect(config.rules?.['memsafe/no-misaligned-view']).toBe('error');
      expect(config.rules?.['memsafe/no-buffer-slice']).toBe('off');
      expect(Object.keys(config.rules ?? {})).toEqual(checks.map(check => `memsafe/${check.id}`));
    });

    it('finds the nearest file at or above the working directory', () => {
      const root = directory();
      mkdirSync(join(root, 'packages', 'app'), { recursive: true });
      writeFileSync(join(root, 'memsafe.config.json'), '{ "rules": { "no-lost-write": "off" } }');
      vi.spyOn(process, 'cwd').mockReturnValue(join(root, 'packages', 'app'));
      try {
        expect(plugin.fromConfigFile().rules?.['memsafe/no-lost-write']).toBe('off');
      } finally {
        vi.restoreAllMocks();
      }
    });

    it('throws, naming the mistake, rather than lint with other rules', () => {
      const file = join(directory(), 'memsafe.config.json');
      writeFileSync(file, '{ "rules": { "no-stale-view": "loud" } }');
      expect(() => plugin.fromConfigFile(file)).toThrow(
        `memsafe: ${file}: "no-stale-view" must be "off", "warn" or "error" (or 0, 1, 2), alone or first in an array; got "loud"`,
      );
      const empty = directory();
      vi.spyOn(process, 'cwd').mockReturnValue(empty);
      try {
        expect(() => plugin.fromConfigFile()).toThrow(
          `memsafe: no memsafe.config.json at or above ${empty}; create one, or pass its path to memsafe.fromConfigFile()`,
        );
      } finally {
        vi.restoreAllMocks();
      }
    });
  });

  it('is one object whether imported or required, so ESLint never sees two plugins named memsafe', async () => {
    const required = createRequire(import.meta.url)('@memsafe/eslint-plugin') as typeof plugin;
    const imported = (await import('@memsafe/eslint-plugin')).default;
    expect(imported).toBe(required);
    expect(required.configs.recommended.plugins?.['memsafe']).toBe(required);
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
