import type { ReportRecord, TaxonomyRecord } from '../model/graph.js';
import * as q from './catalogue.js';
import type { GraphStore, WriteTransaction } from './GraphStore.js';

export type WriteOutcome =
  /** The same text was already stored, read the same way: nothing changed. */
  | { kind: 'unchanged'; id: string }
  /** New report for its region and year. */
  | { kind: 'created'; id: string }
  /** A different text for the same region and year replaced the stored one(s), or the same text read anew. */
  | { kind: 'replaced'; id: string; replaced: string[] };

/** Writes the curated taxonomy (areas, practices, broader and component links); idempotent. */
export async function writeTaxonomy(store: GraphStore, taxonomy: TaxonomyRecord): Promise<void> {
  await store.writeTransaction(async (tx) => {
    await tx.run(q.mergePolicyAreas, { rows: taxonomy.areas });
    await tx.run(q.mergeCuratedPractices, { rows: taxonomy.practices });
    await tx.run(q.mergePracticeAreas, { rows: taxonomy.practices.map((p) => ({ name: p.name, area: p.area })) });
    await tx.run(q.mergeBroader, { rows: taxonomy.broader });
    await tx.run(q.mergeComponents, { rows: taxonomy.components });
  });
}

/**
 * Writes one report in one transaction: all of its facts or none. Re-writing the same text with
 * the same facts is a no-op; a new text for the same region and year, or the same text whose
 * facts are read differently (a newer extractor or taxonomy), replaces that report's facts (and
 * only those).
 */
export async function writeReport(store: GraphStore, record: ReportRecord): Promise<WriteOutcome> {
  const { report } = record;
  return store.writeTransaction(async (tx) => {
    const existing = await tx.run(q.findReportsOfRegionYear, { regionCode: report.regionCode, year: report.year });
    if (existing.some((r) => r.id === report.id && r.factsHash === report.factsHash)) return { kind: 'unchanged', id: report.id };
    for (const old of existing) {
      await tx.run(q.deleteReportObservations, { id: old.id });
      await tx.run(q.deleteReport, { id: old.id });
    }
    await writeFacts(tx, record);
    return existing.length > 0 ? { kind: 'replaced', id: report.id, replaced: existing.map((r) => r.id) } : { kind: 'created', id: report.id };
  });
}

async function writeFacts(tx: WriteTransaction, record: ReportRecord): Promise<void> {
  const { report } = record;
  const withReport = <T extends object>(rows: T[]) => rows.map((r) => ({ ...r, report: report.id }));
  await tx.run(q.mergeRegions, { rows: record.regions });
  await tx.run(q.mergeRegionParents, {
    rows: record.regions.filter((r) => r.parentCode !== null).map((r) => ({ code: r.code, parentCode: r.parentCode ?? '' })),
  });
  await tx.run(q.createReport, { rows: [report] });
  await tx.run(q.mergeDiscoveredPractices, { rows: record.practices });
  await tx.run(q.mergePracticeAreas, { rows: record.practices.map((p) => ({ name: p.name, area: p.area })) });
  await tx.run(q.mergeAgencies, { rows: unique(record.mentions.Agency.map((m) => m.key)).map((name) => ({ name })) });
  await tx.run(q.mergeDocuments, { rows: unique(record.mentions.Document.map((m) => m.key)).map((name) => ({ name })) });
  await tx.run(q.createPracticeMentions, { rows: withReport(record.mentions.Practice) });
  await tx.run(q.createAgencyMentions, { rows: withReport(record.mentions.Agency) });
  await tx.run(q.createDocumentMentions, { rows: withReport(record.mentions.Document) });
  await tx.run(q.createPlaceMentions, { rows: withReport(record.mentions.Region) });
  await tx.run(q.mergeMetrics, { rows: unique(record.observations.map((o) => o.metric)).map((name) => ({ name })) });
  await tx.run(q.createObservations, { rows: withReport(record.observations) });
  await tx.run(q.createAwards, { rows: withReport(record.awards) });
  await tx.run(q.createProblems, { rows: withReport(record.problems) });
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
