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

/**
 * A learned practice tagger (see extract/practiceTagger.ts): per feature, the scores of "a
 * practice starts here" (B) and "goes on" (I) over "outside" (O); transition scores indexed
 * previous*4 + tag (previous 3 = before the text); and the bias added to B and I when decoding.
 */
export interface PracticeTaggerModel {
  features: ReadonlyMap<string, readonly [number, number]>;
  transitions: readonly number[];
  bias: number;
}

export interface Taxonomy {
  areas: PolicyAreaEntry[];
  practices: PracticeEntry[];
  metrics: MetricEntry[];
  problemThemes: ProblemThemeEntry[];
  agencies: AgencyEntry[];
  /** The learned practice tagger, when the taxonomy directory ships one. */
  practiceTagger?: PracticeTaggerModel;
}

/** The format name written in a tagger model file. */
export const PRACTICE_TAGGER_FORMAT = 'practice-tagger/2';

/** A tagger model file: the model and what it was learnt from. */
export interface PracticeTaggerFile {
  format: typeof PRACTICE_TAGGER_FORMAT;
  /** What the model was trained on and how (free-form, for people). */
  trainedOn: Record<string, unknown>;
  bias: number;
  transitions: number[];
  features: Record<string, [number, number]>;
}

/** The model a tagger file holds; a file of another shape fails with what is wrong. */
export function parsePracticeTagger(json: unknown, where: string): PracticeTaggerModel {
  const fail = (what: string): never => {
    throw new Error(`practice tagger ${where}: ${what}; retrain it with \`npm run train:tagger\` or remove the file to extract by rules only`);
  };
  if (typeof json !== 'object' || json === null) return fail('not a JSON object');
  const file = json as Partial<PracticeTaggerFile>;
  if (file.format !== PRACTICE_TAGGER_FORMAT) return fail(`format is ${JSON.stringify(file.format)}, not "${PRACTICE_TAGGER_FORMAT}"`);
  if (typeof file.bias !== 'number' || !Number.isFinite(file.bias)) return fail('bias is not a number');
  if (!Array.isArray(file.transitions) || file.transitions.length !== 16 || !file.transitions.every((x) => typeof x === 'number')) return fail('transitions are not 16 numbers');
  if (typeof file.features !== 'object' || file.features === null) return fail('features are missing');
  const features = new Map<string, readonly [number, number]>();
  for (const [key, scores] of Object.entries(file.features)) {
    if (!Array.isArray(scores) || scores.length !== 2 || typeof scores[0] !== 'number' || typeof scores[1] !== 'number') return fail(`feature ${JSON.stringify(key)} has no pair of scores`);
    features.set(key, [scores[0], scores[1]]);
  }
  return { features, transitions: file.transitions, bias: file.bias };
}

/** The file form of a model (features in sorted order, so retraining on the same data gives the same file). */
export function practiceTaggerFile(model: PracticeTaggerModel, trainedOn: Record<string, unknown>): PracticeTaggerFile {
  const features: Record<string, [number, number]> = {};
  for (const key of [...model.features.keys()].sort()) {
    const scores = model.features.get(key);
    if (scores) features[key] = [scores[0], scores[1]];
  }
  return { format: PRACTICE_TAGGER_FORMAT, trainedOn, bias: model.bias, transitions: [...model.transitions], features };
}
