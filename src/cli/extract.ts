/**
 * Extracts facts from one report file and prints them.
 *
 *   npm run extract -- <file> [--json]
 *
 * --json prints
 *   {"text": <normalised text>,
 *    "report": {region, year, publishedOn, issuer, docNumber, title},
 *    "facts": [{"kind", "name", "spans": [[start, end], …], "status",
 *               and for metrics "value", "unit", "qualifier"}]}
 * with non-metric facts grouped per kind + name + status (all their mention spans) and metrics
 * one entry per observation; entries are ordered by their first span. Without --json prints a
 * readable summary. Fields the report does not state (e.g. in an excerpt) are null.
 *
 * Exit codes: 0 success, 1 the file could not be read or decoded, 2 usage error.
 */
import path from 'node:path';
import { Command } from 'commander';
import { extractReport } from '../extract/index.js';
import { loadTaxonomy } from '../ingest/loadTaxonomy.js';
import { readReportFile } from '../ingest/readReportFile.js';
import {
  FACT_KINDS,
  type Extraction,
  type Fact,
  type FactKind,
  type ReportMeta,
  type Status,
} from '../model/facts.js';
import { parseCommandLine, runCommand } from './parseCommandLine.js';

interface FactEntry {
  kind: FactKind;
  name: string;
  spans: Array<[number, number]>;
  status: Status;
  value?: number | null;
  unit?: string | null;
  qualifier?: string | null;
}

interface ExtractOutput {
  text: string;
  report: {
    /** The resolved region ({code, name, level, chain up to the province}), or null. */
    region: ReportMeta['region'];
    year: number | null;
    publishedOn: string | null;
    issuer: string | null;
    docNumber: string | null;
    title: string | null;
  };
  facts: FactEntry[];
}

/** Groups facts for output: non-metrics per kind + name + status, metrics per observation. */
function groupFacts(facts: readonly Fact[]): FactEntry[] {
  const entries: FactEntry[] = [];
  const byKey = new Map<string, FactEntry>();
  const sorted = [...facts].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  for (const f of sorted) {
    const span: [number, number] = [f.span.start, f.span.end];
    if (f.kind === 'metric') {
      entries.push({
        kind: f.kind,
        name: f.name,
        spans: [span],
        status: f.status,
        value: f.value ?? null,
        unit: f.unit ?? null,
        qualifier: f.qualifier ?? null,
      });
      continue;
    }
    const key = `${f.kind}\u0000${f.name}\u0000${f.status}`;
    const e = byKey.get(key);
    if (e) {
      e.spans.push(span);
      continue;
    }
    const entry: FactEntry = { kind: f.kind, name: f.name, spans: [span], status: f.status };
    byKey.set(key, entry);
    entries.push(entry);
  }
  return entries;
}

function toOutput(x: Extraction): ExtractOutput {
  return {
    text: x.text,
    report: {
      region: x.meta.region,
      year: x.meta.year,
      publishedOn: x.meta.publishedOn,
      issuer: x.meta.issuer,
      docNumber: x.meta.docNumber,
      title: x.meta.title,
    },
    facts: groupFacts(x.facts),
  };
}

function clip(s: string, n: number): string {
  const flat = s.replace(/\s+/gu, ' ');
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}

function summary(file: string, x: Extraction, out: ExtractOutput): string {
  const r = out.report;
  const show = (v: string | number | null): string => (v === null ? '—' : String(v));
  const region = r.region
    ? `${r.region.name} (${r.region.code}, ${r.region.level})` +
      (r.region.chain.length > 1 ? ` in ${r.region.chain.slice(1).map((c) => c.name).join(' < ')}` : '')
    : '—';
  const lines: string[] = [
    file,
    `  title:     ${show(r.title)}`,
    `  region:    ${region}    year: ${show(r.year)}`,
    `  published: ${show(r.publishedOn)}    issuer: ${show(r.issuer)}    doc no.: ${show(r.docNumber)}`,
    `  text: ${x.text.length} chars, ${x.sections.length} sections, ${x.sentences.length} sentences`,
  ];
  for (const d of x.diagnostics) {
    lines.push(`  diagnostic ${d.code}: ${d.message}${d.span ? ` @${d.span.start}-${d.span.end}` : ''}`);
  }
  const counts = FACT_KINDS.map((k) => {
    const distinct = out.facts.filter((e) => e.kind === k);
    const mentions = x.facts.filter((f) => f.kind === k).length;
    return `${k} ${distinct.length}${k !== 'metric' && mentions !== distinct.length ? ` (${mentions} mentions)` : ''}`;
  });
  lines.push(`  facts: ${counts.join(', ')}`);
  for (const k of FACT_KINDS) {
    const entries = out.facts.filter((e) => e.kind === k);
    if (entries.length === 0) continue;
    lines.push('', `${k} (${entries.length})`);
    for (const e of entries) {
      const first = e.spans[0];
      const surface = first ? clip(x.text.slice(first[0], first[1]), 40) : '';
      if (k === 'metric') {
        const q = e.qualifier && e.qualifier !== 'EQ' ? ` ${e.qualifier}` : '';
        lines.push(`  ${e.name} = ${show(e.value ?? null)}${e.unit ?? ''}${q}  [${e.status}]  「${surface}」`);
      } else {
        const n = e.spans.length > 1 ? ` ×${e.spans.length}` : '';
        const surf = surface !== e.name ? `  「${surface}」` : '';
        lines.push(`  ${e.name}  [${e.status}]${n}${surf}`);
      }
    }
  }
  return lines.join('\n');
}

function errMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('extract')
    .description('Extract facts from one report file (UTF-8, GBK or HTML) and print them.')
    .argument('<file>', 'the report file')
    .option('--json', 'print {text, report, facts} as JSON', false)
    .allowExcessArguments(false);
  const stop = parseCommandLine(program, argv);
  if (stop !== null) return stop;
  const file = program.args[0] ?? '';
  const opts = program.opts<{ json: boolean }>();

  let raw: string;
  try {
    raw = (await readReportFile(file)).raw;
  } catch (e) {
    const msg = errMessage(e);
    const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
    const named = msg.includes(file) || msg.includes(path.basename(file)) ? msg : `${file}: ${msg}`;
    process.stderr.write(`extract: ${named}${code ? ` [${code}]` : ''}\n`);
    return 1;
  }
  const taxonomy = await loadTaxonomy();
  const extraction = extractReport(raw, taxonomy);
  const out = toOutput(extraction);
  if (opts.json) process.stdout.write(JSON.stringify(out) + '\n');
  else process.stdout.write(summary(file, extraction, out) + '\n');
  return 0;
}

runCommand('extract', main);
