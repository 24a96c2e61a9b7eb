/**
 * The annotated dev corpus (../shared/corpus/dev beside the checkout; SIGMINE_TEST_CORPUS overrides). CI has
 * it, a user's clone does not: suites that read it fall back to the project's own fixtures/mail or skip,
 * and say so loudly either way.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPUS_DIR = process.env.SIGMINE_TEST_CORPUS ?? join(repoRoot, '..', 'shared', 'corpus', 'dev');
export const FIXTURE_MAIL_DIR = join(repoRoot, 'fixtures', 'mail');
export const corpusPresent = existsSync(join(CORPUS_DIR, 'gold.jsonl'));

const emlIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => join(dir, f));

/** Corpus .eml paths, or the fixtures' with a loud line naming the suite when the corpus is absent. */
export function sampleMail(suite: string): { files: string[]; fromCorpus: boolean } {
  if (corpusPresent) return { files: emlIn(CORPUS_DIR), fromCorpus: true };
  console.warn(
    `\n*** ${suite}: no dev corpus at ${CORPUS_DIR}; using the ${FIXTURE_MAIL_DIR} fixtures instead ***\n`,
  );
  return { files: emlIn(FIXTURE_MAIL_DIR), fromCorpus: false };
}

/** True when the corpus is there; otherwise says the suite was skipped. */
export function corpusOrSkip(suite: string): boolean {
  if (!corpusPresent) console.warn(`\n*** ${suite} SKIPPED: no dev corpus at ${CORPUS_DIR} ***\n`);
  return corpusPresent;
}
