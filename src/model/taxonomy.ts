/**
 * The shape of the curated taxonomy (data files under seed/taxonomy/). Pure types and
 * validation; the files are read at the edge (src/ingest/loadTaxonomy.ts).
 */

/** A chapter of 《法治政府建设实施纲要(2021—2025年)》. */
export interface PolicyAreaEntry {
  /** 1–10, the chapter number. */
  id: number;
  name: string;
  /** Words that, found in a section heading, place the section in this area. */
  keywords: string[];
}

export interface PracticeEntry {
  /** Canonical name, unique across practices and systems. */
  name: string;
  /** Other surface forms found in reports (quotes and brackets are ignored when matching). */
  synonyms: string[];
  /** Policy area (chapter 1–10) the practice belongs to. */
  area: number;
  /** A formal institutional system (制度) rather than a practice. */
  system: boolean;
  /** Canonical name of the broader concept, if any. */
  broader: string | null;
  /** Systems: canonical names of component systems (they must exist as entries). */
  components: string[];
  /**
   * Context guard: a mention is rejected when one of these strings occurs within the
   * `guardWindow` characters before it in the same sentence. Used to tell two concepts with
   * the same short name apart, e.g. a “三项制度” that is not the 行政执法 one.
   */
  rejectIfPrecededBy: string[];
  /** A short synonym (e.g. 三项制度) only counts when one of these occurs nearby before it. */
  requirePrecededBy: string[];
  /**
   * Regular expressions (JavaScript, `u` flag) for wordings too varied to list as synonyms,
   * matched against the text with quote marks removed and full-width folded — e.g. for
   * 法治建设纳入考核: `纳入[^，。；,;]{0,12}(绩效|目标|综合)考核`. A match competes with synonym
   * matches (the longest wins) and passes the same context guards.
   */
  patterns: string[];
}

export interface MetricEntry {
  /** Canonical metric name, e.g. 行政机关负责人出庭应诉率. */
  name: string;
  /** Surface forms of the name that may precede the number. */
  synonyms: string[];
  /** Expected unit; observations whose unit differs are not of this metric. */
  unit: string | null;
}

export interface ProblemThemeEntry {
  theme: string;
  /** The clause matches when, for every group, at least one of the group's words occurs. */
  allOf: string[][];
}

export interface AgencyEntry {
  /** Canonical name without the level prefix, e.g. 司法局. */
  name: string;
  synonyms: string[];
}

export interface Taxonomy {
  areas: PolicyAreaEntry[];
  practices: PracticeEntry[];
  metrics: MetricEntry[];
  problemThemes: ProblemThemeEntry[];
  agencies: AgencyEntry[];
}
