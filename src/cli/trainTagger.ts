/**
 * Trains the learned practice tagger from gold annotations and writes it into the taxonomy.
 *
 *   npm run train:tagger -- --gold <dir> [--gold <dir> …] [--text <dir>] [--out <file>]
 *                           [--epochs 10] [--seed 1] [--bias 60]
 *
 * Every *.json gold file of every --gold directory is a training text (its own `text`, or its
 * `source` in --text). Each is read by the rules alone — the other kinds of fact they find are
 * features — and its annotated practice surfaces are what the tagger learns to mark. Writes the
 * model (default seed/taxonomy/practice-tagger.json) and, beside it, a list of the texts it was
 * trained on (…sources.tsv: file, id, region, year, url, sha256 of the text, practices
 * annotated). The same gold files and options give the same model.
 *
 * Exit codes: 0 written, 1 a gold file could not be read or nothing to train on, 2 usage error.
 */
import { createHash } from 'node:crypto';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { readGoldFiles } from '../eval/readGoldFiles.js';
import { extractReport } from '../extract/index.js';
import { B, goldTags, otherFactSpans, taggerView, taxonomyEdges, trainPracticeTagger, type TaggerExample } from '../extract/practiceTagger.js';
import { DEFAULT_TAXONOMY_DIR, loadTaxonomy, PRACTICE_TAGGER_FILE } from '../ingest/loadTaxonomy.js';
import { practiceTaggerFile } from '../model/taxonomy.js';
import { parseCommandLine, runCommand } from './parseCommandLine.js';

interface Options {
  gold: string[];
  text: string;
  out: string;
  epochs: string;
  seed: string;
  bias: string;
  prune: string;
}

const positiveInteger = (flag: string, value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} ${value}: give a whole number of at least 1`);
  return n;
};

async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('train:tagger')
    .description('Train the learned practice tagger from gold annotations.')
    .requiredOption('--gold <dir...>', 'directories of *.json gold files to learn from')
    .option('--text <dir>', 'directory holding the report texts named by each gold "source"', path.join(DEFAULT_TAXONOMY_DIR, '..', 'reports'))
    .option('--out <file>', 'where to write the model', path.join(DEFAULT_TAXONOMY_DIR, PRACTICE_TAGGER_FILE))
    .option('--epochs <n>', 'passes over the training texts', '10')
    .option('--seed <n>', 'seed of the order texts are visited in', '1')
    .option('--bias <x>', 'added to "a practice here" when reading: higher finds more, less precisely', '60')
    .option('--prune <x>', 'drop features whose scores all lie within this of "outside" (a smaller model)', '0.5')
    .allowExcessArguments(false);
  const stop = parseCommandLine(program, argv);
  if (stop !== null) return stop;
  const opts = program.opts<Options>();
  let epochs: number, seed: number;
  const bias = Number(opts.bias);
  const prune = Number(opts.prune);
  try {
    epochs = positiveInteger('--epochs', opts.epochs);
    seed = positiveInteger('--seed', opts.seed);
    if (!Number.isFinite(bias)) throw new Error(`--bias ${opts.bias}: give a number`);
    if (!(prune >= 0)) throw new Error(`--prune ${opts.prune}: give a number of at least 0`);
    for (const dir of opts.gold) if (!(await stat(dir).catch(() => null))?.isDirectory()) throw new Error(`--gold ${dir}: not a directory`);
  } catch (e) {
    process.stderr.write(`train:tagger: ${(e as Error).message}\n`);
    return 2;
  }

  // The rules alone read each text: the tagger learns on top of what they find (a model already
  // there, even of an older format, is not read).
  const rules = await loadTaxonomy(DEFAULT_TAXONOMY_DIR, { tagger: false });
  const examples: TaggerExample[] = [];
  const sources: string[] = ['file\tid\tregion\tyear\turl\tsha256\tpractices'];
  let failed = false;
  const seen = new Set<string>();
  for (const dir of opts.gold) {
    const read = await readGoldFiles(path.resolve(dir), path.resolve(opts.text));
    for (const s of read.skipped) process.stderr.write(`train:tagger: skipped ${path.join(dir, s.file)}: ${s.reason}\n`);
    for (const e of read.errors) {
      process.stderr.write(`train:tagger: error: ${path.join(dir, e.file)}: ${e.message}\n`);
      failed = true;
    }
    for (const file of read.files) {
      const extraction = extractReport(file.raw, rules);
      // The same text annotated twice (two rounds picked one report) is learnt once.
      const normalised = createHash('sha256').update(extraction.text).digest('hex');
      if (seen.has(normalised)) continue;
      seen.add(normalised);
      const sha = createHash('sha256').update(file.raw).digest('hex');
      const surfaces = file.gold.practices.map((p) => p.surface);
      examples.push({ view: taggerView(extraction.reading, otherFactSpans(extraction.facts), taxonomyEdges(rules)), tags: goldTags(extraction.text, surfaces) });
      const { id, region, year, url } = file.gold;
      sources.push([path.relative(process.cwd(), path.resolve(dir, file.name)), id, region?.name ?? '', year ?? '', url ?? '', sha, surfaces.length].join('\t'));
    }
  }
  if (failed) return 1;
  if (examples.length === 0) {
    process.stderr.write('train:tagger: no gold file to learn from\n');
    return 1;
  }
  const started = Date.now();
  const model = trainPracticeTagger(examples, { epochs, seed, bias, prune });
  const characters = examples.reduce((n, ex) => n + ex.tags.length, 0);
  const practices = examples.reduce((n, ex) => n + ex.tags.filter((t) => t === B).length, 0);
  const file = practiceTaggerFile(model, { texts: examples.length, characters, epochs, seed, bias, prune, sources: path.basename(sourcesPath(opts.out)) });
  await writeFile(opts.out, JSON.stringify(file) + '\n');
  await writeFile(sourcesPath(opts.out), sources.join('\n') + '\n');
  process.stdout.write(
    `train:tagger: ${examples.length} texts (${characters} characters, ${practices} practice mentions) → ${opts.out}: ${model.features.size} features, ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return 0;
}

const sourcesPath = (out: string) => out.replace(/\.json$/, '') + '.sources.tsv';

runCommand('train:tagger', main);
