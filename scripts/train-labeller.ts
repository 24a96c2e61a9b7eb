/**
 * `npm run train`: fits the signature labeller on every annotated corpus present (the dev corpus and
 * enron-train beside the checkout, the fixtures' hold-outs), prints cross-validated line figures per
 * corpus (each message scored by a model that never saw its sender), and writes the model trained on
 * all of them to parsers/labeller/weights.json. Deterministic: the same corpora give the same file.
 *
 *   npm run train [-- --folds K] [-- --dry-run] [-- --force]
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  crossValidatedModels,
  decodeCounts,
  knownCorpora,
  loadExamples,
  toWeightsFile,
  train,
  type Example,
} from '../bench/labeller-training.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const fi = argv.indexOf('--folds');
const folds = fi >= 0 ? Number(argv[fi + 1]) : 5;
const known = knownCorpora();
const present = known.present.filter((c) => c.train);
const absent = known.absent.filter((c) => c.train);
for (const c of absent) console.log(`train: ${c.name} not found at ${c.dir}; trained without it`);
const t0 = Date.now();
const examples: Example[] = present.flatMap((c) => loadExamples(c));
const counts = Object.fromEntries(
  present.map((c) => [c.name, examples.filter((e) => e.corpus === c.name).length]),
);
console.log(
  `train: ${examples.length} messages, ${examples.reduce((a, e) => a + e.contexts.length, 0)} lines (${Date.now() - t0} ms to read)`,
);

const cv = crossValidatedModels(examples, folds);
console.log(`${folds}-fold cross-validated signature lines (block decision only, before field extraction):`);
for (const c of present) {
  const ex = examples.filter((e) => e.corpus === c.name);
  const tot = { tp: 0, fp: 0, fn: 0 };
  for (const e of ex) {
    const r = decodeCounts([e], cv.get(`${e.corpus}/${e.file}`)!);
    tot.tp += r.tp;
    tot.fp += r.fp;
    tot.fn += r.fn;
  }
  const p = tot.tp / (tot.tp + tot.fp || 1);
  const r = tot.tp / (tot.tp + tot.fn || 1);
  console.log(
    `  ${c.name.padEnd(14)} P ${(100 * p).toFixed(1)}  R ${(100 * r).toFixed(1)}  F1 ${((200 * p * r) / (p + r || 1)).toFixed(1)}  (tp ${tot.tp} fp ${tot.fp} fn ${tot.fn})`,
  );
}
const model = train(examples);
const file = join(repoRoot, 'parsers', 'labeller', 'weights.json');
if (argv.includes('--dry-run')) console.log(`train: --dry-run, ${file} left as it is`);
else if (absent.length > 0 && !argv.includes('--force'))
  // A clone without ../shared would replace the shipped weights with a model of the fixtures alone.
  console.log(`train: ${absent.length} corpora missing, ${file} left as it is (--force writes it anyway)`);
else {
  writeFileSync(file, JSON.stringify(toWeightsFile(model, counts), null, 2) + '\n');
  console.log(
    `train: wrote ${file} (threshold ${model.threshold}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}
