/**
 * Scoring of an extraction against a gold annotation, following
 * /work/shared/eval/ANNOTATION.md ("How a prediction is scored"). Pure: no I/O.
 *
 * Per report and per kind:
 * - A gold fact is **found** when some predicted fact of the same kind has a span overlapping
 *   any occurrence of the gold `surface` in the text, or a predicted fact has the same canonical
 *   name (both compared after {@link canonicalKey}). Metrics additionally need the value within
 *   0.5 % (relative; exact when the gold value is 0) and the same unit (in either script).
 * - A predicted fact is **correct** when the same holds the other way round.
 * - Predictions are counted once per distinct fact: non-metric facts are grouped by scoring kind
 *   and canonical key of their name (all spans of the group count for matching); metrics are
 *   counted once per observation (one `Fact`).
 */
import { simplifiedWords } from '../extract/simplifiedReading.js';
import { FOUND_BY, type Fact, type FactKind, type FoundBy } from '../model/facts.js';

// ---------------------------------------------------------------------------------------------
// Gold file
// ---------------------------------------------------------------------------------------------

export interface GoldRegion {
  name: string;
  province?: string;
  level?: string;
}

export interface GoldPractice {
  surface: string;
  canonical: string;
  system?: boolean;
}

export interface GoldMetric {
  surface: string;
  name: string;
  value: number;
  unit: string;
  /** eq | gte | approx | lte (lower case in gold files); not used for scoring. */
  qualifier?: string;
}

export interface GoldAgency {
  surface: string;
  canonical: string;
}

export interface GoldAward {
  surface: string;
  year?: number;
}

export interface GoldProblem {
  surface: string;
  theme: string;
}

export interface GoldSurfaceOnly {
  surface: string;
}

/** One gold file (see ANNOTATION.md). Kind lists missing from the file are read as empty. */
export interface GoldReport {
  id: string;
  /** File name of the report text (looked up in the text directory). */
  source: string | null;
  /** The report text itself, for excerpts carried inside the gold file. */
  text?: string;
  region?: GoldRegion;
  year?: number;
  /** sha256 (hex) of the exact UTF-8 text the annotation refers to. */
  text_sha256?: string;
  /** Where the text was published, when the annotator noted it. */
  url?: string;
  practices: GoldPractice[];
  metrics: GoldMetric[];
  agencies: GoldAgency[];
  awards: GoldAward[];
  problems: GoldProblem[];
  documents: GoldSurfaceOnly[];
  places: GoldSurfaceOnly[];
}

export type ScoreKind =
  | 'practices'
  | 'metrics'
  | 'agencies'
  | 'awards'
  | 'problems'
  | 'documents'
  | 'places';

export const SCORE_KINDS: readonly ScoreKind[] = [
  'practices',
  'metrics',
  'agencies',
  'awards',
  'problems',
  'documents',
  'places',
];

/** Which scoring kind a fact kind counts under: practice and system both count as practices. */
export const SCORE_KIND_OF: Readonly<Record<FactKind, ScoreKind>> = {
  practice: 'practices',
  system: 'practices',
  metric: 'metrics',
  agency: 'agencies',
  award: 'awards',
  problem: 'problems',
  document: 'documents',
  place: 'places',
};

export type GoldParseResult =
  | { ok: true; gold: GoldReport }
  | { ok: false; error: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Validates parsed JSON as a gold file. A gold file is an object with a string `source` or
 * `text`, at least one of the kind lists, and well-formed entries in every list it has.
 * `fallbackId` is used when the file has no `id`.
 */
export function parseGold(json: unknown, fallbackId: string): GoldParseResult {
  if (!isRecord(json)) return { ok: false, error: 'not a JSON object' };
  const source = json['source'];
  const text = json['text'];
  if (typeof source !== 'string' && typeof text !== 'string') {
    return { ok: false, error: 'has neither a "source" nor a "text" string' };
  }
  if (!SCORE_KINDS.some((k) => k in json)) {
    return { ok: false, error: `has none of the lists ${SCORE_KINDS.join(', ')}` };
  }
  const id = json['id'];
  if (id !== undefined && typeof id !== 'string') return { ok: false, error: '"id" is not a string' };

  const problems: string[] = [];
  const str = (o: Record<string, unknown>, key: string, where: string): string => {
    const v = o[key];
    if (typeof v !== 'string' || v.length === 0) {
      problems.push(`${where}.${key} is not a non-empty string`);
      return '';
    }
    return v;
  };
  const list = <T>(
    key: ScoreKind,
    read: (o: Record<string, unknown>, where: string) => T,
  ): T[] => {
    const v = json[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      problems.push(`"${key}" is not an array`);
      return [];
    }
    const out: T[] = [];
    v.forEach((item: unknown, i) => {
      const where = `${key}[${i}]`;
      if (!isRecord(item)) {
        problems.push(`${where} is not an object`);
        return;
      }
      out.push(read(item, where));
    });
    return out;
  };

  const gold: GoldReport = {
    id: typeof id === 'string' ? id : fallbackId,
    source: typeof source === 'string' ? source : null,
    practices: list('practices', (o, w) => {
      const p: GoldPractice = { surface: str(o, 'surface', w), canonical: str(o, 'canonical', w) };
      if (typeof o['system'] === 'boolean') p.system = o['system'];
      return p;
    }),
    metrics: list('metrics', (o, w) => {
      const value = o['value'];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        problems.push(`${w}.value is not a finite number`);
      }
      const unit = o['unit'];
      if (typeof unit !== 'string') problems.push(`${w}.unit is not a string`);
      const m: GoldMetric = {
        surface: str(o, 'surface', w),
        name: str(o, 'name', w),
        value: typeof value === 'number' ? value : Number.NaN,
        unit: typeof unit === 'string' ? unit : '',
      };
      if (typeof o['qualifier'] === 'string') m.qualifier = o['qualifier'];
      return m;
    }),
    agencies: list('agencies', (o, w) => ({
      surface: str(o, 'surface', w),
      canonical: str(o, 'canonical', w),
    })),
    awards: list('awards', (o, w) => {
      const a: GoldAward = { surface: str(o, 'surface', w) };
      if (typeof o['year'] === 'number') a.year = o['year'];
      return a;
    }),
    problems: list('problems', (o, w) => ({
      surface: str(o, 'surface', w),
      theme: str(o, 'theme', w),
    })),
    documents: list('documents', (o, w) => ({ surface: str(o, 'surface', w) })),
    places: list('places', (o, w) => ({ surface: str(o, 'surface', w) })),
  };
  if (typeof text === 'string') gold.text = text;
  const region = json['region'];
  if (isRecord(region) && typeof region['name'] === 'string') {
    gold.region = { name: region['name'] };
    if (typeof region['province'] === 'string') gold.region.province = region['province'];
    if (typeof region['level'] === 'string') gold.region.level = region['level'];
  }
  if (typeof json['year'] === 'number') gold.year = json['year'];
  if (typeof json['text_sha256'] === 'string') gold.text_sha256 = json['text_sha256'];
  if (typeof json['url'] === 'string') gold.url = json['url'];

  if (problems.length > 0) {
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
    return { ok: false, error: problems.slice(0, 3).join('; ') + more };
  }
  return { ok: true, gold };
}

// ---------------------------------------------------------------------------------------------
// Matching helpers
// ---------------------------------------------------------------------------------------------

const STRIP_RE = /[“”‘’"'「」()（）【】《》〔〕[\]\s]/gu;

/** A name as compared for scoring: quotes “”‘’"'「」, brackets ()（）【】《》〔〕[] and all whitespace removed. */
export function canonicalKey(name: string): string {
  return name.replace(STRIP_RE, '');
}

/** Relative tolerance for metric values: 0.5 %. */
export const METRIC_VALUE_TOLERANCE = 0.005;

/** True when `predicted` is within 0.5 % of `gold` (relative to gold); exact when gold is 0. */
export function valueAgrees(predicted: number | undefined, gold: number): boolean {
  if (predicted === undefined || !Number.isFinite(predicted) || !Number.isFinite(gold)) return false;
  if (gold === 0) return predicted === 0;
  return Math.abs(predicted - gold) <= METRIC_VALUE_TOLERANCE * Math.abs(gold);
}

/** The same unit, whichever script either side wrote it in (2輪次 and 2轮次). */
function unitAgrees(predicted: string | undefined, gold: string): boolean {
  return predicted !== undefined && simplifiedWords(predicted.trim()) === simplifiedWords(gold.trim());
}

type Range = readonly [number, number];

/** All occurrences (overlapping ones included) of `needle` in `text`, as half-open ranges. */
export function occurrences(text: string, needle: string): Range[] {
  const out: Range[] = [];
  if (needle.length === 0) return out;
  let i = text.indexOf(needle);
  while (i !== -1) {
    out.push([i, i + needle.length]);
    i = text.indexOf(needle, i + 1);
  }
  return out;
}

function overlaps(a: Range, b: Range): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

function anyOverlap(as: readonly Range[], bs: readonly Range[]): boolean {
  return as.some((a) => bs.some((b) => overlaps(a, b)));
}

// ---------------------------------------------------------------------------------------------
// Result types
// ---------------------------------------------------------------------------------------------

export interface KindCounts {
  /** Gold facts of this kind. */
  gold: number;
  /** Gold facts matched by some prediction. */
  found: number;
  /** Distinct predicted facts (non-metrics: per name; metrics: per observation). */
  predicted: number;
  /** Predicted facts that match some gold fact. */
  correct: number;
}

/** A gold fact no prediction matched. */
export interface MissedGold {
  surface: string;
  /** The canonical name compared (canonical / name / theme / the surface itself). */
  name: string;
  value?: number;
  unit?: string;
  /** False when the surface does not occur in the scored text (only a name match can find it). */
  located: boolean;
  /** Why it was missed, when there is more to say than "nothing predicted here". */
  reason?: string;
}

/** A predicted fact that matches no gold fact. */
export interface WrongPrediction {
  name: string;
  /** The text under the first span. */
  surface: string;
  spans: Array<[number, number]>;
  value?: number;
  unit?: string;
  reason?: string;
}

export interface KindScore extends KindCounts {
  missed: MissedGold[];
  wrong: WrongPrediction[];
}

/** The score of one report: one entry per scoring kind. */
export type ExtractionScore = Record<ScoreKind, KindScore>;

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

interface GoldItem {
  surface: string;
  name: string;
  key: string;
  occ: Range[];
  value?: number;
  unit?: string;
}

interface PredItem {
  name: string;
  key: string;
  spans: Range[];
  value?: number;
  unit?: string;
}

function goldItems(gold: GoldReport, kind: ScoreKind, text: string): GoldItem[] {
  const item = (surface: string, name: string, extra?: { value: number; unit: string }): GoldItem => {
    const g: GoldItem = { surface, name, key: canonicalKey(name), occ: occurrences(text, surface) };
    if (extra) {
      g.value = extra.value;
      g.unit = extra.unit;
    }
    return g;
  };
  switch (kind) {
    case 'practices':
      return gold.practices.map((p) => item(p.surface, p.canonical));
    case 'metrics':
      return gold.metrics.map((m) => item(m.surface, m.name, { value: m.value, unit: m.unit }));
    case 'agencies':
      return gold.agencies.map((a) => item(a.surface, a.canonical));
    case 'awards':
      return gold.awards.map((a) => item(a.surface, a.surface));
    case 'problems':
      return gold.problems.map((p) => item(p.surface, p.theme));
    case 'documents':
      return gold.documents.map((d) => item(d.surface, d.surface));
    case 'places':
      return gold.places.map((p) => item(p.surface, p.surface));
  }
}

function predItems(facts: readonly Fact[], kind: ScoreKind): PredItem[] {
  const mine = facts.filter((f) => SCORE_KIND_OF[f.kind] === kind);
  if (kind === 'metrics') {
    return mine.map((f) => {
      const p: PredItem = { name: f.name, key: canonicalKey(f.name), spans: [[f.span.start, f.span.end]] };
      if (f.value !== undefined) p.value = f.value;
      if (f.unit !== undefined) p.unit = f.unit;
      return p;
    });
  }
  const groups = new Map<string, PredItem>();
  for (const f of mine) {
    const key = canonicalKey(f.name);
    const g = groups.get(key);
    if (g) g.spans.push([f.span.start, f.span.end]);
    else groups.set(key, { name: f.name, key, spans: [[f.span.start, f.span.end]] });
  }
  return [...groups.values()];
}

/** Whether prediction `p` and gold `g` meet: a span overlaps a surface occurrence, or same canonical key. Value/unit not checked. */
function located(p: PredItem, g: GoldItem): boolean {
  return anyOverlap(p.spans, g.occ) || (p.key.length > 0 && p.key === g.key);
}

function metricAgrees(p: PredItem, g: GoldItem): boolean {
  return valueAgrees(p.value, g.value ?? Number.NaN) && unitAgrees(p.unit, g.unit ?? '');
}

function fmtMetric(value: number | undefined, unit: string | undefined): string {
  return `${value ?? '?'}${unit ?? '?'}`;
}

function scoreKind(kind: ScoreKind, golds: GoldItem[], preds: PredItem[], text: string): KindScore {
  const isMetric = kind === 'metrics';
  const matches = (p: PredItem, g: GoldItem): boolean =>
    located(p, g) && (!isMetric || metricAgrees(p, g));

  const missed: MissedGold[] = [];
  let found = 0;
  for (const g of golds) {
    if (preds.some((p) => matches(p, g))) {
      found++;
      continue;
    }
    const m: MissedGold = { surface: g.surface, name: g.name, located: g.occ.length > 0 };
    if (isMetric) {
      if (g.value !== undefined) m.value = g.value;
      if (g.unit !== undefined) m.unit = g.unit;
    }
    if (g.occ.length === 0) m.reason = 'surface not found in text';
    else if (isMetric) {
      const near = preds.filter((p) => located(p, g));
      if (near.length > 0) {
        m.reason =
          'value/unit differ from overlapping prediction(s): ' +
          near.map((p) => `${p.name}=${fmtMetric(p.value, p.unit)}`).join(', ');
      }
    }
    missed.push(m);
  }

  const wrong: WrongPrediction[] = [];
  let correct = 0;
  for (const p of preds) {
    if (golds.some((g) => matches(p, g))) {
      correct++;
      continue;
    }
    const first = p.spans[0];
    const w: WrongPrediction = {
      name: p.name,
      surface: first ? text.slice(first[0], first[1]) : '',
      spans: p.spans.map((s) => [s[0], s[1]]),
    };
    if (isMetric) {
      if (p.value !== undefined) w.value = p.value;
      if (p.unit !== undefined) w.unit = p.unit;
      const near = golds.filter((g) => located(p, g));
      if (near.length > 0) {
        w.reason =
          'value/unit differ from gold: ' +
          near.map((g) => `${g.name}=${fmtMetric(g.value, g.unit)}`).join(', ');
      }
    }
    wrong.push(w);
  }

  return { gold: golds.length, found, predicted: preds.length, correct, missed, wrong };
}

/**
 * Scores one report's predicted facts against its gold annotation.
 *
 * @param gold  the gold annotation (see {@link parseGold})
 * @param text  the text the fact spans refer to (the extraction's normalised text); gold
 *              surfaces are located in it by exact substring search, every occurrence counts
 * @param facts the predicted facts, one per mention
 */
export function scoreExtraction(gold: GoldReport, text: string, facts: readonly Fact[]): ExtractionScore {
  const out = {} as ExtractionScore;
  for (const kind of SCORE_KINDS) {
    out[kind] = scoreKind(kind, goldItems(gold, kind, text), predItems(facts, kind), text);
  }
  return out;
}

/**
 * The practices of one report scored once for each way of reading them (the curated taxonomy, the
 * rules of discovery, the learned tagger), each against all gold practices: how precise each is,
 * and how much of the gold it finds alone.
 */
export function scorePracticesByFoundBy(gold: GoldReport, text: string, facts: readonly Fact[]): Record<FoundBy, KindCounts> {
  const golds = goldItems(gold, 'practices', text);
  const out = {} as Record<FoundBy, KindCounts>;
  for (const how of FOUND_BY) {
    const { missed: _missed, wrong: _wrong, ...counts } = scoreKind('practices', golds, predItems(facts.filter((f) => f.foundBy === how), 'practices'), text);
    out[how] = counts;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Aggregation
// ---------------------------------------------------------------------------------------------

export interface KindMetrics extends KindCounts {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Precision, recall and F1 from counts.
 * - precision = correct / predicted, defined as **1 when nothing was predicted**;
 * - recall = found / gold, defined as **1 when there is no gold fact**;
 * - F1 = 2PR / (P + R), and 0 when P + R = 0.
 */
export function prf(c: KindCounts): KindMetrics {
  const precision = c.predicted === 0 ? 1 : c.correct / c.predicted;
  const recall = c.gold === 0 ? 1 : c.found / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold: c.gold, found: c.found, predicted: c.predicted, correct: c.correct, precision, recall, f1 };
}

export interface AggregateScore {
  /** Number of reports aggregated. */
  reports: number;
  kinds: Record<ScoreKind, KindMetrics>;
  /** All kinds together (counts summed over kinds, then P/R/F1). */
  total: KindMetrics;
}

/**
 * Micro-average over reports: the counts of each kind are summed over all reports, then
 * precision, recall and F1 are computed from the sums with {@link prf} (so P = 1 when nothing
 * was predicted and R = 1 when there is no gold fact).
 */
export function aggregateScores(scores: ReadonlyArray<Record<ScoreKind, KindCounts>>): AggregateScore {
  const kinds = {} as Record<ScoreKind, KindMetrics>;
  for (const k of SCORE_KINDS) kinds[k] = prf(sumCounts(scores.map((s) => s[k])));
  return { reports: scores.length, kinds, total: prf(sumCounts(scores.flatMap((s) => SCORE_KINDS.map((k) => s[k])))) };
}

/** Micro-average of per-report scores by way of reading (see {@link scorePracticesByFoundBy}). */
export function aggregateByFoundBy(scores: ReadonlyArray<Record<FoundBy, KindCounts>>): Record<FoundBy, KindMetrics> {
  const out = {} as Record<FoundBy, KindMetrics>;
  for (const how of FOUND_BY) out[how] = prf(sumCounts(scores.map((s) => s[how])));
  return out;
}

/** Counts summed field by field. */
function sumCounts(counts: readonly KindCounts[]): KindCounts {
  const sum: KindCounts = { gold: 0, found: 0, predicted: 0, correct: 0 };
  for (const c of counts) {
    sum.gold += c.gold;
    sum.found += c.found;
    sum.predicted += c.predicted;
    sum.correct += c.correct;
  }
  return sum;
}
