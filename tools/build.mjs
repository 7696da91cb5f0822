#!/usr/bin/env node
// Builds every package (ESM with declarations via `tsc -b`, then a CommonJS copy for `require()`),
// after assembling the runtime's SIMD kernels, and assembles the WebAssembly text in examples/ into
// modules. No toolchain is downloaded: the `wabt` package assembles .wat in-process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleWat, assembleWatFile, singleMemory } from './wat.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

function run(args) {
  const result = spawnSync(process.execPath, [tsc, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build failed: tsc ${args.join(' ')}`);
    process.exit(result.status ?? 1);
  }
}

// The runtime's SIMD kernels are WebAssembly text; the modules are assembled here, on every build,
// into a TypeScript source that carries their bytes (gitignored: the .wat files are the source).
const watText = name => readFileSync(join(root, 'packages', 'runtime', 'wasm', name), 'utf8');
// Each text is written for operands in memories $m0, $m1, $m2; singleMemory() makes the form with one.
const kernelsText = watText('kernels.wat');
const relaxedText = watText('kernels-relaxed.wat');
const modules = {
  KERNELS_WASM: await assembleWat(singleMemory(kernelsText), 'kernels.wat'),
  KERNELS_MULTI_WASM: await assembleWat(kernelsText, 'kernels.wat', { multi_memory: true }),
  RELAXED_KERNELS_WASM: await assembleWat(singleMemory(relaxedText), 'kernels-relaxed.wat', { relaxed_simd: true }),
  RELAXED_MULTI_KERNELS_WASM: await assembleWat(relaxedText, 'kernels-relaxed.wat', {
    relaxed_simd: true,
    multi_memory: true,
  }),
};
writeFileSync(
  join(root, 'packages', 'runtime', 'src', 'kernels', 'wasm', 'module.generated.ts'),
  `// Assembled from packages/runtime/wasm/kernels.wat and kernels-relaxed.wat by tools/build.mjs. Do not edit.\n` +
    Object.entries(modules)
      .map(([name, bytes]) => `export const ${name}: readonly number[] = [${Array.from(bytes).join(',')}];\n`)
      .join(''),
);

run(['-b', 'tsconfig.json']);

const packagesDir = join(root, 'packages');
for (const name of readdirSync(packagesDir)) {
  const cjsConfig = join(packagesDir, name, 'tsconfig.cjs.json');
  if (!existsSync(cjsConfig)) continue;
  run(['-p', relative(root, cjsConfig)]);
  // The package is "type": "module"; this marker makes Node read dist/cjs as CommonJS.
  writeFileSync(join(packagesDir, name, 'dist', 'cjs', 'package.json'), '{ "type": "commonjs" }\n');
}

// The tsserver plugin is CommonJS: it type-checks against the analyzer's CommonJS declarations,
// which exist only now.
run(['-b', 'packages/ts-plugin']);

const watDir = join(root, 'examples', 'wasm');
const outDir = join(root, 'examples', 'dist', 'wasm');
mkdirSync(outDir, { recursive: true });
for (const file of readdirSync(watDir).filter(f => f.endsWith('.wat'))) {
  const bytes = await assembleWatFile(join(watDir, file));
  writeFileSync(join(outDir, file.replace(/\.wat$/, '.wasm')), bytes);
}
