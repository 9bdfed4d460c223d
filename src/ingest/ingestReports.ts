import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describeEvidence, extractReport } from '../extract/index.js';
import type { Extraction } from '../model/facts.js';
import { toReportRecord, toTaxonomyRecord } from '../model/graph.js';
import type { Taxonomy } from '../model/taxonomy.js';
import type { GraphStore } from '../store/GraphStore.js';
import { StoreError } from '../store/StoreError.js';
import { writeReport, writeTaxonomy, type WriteOutcome } from '../store/writeReport.js';
import { InputError } from './InputError.js';
import { readReportFile } from './readReportFile.js';

export type IngestResult =
  | { file: string; ok: true; outcome: WriteOutcome; region: string; year: number; facts: number }
  | { file: string; ok: false; code: string; message: string };

/** Report files under the given paths: files as given, directories by their .txt/.htm(l) files. */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      const names = (await readdir(path)).filter((n) => /\.(txt|html?|text)$/i.test(n)).sort();
      files.push(...names.map((n) => join(path, n)));
    } else files.push(path);
  }
  return files;
}

/** Refuses an extraction that cannot be placed in the graph (no region or no year). */
function requireMetadata(file: string, extraction: Extraction): void {
  const missing: string[] = [];
  if (!extraction.meta.region) missing.push('region (a Chinese province, city, county or district named in the title or opening)');
  if (extraction.meta.year === null) missing.push('year (e.g. 2023年度 in the title, or an opening 2023年,…)');
  if (missing.length > 0) {
    throw new InputError('MISSING_METADATA', file, `no ${missing.join(' and no ')} could be found; is this a 法治政府建设 report? Keep its title line, which names the region and year`);
  }
}

/**
 * Ingests report files one by one: read → decode → extract → write, one transaction each. A bad
 * file is refused with its reason and the others still load; nothing stored is touched by a
 * refused file.
 */
export async function ingestReports(store: GraphStore, taxonomy: Taxonomy, paths: readonly string[]): Promise<IngestResult[]> {
  await writeTaxonomy(store, toTaxonomyRecord(taxonomy));
  const results: IngestResult[] = [];
  for (const file of await expandPaths(paths)) {
    try {
      const { raw, sha256 } = await readReportFile(file);
      const extraction = extractReport(raw, taxonomy);
      requireMetadata(file, extraction);
      const record = toReportRecord(extraction, { source: basename(file), sha256 }, (fact) => {
        const sentence = extraction.sentences[fact.sentenceIndex];
        const section = sentence?.sectionIndex == null ? null : extraction.sections[sentence.sectionIndex];
        return { ...describeEvidence(extraction, fact), area: section?.area ?? null };
      });
      const outcome = await writeReport(store, record);
      results.push({ file, ok: true, outcome, region: record.report.regionCode, year: record.report.year, facts: extraction.facts.length });
    } catch (error) {
      if (error instanceof InputError) results.push({ file, ok: false, code: error.code, message: error.message });
      else if (error instanceof StoreError) results.push({ file, ok: false, code: `STORE_${error.code}`, message: `${file}: not stored, nothing changed: ${error.message}` });
      else results.push({ file, ok: false, code: 'INTERNAL', message: `${file}: not stored, nothing changed: ${(error as Error).message}` });
    }
  }
  return results;
}
