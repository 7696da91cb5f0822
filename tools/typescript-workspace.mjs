// The repository installs TypeScript 6 as `typescript` and TypeScript 7 as `typescript7`; a project
// made for a test or a bench gets one of them under the name `typescript`, as a user's project has it.
import { mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Links the repository's TypeScript `major` (6 or 7) and @types/node into `project`'s node_modules. */
export function installTypeScript(project, major) {
  if (major !== 6 && major !== 7) throw new TypeError(`installTypeScript: no TypeScript ${major} here (6 or 7)`);
  const modules = join(project, 'node_modules');
  mkdirSync(join(modules, '@types'), { recursive: true });
  symlinkSync(
    join(repository, 'node_modules', major === 6 ? 'typescript' : 'typescript7'),
    join(modules, 'typescript'),
    'dir',
  );
  symlinkSync(join(repository, 'node_modules', '@types', 'node'), join(modules, '@types', 'node'), 'dir');
}
