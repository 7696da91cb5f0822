// The published types, as a CommonJS project (`npm init -y`) sees them through require(): the
// package.json beside this file makes it a CommonJS module.
/* eslint-disable @typescript-eslint/no-require-imports -- what a CommonJS project writes */
import memsafe = require('@memsafe/eslint-plugin');
import eslint = require('eslint');
import eslintConfig = require('eslint/config');
import vitest = require('vitest');

const { expectTypeOf, test } = vitest;

test('require() gives the plugin, taken by ESLint.Plugin and defineConfig', () => {
  expectTypeOf(memsafe).toExtend<eslint.ESLint.Plugin>();
  expectTypeOf(memsafe.configs.recommended).toExtend<eslint.Linter.Config>();
  expectTypeOf(memsafe.fromConfigFile).returns.toExtend<eslint.Linter.Config>();
  eslintConfig.defineConfig([
    memsafe.configs.recommended,
    { files: ['**/*.js'], ...memsafe.configs.disableTypeChecked },
  ]);
});
