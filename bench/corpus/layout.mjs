// Where the corpus's files are, and what each must hold: read by the scorer, the runner and the test.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KIND_IDS } from './kinds.mjs';

export const CORPUS_ROOT = dirname(fileURLToPath(import.meta.url));
export const BUILD_DIR = join(CORPUS_ROOT, '.build');

/** A line of buggy.ts that holds the bug: the code on it ends with this comment. */
export const BUG_MARKER = /\/\/ BUG\b/;
/**
 * A line of fixed.ts or correct.ts where a bug is still possible, with the rule that answers for
 * it (`// LATENT no-stale-view`): the file's latent.ts shows it by running, and that rule's finding
 * there is counted apart from the false alarms.
 */
export const LATENT_MARKER = /\/\/ LATENT ([a-z-]+)\b/;

const CASE_FIELDS = ['title', 'source', 'summary', 'misbehaviour'];
const CORRECT_FIELDS = ['idiom', 'source', 'naive'];

function directories(path) {
  return existsSync(path)
    ? readdirSync(path)
        .filter(name => statSync(join(path, name)).isDirectory())
        .sort()
    : [];
}

function readMeta(dir, fields, problems) {
  const path = join(dir, 'meta.json');
  if (!existsSync(path)) {
    problems.push(`${path}: missing`);
    return undefined;
  }
  let meta;
  try {
    meta = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push(`${path}: ${error.message}`);
    return undefined;
  }
  for (const field of fields)
    if (typeof meta[field] !== 'string' || meta[field].trim() === '')
      problems.push(`${path}: "${field}" must be a non-empty string`);
  if (
    typeof meta.source === 'string' &&
    !/^https:\/\/github\.com\/[^/]+\/[^/]+\/(issues|pull|commit)\//.test(meta.source)
  )
    problems.push(`${path}: "source" must be a GitHub issue, pull request or commit URL`);
  return meta;
}

/** The 1-based numbers of the lines of `text` marked `// BUG`. */
export function markedLines(text) {
  return text.split('\n').flatMap((line, index) => (BUG_MARKER.test(line) ? [index + 1] : []));
}

/** The lines of `text` marked `// LATENT <rule>`, each with its rule. */
export function latentLines(text) {
  return text.split('\n').flatMap((line, index) => {
    const match = LATENT_MARKER.exec(line);
    return match === null ? [] : [{ line: index + 1, rule: match[1] }];
  });
}

/** The latent.ts beside `file`, which must exist exactly when `file` marks a latent line. */
function latentCheck(dir, file, where, problems) {
  const lines = latentLines(readFileSync(file, 'utf8'));
  const latent = existsSync(join(dir, 'latent.ts')) ? join(dir, 'latent.ts') : undefined;
  if (lines.length > 0 !== (latent !== undefined))
    problems.push(
      `${where}: a line marked // LATENT <rule> needs a latent.ts that shows it, and a latent.ts a marked line`,
    );
  return { latent, latentLines: lines };
}

/**
 * Every case and correct file, with the problems that make the corpus unusable: a missing file or
 * field, a kind that does not exist, a buggy file with no marked line or a fixed file with one.
 */
export function readCorpus() {
  const problems = [];
  const cases = [];
  const casesDir = join(CORPUS_ROOT, 'cases');
  for (const kind of directories(casesDir)) {
    if (!KIND_IDS.includes(kind)) problems.push(`cases/${kind}: not a kind (kinds.mjs has ${KIND_IDS.join(', ')})`);
    for (const slug of directories(join(casesDir, kind))) {
      const dir = join(casesDir, kind, slug);
      const id = `${kind}/${slug}`;
      const missing = ['buggy.ts', 'fixed.ts', 'confirm.ts'].filter(file => !existsSync(join(dir, file)));
      for (const file of missing) problems.push(`cases/${id}/${file}: missing`);
      const meta = readMeta(dir, CASE_FIELDS, problems);
      if (missing.length > 0 || meta === undefined) continue;
      const buggy = join(dir, 'buggy.ts');
      const fixed = join(dir, 'fixed.ts');
      const marked = markedLines(readFileSync(buggy, 'utf8'));
      if (marked.length === 0) problems.push(`cases/${id}/buggy.ts: no line is marked // BUG`);
      if (markedLines(readFileSync(fixed, 'utf8')).length > 0)
        problems.push(`cases/${id}/fixed.ts: a fixed file marks no bug`);
      cases.push({
        id,
        kind,
        slug,
        dir,
        buggy,
        fixed,
        confirm: join(dir, 'confirm.ts'),
        marked,
        ...latentCheck(dir, fixed, `cases/${id}`, problems),
        meta,
      });
    }
  }
  const correct = [];
  const correctDir = join(CORPUS_ROOT, 'correct');
  for (const slug of directories(correctDir)) {
    const dir = join(correctDir, slug);
    const file = join(dir, 'correct.ts');
    if (!existsSync(file)) problems.push(`correct/${slug}/correct.ts: missing`);
    const meta = readMeta(dir, CORRECT_FIELDS, problems);
    if (!existsSync(file) || meta === undefined) continue;
    if (markedLines(readFileSync(file, 'utf8')).length > 0)
      problems.push(`correct/${slug}/correct.ts: a correct file marks no bug`);
    const confirm = join(dir, 'confirm.ts');
    correct.push({
      id: slug,
      dir,
      file,
      confirm: existsSync(confirm) ? confirm : undefined,
      ...latentCheck(dir, file, `correct/${slug}`, problems),
      meta,
    });
  }
  return { cases, correct, problems };
}

/** Where the compiled JavaScript of a corpus source lands. */
export function builtPath(source) {
  return join(BUILD_DIR, source.slice(CORPUS_ROOT.length + 1)).replace(/\.ts$/, '.js');
}
