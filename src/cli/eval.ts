/**
 * Scores extraction against gold annotations (see /work/shared/eval/ANNOTATION.md).
 *
 *   npm run eval -- --gold <dir> [--text <dir>] [--verbose] [--json]
 *
 * For every *.json gold file in --gold: the report text is the gold file's own `text`, or its
 * `source` looked up in --text (default: the project's seed/reports). The text goes through
 * readReportFile → extractReport (taxonomy loaded once) and the facts are scored against the
 * normalised text. Prints per-kind counts and micro-averaged P/R/F1; the last line is
 * `practices R=0.xx P=0.xx metrics R=0.xx P=0.xx`. With --json prints the full result as JSON.
 *
 * Exit codes: 0 success, 1 a gold file could not be scored (text missing/unreadable) or the
 * taxonomy failed to load, 2 usage error.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { extractReport } from '../extract/index.js';
import { loadTaxonomy } from '../ingest/loadTaxonomy.js';
import { readGoldFiles } from '../eval/readGoldFiles.js';
import {
  SCORE_KINDS,
  aggregateByFoundBy,
  aggregateScores,
  scoreExtraction,
  scorePracticesByFoundBy,
  type AggregateScore,
  type ExtractionScore,
  type KindCounts,
  type KindMetrics,
} from '../eval/scoreExtraction.js';
import { FOUND_BY, type FoundBy } from '../model/facts.js';
import type { Taxonomy } from '../model/taxonomy.js';
import { parseCommandLine, runCommand } from './parseCommandLine.js';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_TEXT_DIR = path.join(PROJECT_ROOT, 'seed', 'reports');

class UsageError extends Error {}

interface Options {
  gold: string;
  text?: string;
  verbose: boolean;
  json: boolean;
}

interface FileResult {
  file: string;
  id: string;
  /** Where the text came from: the report file path, or "(gold text field)". */
  textFrom: string;
  /** null when the gold file has no text_sha256. */
  sha256Matches: boolean | null;
  /** Gold surfaces (all kinds) that do not occur in the normalised text. */
  unlocatedSurfaces: number;
  score: ExtractionScore;
  /** The practices scored once per way of reading them. */
  practicesByFoundBy: Record<FoundBy, KindCounts>;
}

interface RunResult {
  goldDir: string;
  textDir: string;
  files: FileResult[];
  skipped: Array<{ file: string; reason: string }>;
  errors: Array<{ file: string; message: string }>;
  warnings: string[];
  micro: AggregateScore;
  /** Practices by way of reading: each way's precision, and the recall it reaches alone. */
  practicesByFoundBy: Record<FoundBy, KindMetrics>;
}

function errMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

async function run(opts: Options): Promise<RunResult> {
  const goldDir = path.resolve(opts.gold);
  if (!(await isDirectory(goldDir))) throw new UsageError(`--gold ${opts.gold}: not a directory`);
  const textDir = path.resolve(opts.text ?? DEFAULT_TEXT_DIR);
  if (opts.text !== undefined && !(await isDirectory(textDir))) {
    throw new UsageError(`--text ${opts.text}: not a directory`);
  }
  const names = (await readdir(goldDir)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
  if (names.length === 0) throw new UsageError(`--gold ${opts.gold}: no *.json gold files in it`);

  const read = await readGoldFiles(goldDir, textDir);
  const result: RunResult = {
    goldDir,
    textDir,
    files: [],
    skipped: read.skipped,
    errors: read.errors,
    warnings: read.warnings,
    micro: aggregateScores([]),
    practicesByFoundBy: aggregateByFoundBy([]),
  };

  let taxonomy: Taxonomy | undefined;
  for (const { name, gold, raw, textFrom, sha256Matches } of read.files) {
    try {
      taxonomy ??= await loadTaxonomy();
    } catch (e) {
      throw new Error(`cannot load the taxonomy: ${errMessage(e)}`);
    }
    let score: ExtractionScore;
    let practicesByFoundBy: Record<FoundBy, KindCounts>;
    try {
      const extraction = extractReport(raw, taxonomy);
      score = scoreExtraction(gold, extraction.text, extraction.facts);
      practicesByFoundBy = scorePracticesByFoundBy(gold, extraction.text, extraction.facts);
    } catch (e) {
      result.errors.push({ file: name, message: `extraction or scoring failed: ${errMessage(e)}` });
      continue;
    }
    let unlocatedSurfaces = 0;
    for (const k of SCORE_KINDS) unlocatedSurfaces += score[k].missed.filter((m) => !m.located).length;
    if (unlocatedSurfaces > 0) {
      result.warnings.push(
        `${name}: ${unlocatedSurfaces} missed gold surface(s) do not occur in the normalised text` +
          (opts.verbose ? '' : ' (see --verbose)'),
      );
    }
    result.files.push({ file: name, id: gold.id, textFrom, sha256Matches, unlocatedSurfaces, score, practicesByFoundBy });
  }
  result.micro = aggregateScores(result.files.map((f) => f.score));
  result.practicesByFoundBy = aggregateByFoundBy(result.files.map((f) => f.practicesByFoundBy));
  return result;
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

const f2 = (x: number): string => x.toFixed(2);

function table(rows: Array<[string, KindMetrics]>): string {
  const head = ['kind', 'gold', 'pred', 'found', 'correct', 'P', 'R', 'F1'];
  const body = rows.map(([k, m]) => [
    k,
    String(m.gold),
    String(m.predicted),
    String(m.found),
    String(m.correct),
    f2(m.precision),
    f2(m.recall),
    f2(m.f1),
  ]);
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  '))
    .join('\n');
}

function kindRows(agg: AggregateScore): Array<[string, KindMetrics]> {
  return [...SCORE_KINDS.map((k): [string, KindMetrics] => [k, agg.kinds[k]]), ['total', agg.total]];
}

function detail(f: FileResult): string {
  const lines: string[] = [];
  for (const k of SCORE_KINDS) {
    const s = f.score[k];
    if (s.missed.length === 0 && s.wrong.length === 0) continue;
    lines.push(`  ${k}:`);
    for (const m of s.missed) {
      const val = m.value !== undefined ? ` = ${m.value}${m.unit ?? ''}` : '';
      const name = m.name !== m.surface ? ` → ${m.name}` : '';
      lines.push(`    missed  「${m.surface}」${name}${val}${m.reason ? `  (${m.reason})` : ''}`);
    }
    for (const w of s.wrong) {
      const val = w.value !== undefined ? ` = ${w.value}${w.unit ?? ''}` : '';
      const at = w.spans.map(([a, b]) => `${a}-${b}`).join(',');
      const surf = w.surface !== w.name ? ` 「${w.surface}」` : '';
      lines.push(`    wrong   ${w.name}${val}${surf} @${at}${w.reason ? `  (${w.reason})` : ''}`);
    }
  }
  return lines.join('\n');
}

function printText(r: RunResult, verbose: boolean): void {
  const out: string[] = [];
  if (verbose) {
    for (const f of r.files) {
      out.push(`== ${f.file} (${f.id}) — text: ${f.textFrom}`);
      out.push(table(kindRows(aggregateScores([f.score]))));
      const d = detail(f);
      if (d) out.push(d);
      out.push('');
    }
  }
  out.push(
    `micro-average over ${r.files.length} report(s) in ${r.goldDir}` +
      (r.skipped.length ? `, ${r.skipped.length} skipped` : '') +
      (r.errors.length ? `, ${r.errors.length} failed` : ''),
  );
  out.push(table(kindRows(r.micro)));
  out.push('', 'practices by how they were read (each against all gold practices: its precision, and the recall it reaches alone)');
  out.push(table(FOUND_BY.map((how) => [how, r.practicesByFoundBy[how]])));
  const p = r.micro.kinds.practices;
  const m = r.micro.kinds.metrics;
  out.push(`practices R=${f2(p.recall)} P=${f2(p.precision)} metrics R=${f2(m.recall)} P=${f2(m.precision)}`);
  process.stdout.write(out.join('\n') + '\n');
}

function reportProblems(r: RunResult): void {
  for (const s of r.skipped) process.stderr.write(`eval: skipped ${s.file}: ${s.reason}\n`);
  for (const w of r.warnings) process.stderr.write(`eval: warning: ${w}\n`);
  for (const e of r.errors) process.stderr.write(`eval: error: ${e.file}: ${e.message}\n`);
}

async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('eval')
    .description('Score extraction against gold annotations (precision/recall per kind of fact).')
    .requiredOption('--gold <dir>', 'directory of *.json gold files')
    .option('--text <dir>', 'directory holding the report texts named by each gold "source"', undefined)
    .option('--verbose', 'per-file tables with missed gold facts and wrong predictions', false)
    .option('--json', 'print the full result as JSON', false)
    .allowExcessArguments(false);
  const stop = parseCommandLine(program, argv);
  if (stop !== null) return stop;
  const opts = program.opts<Options>();
  let result: RunResult;
  try {
    result = await run(opts);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`eval: ${e.message}\n${program.helpInformation()}`);
      return 2;
    }
    process.stderr.write(`eval: ${errMessage(e)}\n`);
    return 1;
  }
  reportProblems(result);
  if (result.files.length === 0) {
    process.stderr.write(`eval: no gold file in ${result.goldDir} could be scored\n`);
    return 1;
  }
  if (opts.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else printText(result, opts.verbose);
  return result.errors.length > 0 ? 1 : 0;
}

runCommand('eval', main);
