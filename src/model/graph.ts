/**
 * The graph model: labels, relationship types, stable ids and the rows one report writes.
 * Pure — it imports only the vocabulary of facts and the taxonomy's shape.
 */
import type { Extraction, Fact, FactKind, FoundBy, Qualifier, RegionLevel, Status } from './facts.js';
import type { Taxonomy } from './taxonomy.js';

export const Label = {
  Region: 'Region',
  Report: 'Report',
  PolicyArea: 'PolicyArea',
  /** Practices and institutional systems share one label; `kind` tells them apart. */
  Practice: 'Practice',
  Agency: 'Agency',
  Document: 'Document',
  Metric: 'Metric',
  Observation: 'Observation',
  Award: 'Award',
  ProblemTheme: 'ProblemTheme',
} as const;

export const Rel = {
  PART_OF: 'PART_OF',
  ABOUT: 'ABOUT',
  IN_AREA: 'IN_AREA',
  BROADER: 'BROADER',
  HAS_COMPONENT: 'HAS_COMPONENT',
  MENTIONS: 'MENTIONS',
  OBSERVED: 'OBSERVED',
  OF: 'OF',
  RECEIVED: 'RECEIVED',
  IDENTIFIES: 'IDENTIFIES',
} as const;

/** Where a fact was stated: the sentence, its section path and offsets into the report's text. */
export interface EvidenceRow {
  status: Status;
  year: number;
  section: string;
  sentence: string;
  /** UTF-16 offsets into the report's stored normalised text. */
  startOffset: number;
  endOffset: number;
  /** The words as written. */
  surface: string;
}

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  parentName: string | null;
  province: string | null;
}

export interface ReportRow {
  id: string;
  regionCode: string;
  title: string;
  year: number;
  publishedOn: string | null;
  issuer: string | null;
  docNumber: string | null;
  /** sha256 of the source file's bytes. */
  sha256: string;
  source: string;
  text: string;
  /**
   * Hash of the facts read from the text. The same text read the same way is unchanged; read
   * otherwise (by a newer extractor or taxonomy), its stored facts are replaced on ingest.
   */
  factsHash: string;
}

export interface PracticeRow {
  name: string;
  kind: 'PRACTICE' | 'SYSTEM';
  curated: boolean;
  area: number;
}

export type MentionTarget = 'Practice' | 'Agency' | 'Document' | 'Region';

export interface MentionRow extends EvidenceRow {
  /** Key of the target node: a practice/agency/document name, or a region code. */
  key: string;
  componentOf: string | null;
  /** The sentence in simplified characters when the report is written in traditional ones (for text search), else null. */
  reading: string | null;
  /** Practices: how extraction read the mention (TAXONOMY, RULE, MODEL); null for other targets. */
  foundBy: FoundBy | null;
}

export interface ObservationRow extends EvidenceRow {
  id: string;
  metric: string;
  value: number;
  unit: string;
  qualifier: Qualifier;
}

export interface AwardRow extends EvidenceRow {
  id: string;
  name: string;
  awardYear: number;
}

export interface ProblemRow extends EvidenceRow {
  theme: string;
}

/** Everything one report writes, in the order the store writes it (one transaction). */
export interface ReportRecord {
  report: ReportRow;
  regions: RegionRow[];
  practices: PracticeRow[];
  mentions: Record<MentionTarget, MentionRow[]>;
  observations: ObservationRow[];
  awards: AwardRow[];
  problems: ProblemRow[];
}

/** Rows for the curated taxonomy: areas, practices with their area, broader and component links. */
export interface TaxonomyRecord {
  areas: { id: number; name: string }[];
  practices: PracticeRow[];
  broader: { name: string; broader: string }[];
  components: { name: string; component: string }[];
}

/**
 * 32-bit FNV-1a, hex. Stable across runs and platforms; used only to make ids short, never
 * for security (the report's sha256 is kept in full).
 */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * A report's id: region code, year and a hash of its normalised text (430500-2023-1a2b3c4d).
 * The same text always gets the same id, so re-ingesting is a no-op; a corrected text gets a
 * new id and replaces the report with the same region and year.
 */
export function reportId(regionCode: string, year: number, text: string): string {
  return `${regionCode}-${year}-${shortHash(text)}`;
}

export function toTaxonomyRecord(taxonomy: Taxonomy): TaxonomyRecord {
  return {
    areas: taxonomy.areas.map((a) => ({ id: a.id, name: a.name })),
    practices: taxonomy.practices.map((p) => ({ name: p.name, kind: p.system ? 'SYSTEM' : 'PRACTICE', curated: true, area: p.area })),
    broader: taxonomy.practices.filter((p) => p.broader).map((p) => ({ name: p.name, broader: p.broader ?? '' })),
    components: taxonomy.practices.flatMap((p) => p.components.map((component) => ({ name: p.name, component }))),
  };
}

export interface ReportSource {
  /** File name or path the report came from. */
  source: string;
  sha256: string;
}

/** Area for a discovered practice: its section's chapter, else the chapter of the outline's推进机制 (10). */
const FALLBACK_AREA = 10;

/**
 * Turns an extraction into the rows of the graph. Requires region and year (ingest refuses a
 * report without them before calling this). `evidenceOf` gives the section path and sentence of
 * a fact (it lives in extract, which model must not import).
 */
export function toReportRecord(
  extraction: Extraction,
  source: ReportSource,
  evidenceOf: (fact: Fact) => { section: string; sentence: string; reading: string | null; area: number | null },
): ReportRecord {
  const { meta, text } = extraction;
  if (!meta.region || meta.year === null) throw new Error('toReportRecord needs a report with region and year');
  const year = meta.year;
  const chain = meta.region.chain;
  const province = chain[chain.length - 1]?.name ?? null;
  const regions: RegionRow[] = chain.map((r, i) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: chain[i + 1]?.code ?? null,
    parentName: chain[i + 1]?.name ?? null,
    province: province === r.name ? null : province,
  }));
  const report: Omit<ReportRow, 'factsHash'> = {
    id: reportId(meta.region.code, year, text),
    regionCode: meta.region.code,
    title: meta.title ?? `${meta.region.name}${year}年法治政府建设报告`,
    year,
    publishedOn: meta.publishedOn,
    issuer: meta.issuer,
    docNumber: meta.docNumber,
    sha256: source.sha256,
    source: source.source,
    text,
  };
  const evidence = (fact: Fact): EvidenceRow & { area: number | null; reading: string | null } => {
    const e = evidenceOf(fact);
    return {
      status: fact.status,
      year,
      section: e.section,
      sentence: e.sentence,
      startOffset: fact.span.start,
      endOffset: fact.span.end,
      surface: text.slice(fact.span.start, fact.span.end),
      area: e.area,
      reading: e.reading,
    };
  };
  const mentions: Record<MentionTarget, MentionRow[]> = { Practice: [], Agency: [], Document: [], Region: [] };
  const practices = new Map<string, PracticeRow>();
  const observations: ObservationRow[] = [];
  const awards: AwardRow[] = [];
  const problems: ProblemRow[] = [];
  const targetOf: Partial<Record<FactKind, MentionTarget>> = { practice: 'Practice', system: 'Practice', agency: 'Agency', document: 'Document' };
  for (const fact of extraction.facts) {
    const { area, reading, ...ev } = evidence(fact);
    const target = targetOf[fact.kind];
    if (target) {
      mentions[target].push({ ...ev, reading, key: fact.name, componentOf: fact.componentOf ?? null, foundBy: fact.foundBy ?? null });
      if (target === 'Practice' && fact.curated === false && !practices.has(fact.name)) {
        practices.set(fact.name, { name: fact.name, kind: fact.kind === 'system' ? 'SYSTEM' : 'PRACTICE', curated: false, area: area ?? FALLBACK_AREA });
      }
    } else if (fact.kind === 'metric' && fact.value !== undefined && fact.unit !== undefined) {
      observations.push({
        ...ev,
        id: `${report.id}:${fact.span.start}:${shortHash(fact.name)}`,
        metric: fact.name,
        value: fact.value,
        unit: fact.unit,
        qualifier: fact.qualifier ?? 'EQ',
      });
    } else if (fact.kind === 'place' && fact.place) {
      mentions.Region.push({ ...ev, reading, key: fact.place.code, componentOf: null, foundBy: null });
      if (!regions.some((r) => r.code === fact.place?.code)) {
        regions.push({ name: fact.name, ...fact.place });
      }
    } else if (fact.kind === 'award') {
      const awardYear = fact.year ?? year;
      awards.push({ ...ev, id: `${meta.region.code}:${awardYear}:${fact.name}`, name: fact.name, awardYear });
    } else if (fact.kind === 'problem') {
      problems.push({ ...ev, theme: fact.name });
    }
  }
  const facts = { regions, practices: [...practices.values()], mentions, observations, awards, problems };
  return { report: { ...report, factsHash: shortHash(JSON.stringify(facts)) }, ...facts };
}
