/**
 * The vocabulary of extraction: what a report is made of and what facts it states.
 * All offsets are UTF-16 code units into the report's normalised text (see `normaliseText`).
 * This module imports nothing.
 */

/** Where a fact stands in the report's own frame, taken from the section it appears in. */
export type Status = 'IMPLEMENTED' | 'PLANNED' | 'PROBLEM';

export const STATUSES: readonly Status[] = ['IMPLEMENTED', 'PLANNED', 'PROBLEM'];

/** How a stated number relates to the true quantity: 以上/超过 → GTE, 余/约/左右/多 → APPROX. */
export type Qualifier = 'EQ' | 'GTE' | 'APPROX' | 'LTE';

export type FactKind =
  | 'practice'
  | 'system'
  | 'metric'
  | 'agency'
  | 'award'
  | 'problem'
  | 'document'
  | 'place';

export const FACT_KINDS: readonly FactKind[] = [
  'practice',
  'system',
  'metric',
  'agency',
  'award',
  'problem',
  'document',
  'place',
];

/**
 * How extraction read a practice: a term of the curated taxonomy, a rule of open discovery (a
 * quoted term, a named mechanism, campaign or body), or the learned tagger (a candidate).
 */
export type FoundBy = 'TAXONOMY' | 'RULE' | 'MODEL';

export const FOUND_BY: readonly FoundBy[] = ['TAXONOMY', 'RULE', 'MODEL'];

/** A half-open range [start, end) of UTF-16 code units into the normalised text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Administrative level of a region, after GB/T 2260; TOWN for townships and streets (乡镇/街道,
 * 9-digit statistics codes), which publish reports of their own.
 */
export type RegionLevel = 'PROVINCE' | 'PREFECTURE' | 'COUNTY' | 'DISTRICT' | 'TOWN';

/** One node of the report's heading tree: 一、 → level 1, (一) → level 2, 一是/1. → level 3. */
export interface Section {
  index: number;
  level: number;
  /** The heading as written, without its number marker. */
  heading: string;
  /** The marker as written: "一、", "(二)", "一是", "1." */
  marker: string;
  parentIndex: number | null;
  start: number;
  end: number;
  status: Status;
  /** Chapter of the national outline (1–10) this section is about, when the heading says so. */
  area: number | null;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** Innermost section containing the sentence, or null before the first heading. */
  sectionIndex: number | null;
}

/** A resolved administrative division. */
export interface RegionRef {
  /** GB/T 2260 code, 6 digits (610924). */
  code: string;
  name: string;
  level: RegionLevel;
}

/** Metadata read from the report's head and signature. Any field may be missing in an excerpt. */
export interface ReportMeta {
  title: string | null;
  /** The region the report is about, resolved to its code; `chain` runs from it up to its province. */
  region: (RegionRef & { chain: RegionRef[] }) | null;
  /** The year the report reports on (not the year it was published). */
  year: number | null;
  /** ISO date (YYYY-MM-DD) the report was published or signed. */
  publishedOn: string | null;
  issuer: string | null;
  docNumber: string | null;
}

/** One fact as extraction finds it: a canonical name, the spans that evidence it, and its status. */
export interface Fact {
  kind: FactKind;
  /** The canonical name a researcher searches for (the same across reports). */
  name: string;
  span: Span;
  status: Status;
  sentenceIndex: number;
  /** Practices/systems: true when the name comes from the curated taxonomy, false when discovered. */
  curated?: boolean;
  /** Practices/systems: how this mention was read (TAXONOMY exactly when curated). */
  foundBy?: FoundBy;
  /** Metrics: the number with 万/亿 multiplied out. */
  value?: number;
  unit?: string;
  qualifier?: Qualifier;
  /** Awards: the year of the recognition. */
  year?: number;
  /** Systems: the umbrella system a component mention belongs to (component-level evidence). */
  componentOf?: string;
  /** Places resolved to one administrative division (GB/T 2260 code; towns have 9 digits). */
  place?: { code: string; level: RegionLevel; parentCode: string | null; parentName: string | null; province: string | null };
}

export type DiagnosticCode =
  | 'NO_REGION'
  | 'NO_YEAR'
  | 'NO_SECTIONS'
  | 'EMPTY_TEXT';

/** Extraction never throws on bad text: it reports what it could not find with a code and a span. */
export interface Diagnostic {
  code: DiagnosticCode;
  message: string;
  span?: Span;
}

export interface Extraction {
  /** The normalised text every offset refers to. */
  text: string;
  /** The text as extraction read it: its simplified-character reading, offset for offset (the text itself when it is simplified). */
  reading: string;
  meta: ReportMeta;
  sections: Section[];
  sentences: Sentence[];
  facts: Fact[];
  diagnostics: Diagnostic[];
}
