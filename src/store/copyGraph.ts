import type { MentionRow, MentionTarget, PracticeRow, RegionRow, ReportRecord, TaxonomyRecord } from '../model/graph.js';
import * as q from './catalogue.js';
import type { GraphStore } from './GraphStore.js';
import { writeReport, writeTaxonomy, type WriteOutcome } from './writeReport.js';

/** Reports read back per round of export queries. */
const BATCH = 50;

/** The curated taxonomy as stored: policy areas, curated practices, broader and component links. */
export async function readTaxonomyRecord(store: GraphStore): Promise<TaxonomyRecord> {
  const [areas, practices, broader, components] = await Promise.all([
    store.read(q.listPolicyAreas, {}),
    store.read(q.listPractices, {}),
    store.read(q.exportBroader, {}),
    store.read(q.exportComponents, {}),
  ]);
  return {
    areas: areas.map((a) => ({ id: a.id, name: a.name })),
    practices: practices.filter((p) => p.curated).map(toPracticeRow),
    broader,
    components,
  };
}

/**
 * Every report as the record its ingest wrote (report, regions, discovered practices, mentions,
 * observations, awards, problems), read through the catalogue's export queries, a batch of
 * reports at a time. Writing the records with `writeReport` rebuilds the same graph.
 */
export async function* readReportRecords(store: GraphStore): AsyncGenerator<ReportRecord> {
  const [reports, regionRows, practiceRows] = await Promise.all([store.read(q.listReports, {}), store.read(q.exportRegions, {}), store.read(q.listPractices, {})]);
  const regions = new Map(regionRows.map((r) => [r.code, r]));
  const discovered = new Map(practiceRows.filter((p) => !p.curated).map((p) => [p.name, toPracticeRow(p)]));
  for (let i = 0; i < reports.length; i += BATCH) {
    const ids = reports.slice(i, i + BATCH).map((r) => r.id);
    const [texts, mentions, observations, awards, problems] = await Promise.all([
      store.read(q.findReports, { ids }),
      store.read(q.exportMentions, { ids }),
      store.read(q.exportObservations, { ids }),
      store.read(q.exportAwards, { ids }),
      store.read(q.exportProblems, { ids }),
    ]);
    for (const { text, ...report } of texts) {
      const own = <T extends { report: string }>(rows: T[]) => rows.filter((r) => r.report === report.id).map(({ report: _report, ...row }) => row);
      const byTarget: Record<MentionTarget, MentionRow[]> = { Practice: [], Agency: [], Document: [], Region: [] };
      for (const { target, ...m } of own(mentions)) byTarget[target].push(m);
      yield {
        report: { ...report, text },
        regions: regionsOf(report.regionCode, byTarget.Region, regions),
        practices: [...new Set(byTarget.Practice.map((m) => m.key))].flatMap((name) => discovered.get(name) ?? []),
        mentions: byTarget,
        observations: own(observations),
        awards: own(awards),
        problems: own(problems),
      };
    }
  }
}

/**
 * The regions a report wrote: its region's chain up to the province, then the places it
 * mentions (as ingest does: a mentioned place without its chain).
 */
function regionsOf(code: string, places: MentionRow[], regions: Map<string, RegionRow>): RegionRow[] {
  const out = new Map<string, RegionRow>();
  for (let r = regions.get(code); r && !out.has(r.code); r = r.parentCode === null ? undefined : regions.get(r.parentCode)) out.set(r.code, r);
  for (const p of places) {
    const r = regions.get(p.key);
    if (r && !out.has(r.code)) out.set(r.code, r);
  }
  return [...out.values()];
}

function toPracticeRow(p: { name: string; kind: string; curated: boolean; area: number | null }): PracticeRow {
  // Every write sets a practice's area (the taxonomy's, or its section's chapter), so area is never null here.
  return { name: p.name, kind: p.kind as PracticeRow['kind'], curated: p.curated, area: p.area as number };
}

/**
 * Copies the graph in `from` into `to` through the write path: writeTaxonomy, then writeReport
 * for each report (one transaction per report), then the practices' policy-area links (a
 * discovered practice links to the area of each section it was found in, in any report). A
 * report already in `to` is left unchanged, a report of the same region and year with another
 * text is replaced — so copying again, or into a store that holds other reports, is safe.
 * Returns each report's outcome, as `onReport` sees it.
 */
export async function copyGraph(from: GraphStore, to: GraphStore, onReport: (outcome: WriteOutcome) => void = () => {}): Promise<WriteOutcome[]> {
  await writeTaxonomy(to, await readTaxonomyRecord(from));
  const outcomes: WriteOutcome[] = [];
  for await (const record of readReportRecords(from)) {
    const outcome = await writeReport(to, record);
    outcomes.push(outcome);
    onReport(outcome);
  }
  const areaLinks = await from.read(q.exportPracticeAreas, {});
  await to.writeTransaction((tx) => tx.run(q.mergePracticeAreas, { rows: areaLinks }));
  return outcomes;
}
