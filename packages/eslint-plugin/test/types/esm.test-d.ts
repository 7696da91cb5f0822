// The published types, as an ES module project sees them: the plugin and each config are taken by
// ESLint's own types and helpers with no cast, as typescript-eslint's and eslint-plugin-unicorn's are.
import memsafe from '@memsafe/eslint-plugin';
import type { ESLint, Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { expectTypeOf, test } from 'vitest';

test('the plugin is an ESLint.Plugin, with meta, rules and configs', () => {
  expectTypeOf(memsafe).toExtend<ESLint.Plugin>();
  expectTypeOf(memsafe.meta.name).toEqualTypeOf<string>();
  expectTypeOf(memsafe.rules).toExtend<NonNullable<ESLint.Plugin['rules']>>();
});

test('each config is a Linter.Config', () => {
  expectTypeOf(memsafe.configs.recommended).toExtend<Linter.Config>();
  expectTypeOf(memsafe.configs.strict).toExtend<Linter.Config>();
  expectTypeOf(memsafe.configs.all).toExtend<Linter.Config>();
  expectTypeOf(memsafe.configs.disableTypeChecked).toExtend<Linter.Config>();
  expectTypeOf(memsafe.fromConfigFile).returns.toExtend<Linter.Config>();
  // @ts-expect-error: there is no such preset
  void memsafe.configs.lenient;
});

test("ESLint's defineConfig and typescript-eslint's config take them as they are", () => {
  defineConfig([
    tseslint.configs.recommendedTypeChecked,
    memsafe.configs.recommended,
    { files: ['**/*.js'], extends: [memsafe.configs.disableTypeChecked] },
    { plugins: { memsafe }, rules: { 'memsafe/no-stale-view': ['warn', { checkAwait: false }] } },
  ]);
  defineConfig({ extends: [memsafe.configs.strict, memsafe.fromConfigFile('memsafe.config.json')] });
  tseslint.config(memsafe.configs.all);
  const configs: Linter.Config[] = [memsafe.configs.recommended, memsafe.fromConfigFile()];
  void configs;
});
