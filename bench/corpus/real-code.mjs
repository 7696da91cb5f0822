#!/usr/bin/env node
// memsafe on real code nobody wrote for it: the TypeScript sources that some npm packages working
// with WebAssembly memory and binary data ship in their tarballs. Each package is installed at a
// pinned version into bench/corpus/.real-code/ (gitignored), its sources are copied next to the
// install (a copy outside node_modules, so nothing treats them as a dependency), and a tsconfig is
// written for it. The script builds one ts.Program per package, runs the `recommended` and `strict`
// presets over its sources, and prints per package its files, lines and findings, then every
// `recommended` finding. real-code.md judges those findings one by one.
//
// The packages come in five groups. The first twelve were judged before the analyzer was improved
// against their false alarms. The first held-out group (`heldOut: true`, or 1) was added afterwards
// and judged fresh; the analyzer has since been corrected against its false alarms too. The second
// held-out group (`heldOut: 2`) was added after that and judged fresh, the third (`heldOut: 3`) after
// the second and the fourth (`heldOut: 4`) after the third, each judged fresh too. A held-out group's
// false-alarm rate says how precise the rules are on code they were not tuned on only until the rules
// are corrected against it, so the table gives each group its own total.
//
//   npm run build --silent && node bench/corpus/real-code.mjs [--strict] [--json] [--type-errors] [--reinstall]
//
// --strict       also lists the findings that `strict` adds to `recommended`
// --json         prints everything as JSON instead of text (each package's `heldOut` is its group: 0 to 4)
// --type-errors  also lists each package's type errors
// --reinstall    installs and copies every package again, even when the pinned version is there
//
// Lines are every line of the analysed files (comments and blank lines included, .d.ts files
// excluded), counted as lint-cost.mjs counts them. The sources are type-checked loosely (strict off)
// and not every import resolves (a package may import build artefacts it does not ship): the type
// errors are counted per package, and the checks see `any` wherever a type could not be found.
// A check that throws is printed with its stack, and the script then exits with 2.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyze, checks, presetRules } from '@memsafe/analyzer';
import ts from 'typescript';
import { commitOf } from '../machine.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const scratch = join(here, '.real-code');

// The packages, pinned. `sources` are the folders of the tarball that hold its TypeScript; every
// .ts/.mts/.cts file under them (but .d.ts) is analysed. `why` says what binary work the code does.
// `typings` are type packages from the package's devDependencies that its sources need (installed
// beside it, pinned too), and `types` the names that go into its tsconfig's `types` besides node.
// `place` copies files of the tarball to another path in the copy, for sources that import build
// output from where their own build puts it. `heldOut` marks the packages added after the rules were
// tuned on the others, with the number of their group (`true` is 1; see the top).
const PACKAGES = [
  {
    name: 'onnxruntime-web',
    version: '1.30.0',
    sources: ['lib'],
    // Without @types/emscripten its Module has no HEAP views (they would be `any` to the checks).
    typings: { '@types/emscripten': '1.41.6', '@webgpu/types': '0.1.74' },
    types: ['emscripten', '@webgpu/types'],
    why: 'Emscripten HEAP views for tensors and session I/O, WebGPU/WebNN buffers, typed-array tensor code',
  },
  {
    name: 'hash-wasm',
    version: '4.13.0',
    sources: ['lib'],
    why: 'hand-written glue over raw wasm memory (memory.buffer views, growth)',
  },
  {
    name: '@loaders.gl/draco',
    version: '4.5.4',
    sources: ['src'],
    why: 'Draco decoder through Emscripten (HEAP views, _malloc)',
  },
  {
    name: '@loaders.gl/las',
    version: '4.5.1',
    sources: ['src'],
    why: 'LAS/LAZ point clouds: laz-perf Emscripten glue (generated, shipped as .ts), laz-rs wasm-bindgen, DataView parsing',
  },
  {
    name: '@loaders.gl/textures',
    version: '4.5.4',
    sources: ['src'],
    why: 'Basis/KTX2 transcoding through Emscripten, compressed texture parsing',
  },
  {
    name: '@loaders.gl/compression',
    version: '4.5.4',
    sources: ['src'],
    why: 'zlib/zstd/lz4/brotli/snappy wrappers over ArrayBuffers',
  },
  {
    name: '@loaders.gl/parquet',
    version: '4.5.2',
    sources: ['src'],
    why: 'Parquet: parquet-wasm, thrift and page decoding over Buffers',
  },
  {
    name: 'zarrita',
    version: '0.7.5',
    sources: ['src'],
    why: 'Zarr v2/v3 chunks: codecs, strided typed arrays, byte-order handling',
  },
  {
    name: '@noble/hashes',
    version: '2.4.0',
    sources: ['src'],
    why: 'hashes over Uint8Array/Uint32Array views of shared buffers',
  },
  {
    name: 'flatbuffers',
    version: '25.9.23',
    sources: ['ts'],
    why: 'ByteBuffer and Builder over a growing ArrayBuffer',
  },
  {
    name: 'apache-arrow',
    version: '21.2.0',
    sources: ['src'],
    why: 'columnar buffers, IPC reading and writing, typed-array views of messages',
  },
  {
    name: '@msgpack/msgpack',
    version: '3.1.3',
    sources: ['src'],
    why: 'encoder with a growing buffer, decoder over DataView and subarrays',
  },
  // Held out: added after the analyzer had been improved against the twelve above, and judged
  // fresh, so that their false alarms measure precision on code the rules were not tuned on.
  {
    name: 'itk-wasm',
    version: '1.0.0-b.201',
    sources: ['src'],
    // Its Emscripten module types come from @types/emscripten, a dependency (installed with it).
    types: ['emscripten'],
    heldOut: true,
    why: 'Emscripten pipelines: images and meshes copied into and out of HEAP views, _malloc/_free, transferables',
  },
  {
    name: '@dimforge/rapier3d',
    version: '0.21.0',
    sources: ['src'],
    // src/raw.ts re-exports './rapier_wasm3d', the wasm-bindgen glue its build generates into src/;
    // the tarball ships that glue's declarations at its root. Without them every Raw* class is `any`.
    place: { 'src/rapier_wasm3d.d.ts': 'rapier_wasm3d.d.ts' },
    heldOut: true,
    why: 'physics over wasm-bindgen handles: typed arrays to and from wasm memory, a Float64Array/Uint32Array pun',
  },
  {
    name: 'bson',
    version: '7.3.4',
    sources: ['src'],
    heldOut: true,
    why: 'BSON serializer and deserializer over Uint8Array/Buffer and DataView, byte utils for Node and the web',
  },
  {
    name: 'pg-protocol',
    version: '1.16.1',
    sources: ['src'],
    // Its tarball ships its mocha tests in src/; their globals need these types.
    typings: { '@types/mocha': '10.0.10' },
    types: ['mocha'],
    heldOut: true,
    why: 'PostgreSQL wire protocol: a growing Buffer writer, a reader over chunks joined from the socket',
  },
  {
    name: 'multiformats',
    version: '14.0.5',
    sources: ['src'],
    heldOut: true,
    why: 'CIDs, multihashes and base encodings over Uint8Array views, varints',
  },
  // Second held-out group: added after the analyzer had been corrected against the first one's false
  // alarms, and judged fresh.
  {
    name: '@gltf-transform/core',
    version: '4.5.1',
    sources: ['src'],
    heldOut: 2,
    why: 'glTF/GLB reading and writing: chunk headers as Uint32Array views, buffer views and accessors as typed arrays over shared buffers, image headers read through DataViews',
  },
  {
    name: '@gltf-transform/extensions',
    version: '4.5.1',
    sources: ['src'],
    // Its sources import the Draco and meshoptimizer modules' types only (the application supplies the
    // modules); without these the Draco decoder's HEAP views would be `any` to the checks.
    typings: { '@types/draco3dgltf': '1.4.3', meshoptimizer: '1.3.0' },
    heldOut: 2,
    why: 'Draco decoding through Emscripten (_malloc, HEAP views copied out, _free), meshopt, KTX2, WebP and AVIF image headers, instancing',
  },
  {
    name: '@mcap/core',
    version: '2.2.2',
    sources: ['src'],
    // Its tarball ships its jest tests in src/; their globals need these types.
    typings: { '@types/jest': '29.5.14' },
    types: ['jest'],
    heldOut: 2,
    why: 'MCAP log files: DataView readers over records, a stream reader that joins chunks into one growing buffer, a growing record builder',
  },
  {
    name: '@ton/core',
    version: '0.63.1',
    sources: ['src'],
    heldOut: 2,
    why: 'TON cells: bit strings over Buffers, bag-of-cells serialization and parsing with a CRC32C',
  },
  {
    name: 'wasmparser',
    version: '5.11.1',
    sources: ['src'],
    heldOut: 2,
    why: 'WebAssembly binary parser and disassembler: a reader over a Uint8Array fed in pieces',
  },
  {
    name: '@wapc/host',
    version: '0.0.3',
    sources: ['src'],
    heldOut: 2,
    why: "waPC host: reads and writes a guest module's memory.buffer through DataView and Uint8Array views",
  },
  // Third held-out group: added after the second had been judged, and judged fresh.
  {
    name: '@picovoice/orca-web',
    version: '3.0.1',
    sources: ['src'],
    // Its Emscripten module type comes from @types/emscripten in its devDependencies (the version it
    // pins), and its mutex and SIMD probe from two more of them (bundled into its build); `web-worker:`
    // imports are declared in its root module.d.ts, which its own tsconfig includes.
    typings: { '@types/emscripten': '1.40.0', 'async-mutex': '0.4.1', 'wasm-feature-detect': '1.9.0' },
    types: ['emscripten'],
    place: { 'src/module.d.ts': 'module.d.ts' },
    heldOut: 3,
    why: 'Orca text-to-speech through Emscripten: text copied into the heap with _malloc, PCM and alignments read out of HEAP16/HEAP32/HEAPF32, a worker',
  },
  {
    name: '@picovoice/web-utils',
    version: '1.4.8',
    sources: ['src'],
    // The Asyncify wrapper it instantiates its modules with is a devDependency (bundled into its build).
    typings: { 'asyncify-wasm': '1.2.1' },
    heldOut: 3,
    why: "Picovoice's glue for hand-instantiated wasm: views of memory.buffer around aligned_alloc, file and HTTPS imports writing into wasm memory, model files in IndexedDB",
  },
  {
    name: 'ag-psd',
    version: '31.0.2',
    sources: ['src'],
    // pako, its dependency, ships no types; without these its inflate and deflate would be `any`.
    typings: { '@types/pako': '2.0.3' },
    heldOut: 3,
    why: 'Photoshop PSD/PSB reading and writing: a DataView reader and a growing writer, RLE and ZIP channel data, JPEG decoding, typed-array image data',
  },
  {
    name: '@ethereumjs/evm',
    version: '10.1.3',
    sources: ['src'],
    heldOut: 3,
    why: 'the Ethereum virtual machine: a growing Uint8Array memory, calldata and return data as subarrays, precompiles over byte arrays (mcl-wasm and rustbn-wasm among their backends)',
  },
  {
    name: '@cogeotiff/core',
    version: '9.5.0',
    sources: ['src'],
    heldOut: 3,
    why: 'Cloud-optimised GeoTIFF: TIFF and BigTIFF headers, IFDs and tag values read through DataViews over fetched byte ranges',
  },
  {
    name: '@mysten/bcs',
    version: '2.1.2',
    sources: ['src'],
    heldOut: 3,
    why: 'Binary Canonical Serialization: a DataView reader over a Uint8Array, a growing DataView writer, ULEB128',
  },
  // Fourth held-out group: added after the third had been judged, and judged fresh.
  {
    name: 'ripple-binary-codec',
    version: '2.11.0',
    sources: ['src'],
    heldOut: 4,
    why: 'XRP Ledger binary format: a BinaryParser over a Uint8Array, a BytesList serializer, fixed-width integers, amounts and hashes as byte arrays',
  },
  {
    name: '@solana/spl-token',
    version: '0.4.15',
    sources: ['src'],
    heldOut: 4,
    why: 'Solana token accounts and instructions: buffer-layout encoding and decoding over Node Buffers, account data sliced by offset, TLV extension data',
  },
  {
    name: 'image-q',
    version: '4.0.0',
    sources: ['src'],
    heldOut: 4,
    why: 'colour quantization: RGBA pixels as Uint8Array and Uint32Array views of one buffer, palettes and error-diffusion dithering over typed arrays',
  },
  {
    name: 'image-js',
    version: '1.7.0',
    sources: ['src'],
    heldOut: 4,
    why: 'image processing over typed-array pixel data: PNG, APNG, JPEG, TIFF and BMP decoded from and encoded to byte arrays, canvas ImageData, pixels reinterpreted as Uint32Array',
  },
  {
    name: '@chainsafe/libp2p-yamux',
    version: '8.0.1',
    sources: ['src'],
    heldOut: 4,
    why: 'yamux stream multiplexer: 12-byte frame headers encoded into and decoded from Uint8Arrays byte by byte, frames cut from a Uint8ArrayList of incoming chunks',
  },
];

// One tsconfig for all: loose enough that most of each package type-checks without its own build.
const COMPILER_OPTIONS = {
  target: 'es2022',
  // es2025.float16 for zarrita's Float16Array and DataView#getFloat16.
  lib: ['es2024', 'es2025.float16', 'dom', 'dom.iterable', 'dom.asynciterable'],
  module: 'esnext',
  // Resolves extensionless, `.js` and `.ts` relative imports alike, as the packages' bundlers do.
  moduleResolution: 'bundler',
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  esModuleInterop: true,
  experimentalDecorators: true,
  strict: false,
  noEmit: true,
  skipLibCheck: true,
  // @types/node comes from the package's own install or else from the repo's node_modules.
  types: ['node'],
};

const SOURCE_FILE = /\.(ts|mts|cts|tsx)$/;
const DECLARATION_FILE = /\.d\.(ts|mts|cts)$/;
const isSource = path => SOURCE_FILE.test(path) && !DECLARATION_FILE.test(path);
const slug = name => name.replace(/^@/, '').replace('/', '__');

/** Every file under `dir` (relative paths, `/`-separated) that passes `keep`. */
function walk(dir, keep, base = dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') files.push(...walk(path, keep, base));
    } else if (keep(path)) files.push(relative(base, path).split(sep).join('/'));
  }
  return files;
}

/**
 * Installs the pinned version into `.real-code/<slug>/node_modules` (its dependencies with it, for the
 * types its sources import) and copies the package to `.real-code/<slug>/pkg`: its source folders
 * whole, and from the rest only package.json and declaration files, which some sources import.
 */
function prepare(pkg, reinstall) {
  const dir = join(scratch, slug(pkg.name));
  const installed = join(dir, 'node_modules', pkg.name);
  const copy = join(dir, 'pkg');
  const wanted = Object.entries({ [pkg.name]: pkg.version, ...pkg.typings });
  const versionOf = name => {
    const manifest = join(dir, 'node_modules', name, 'package.json');
    return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
  };
  const current = wanted.every(([name, version]) => versionOf(name) === version);
  if (reinstall || !current) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    // --prefix makes the scratch folder the project: nothing of the repo's package.json or lock is used or touched.
    const specs = wanted.map(([name, version]) => `${name}@${version}`);
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        dir,
        '--no-save',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        '--no-package-lock',
        ...specs,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }
  for (const source of pkg.sources)
    if (!existsSync(join(installed, source))) throw new Error(`${pkg.name}@${pkg.version} ships no ${source}/`);
  if (reinstall || !current || !existsSync(copy)) {
    rmSync(copy, { recursive: true, force: true });
    for (const source of pkg.sources) cpSync(join(installed, source), join(copy, source), { recursive: true });
    cpSync(join(installed, 'package.json'), join(copy, 'package.json'));
    for (const file of walk(installed, path => DECLARATION_FILE.test(path))) {
      if (!pkg.sources.some(source => file.startsWith(`${source}/`))) cpSync(join(installed, file), join(copy, file));
    }
    for (const [to, from] of Object.entries(pkg.place ?? {})) cpSync(join(installed, from), join(copy, to));
  }
  const tsconfig = {
    compilerOptions: { ...COMPILER_OPTIONS, types: [...COMPILER_OPTIONS.types, ...(pkg.types ?? [])] },
    include: pkg.sources.map(source => `pkg/${source}/**/*`),
  };
  writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  return { dir, copy };
}

/** The package's program, the files to analyse, their lines, and its type errors. */
function createProgram(dir, copy) {
  const configFile = join(dir, 'tsconfig.json');
  const read = ts.readConfigFile(configFile, path => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dir, undefined, configFile);
  if (parsed.errors.length > 0)
    throw new Error(`${configFile}: ${ts.flattenDiagnosticMessageText(parsed.errors[0].messageText, '\n')}`);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const files = program
    .getSourceFiles()
    .filter(file => file.fileName.startsWith(`${copy}/`) && isSource(file.fileName));
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .filter(d => d.file === undefined || d.file.fileName.startsWith(`${copy}/`));
  // TS2307 "Cannot find module", TS2792 the same with a hint, TS2882 a side-effect import not found.
  const unresolved = diagnostics.filter(d => d.code === 2307 || d.code === 2792 || d.code === 2882);
  const lines = files.reduce((sum, file) => sum + file.text.split('\n').length, 0);
  const describe = d => {
    const where =
      d.file === undefined
        ? ''
        : `${relative(copy, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1} `;
    return `${where}TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  };
  return { program, files, lines, typeErrors: diagnostics.map(describe), unresolvedImports: unresolved.length };
}

/** Runs one preset; a check that throws is recorded with its stack rather than stopping the run. */
function runPreset(pkg, program, files, copy, preset, errors) {
  const findings = analyze({
    ts,
    program,
    checks,
    rules: presetRules(checks, preset),
    files,
    onError: (error, check, file) =>
      errors.push({
        package: pkg.name,
        preset,
        rule: check.id,
        file: relative(copy, file.fileName),
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  });
  return findings.map(f => ({
    package: pkg.name,
    file: relative(copy, f.file),
    line: f.line,
    column: f.column,
    rule: f.rule,
    message: f.message,
  }));
}

const key = f => `${f.file}:${f.line}:${f.column}:${f.rule}:${f.message}`;

/** The package's held-out group: 0 for the packages tuned on, else 1 to 4. */
const groupOf = pkg => (pkg.heldOut === true ? 1 : pkg.heldOut || 0);
const GROUP_LABELS = ['tuned on', 'held out 1', 'held out 2', 'held out 3', 'held out 4'];

function main() {
  const { values: flags } = parseArgs({
    options: {
      strict: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      reinstall: { type: 'boolean', default: false },
      'type-errors': { type: 'boolean', default: false },
    },
  });
  mkdirSync(scratch, { recursive: true });
  const errors = [];
  const results = [];
  for (const pkg of PACKAGES) {
    if (!flags.json) process.stderr.write(`${pkg.name}@${pkg.version} … `);
    const start = performance.now();
    const { dir, copy } = prepare(pkg, flags.reinstall);
    const { program, files, lines, typeErrors, unresolvedImports } = createProgram(dir, copy);
    const recommended = runPreset(pkg, program, files, copy, 'recommended', errors);
    const strict = runPreset(pkg, program, files, copy, 'strict', errors);
    // `strict` includes every `recommended` rule with the same options: its extra findings are the rest.
    const seen = new Set(recommended.map(key));
    const strictOnly = strict.filter(f => !seen.has(key(f)));
    results.push({
      name: pkg.name,
      version: pkg.version,
      heldOut: groupOf(pkg),
      why: pkg.why,
      sources: pkg.sources,
      files: files.length,
      lines,
      typeErrors,
      unresolvedImports,
      recommended,
      strict,
      strictOnly,
    });
    if (!flags.json) process.stderr.write(`${((performance.now() - start) / 1000).toFixed(1)} s\n`);
  }

  const total = (field, rows = results) =>
    rows.reduce((sum, r) => sum + (Array.isArray(r[field]) ? r[field].length : r[field]), 0);
  const groups = GROUP_LABELS.map((label, group) => ({ label, rows: results.filter(r => r.heldOut === group) })).filter(
    ({ rows }) => rows.length > 0,
  );
  // What `strict` adds, per rule: the report gives these counts rather than judging each finding.
  const strictByRule = {};
  for (const r of results) for (const f of r.strictOnly) strictByRule[f.rule] = (strictByRule[f.rule] ?? 0) + 1;
  if (flags.json) {
    const packages = results.map(({ strict, strictOnly, ...r }) => ({
      ...r,
      strict: strict.length,
      ...(flags.strict ? { strictOnly } : {}),
    }));
    const totals = Object.fromEntries(
      groups.map(({ label, rows }) => [
        label,
        {
          packages: rows.length,
          lines: total('lines', rows),
          recommended: total('recommended', rows),
          strict: total('strict', rows),
        },
      ]),
    );
    process.stdout.write(
      `${JSON.stringify({ commit: commitOf(join(here, '../..')), typescript: ts.version, lines: total('lines'), totals, packages, strictByRule, errors }, null, 2)}\n`,
    );
  } else {
    const out = [];
    out.push(
      `memsafe at commit ${commitOf(join(here, '../..'))}, TypeScript ${ts.version}. Lines: every line of the analysed .ts files (comments and blanks included; no .d.ts).`,
      '',
    );
    // One row per package, then a total per group and for all; `group` is '' on the total rows.
    const row = (label, version, group, rows) =>
      `${label.padEnd(27)} ${version.padEnd(11)} ${group.padEnd(10)} ${String(total('files', rows)).padStart(5)} ${String(total('lines', rows)).padStart(9)}  ${`${total('typeErrors', rows)} (${total('unresolvedImports', rows)})`.padStart(31)}  ${String(total('recommended', rows)).padStart(11)} ${String(total('strict', rows)).padStart(7)}`;
    out.push(
      'package                     version     group      files  TS lines  type errors (unresolved imports)  recommended  strict',
    );
    for (const r of results) out.push(row(r.name, r.version, GROUP_LABELS[r.heldOut], [r]));
    for (const { label, rows } of groups) out.push(row(`total, ${label}`, '', '', rows));
    out.push(row('total', '', '', results));
    for (const { label, rows } of groups) {
      out.push('', `recommended findings, ${label} (${total('recommended', rows)}):`);
      for (const r of rows)
        for (const f of r.recommended) out.push(`${f.package} ${f.file}:${f.line} ${f.rule} ${f.message}`);
    }
    if (flags['type-errors']) {
      out.push('', 'type errors:');
      for (const r of results) for (const e of r.typeErrors) out.push(`${r.name} ${e}`);
    }
    if (flags.strict) {
      out.push('', `findings strict adds (${total('strictOnly')}):`);
      for (const r of results)
        for (const f of r.strictOnly) out.push(`${f.package} ${f.file}:${f.line} ${f.rule} ${f.message}`);
    } else {
      out.push(
        '',
        `findings strict adds, per rule (--strict lists them): ${
          Object.entries(strictByRule)
            .map(([rule, n]) => `${rule} ${n}`)
            .join(', ') || 'none'
        }`,
      );
    }
    process.stdout.write(`${out.join('\n')}\n`);
  }
  if (errors.length > 0) {
    process.stderr.write(
      `\n${errors.length} check error(s): the analyzer threw, and those checks lost their findings on those files:\n`,
    );
    for (const e of errors) process.stderr.write(`\n[${e.preset}] ${e.rule} on ${e.package} ${e.file}:\n${e.error}\n`);
    process.exitCode = 2;
  }
}

main();
