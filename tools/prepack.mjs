#!/usr/bin/env node
// Each package's `prepack`: npm runs it in the package's directory before `npm pack` and `npm publish`.
// The repository's LICENSE is the one licence; every tarball carries a copy of it (gitignored there).
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
if (!existsSync(join(process.cwd(), 'dist'))) {
  console.error(`prepack: ${process.cwd()} is not built; run \`npm run build\` at the repository root first`);
  process.exit(1);
}
copyFileSync(join(root, 'LICENSE'), join(process.cwd(), 'LICENSE'));
