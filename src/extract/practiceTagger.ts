import type { Span } from '../model/facts.js';
import type { PracticeTaggerModel, Taxonomy } from '../model/taxonomy.js';

/**
 * A learned reader of practices, beside the rules: a character tagger (B = a practice starts,
 * I = it goes on, O = outside) with an averaged perceptron and Viterbi decoding. Practices are a
 * long tail — local mechanisms, programmes and brands each worded once — that hand rules written
 * from earlier reports do not reach; the tagger learns from annotated reports what such names
 * look like around their words (开展…专题培训, 纳入…考核, a clause that names a platform).
 *
 * It only adds: a span the rules already read as a practice, or that is unbalanced in its quotes,
 * is left alone, and every span it keeps is an uncurated practice named by its own words.
 * `trainPracticeTagger` learns a model from annotated texts (`npm run train:tagger`).
 */

export const O = 0;
export const B = 1;
export const I = 2;
/** Tag of "before the first character" in transitions. */
const START = 3;

/** What the tagger sees of a text, computed once per text. */
export interface TaggerView {
  /** The text, offset for offset, with half-width punctuation in its full-width form. */
  text: string;
  /** 1 where another kind of fact (agency, document, metric, …) starts, 2 inside it, else 0. */
  other: Uint8Array;
  /** 1 from an opening “ through its closing ”. */
  quote: Uint8Array;
  /** Bit 1 where a word the taxonomy's terms begin with starts here, bit 2 where one they end with ends here. */
  lex: Uint8Array;
  /** Start and end of the clause (between ，。；：、 and line breaks) holding each character. */
  clauseStart: Int32Array;
  clauseEnd: Int32Array;
}

const CLAUSE_END = /[，。；：\n、,;:]/;

/**
 * The spans of the facts the tagger sees as "other facts" (agencies, documents, metrics …: all
 * but practices and systems), the same when it learns and when it reads.
 */
export function otherFactSpans(facts: readonly { kind: string; span: Span }[]): Span[] {
  return facts.filter((f) => f.kind !== 'practice' && f.kind !== 'system').map((f) => f.span);
}

/** Half-width punctuation read as its full-width form, so that ,;: and ，；： give the same features. */
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！' };

export function taggerView(written: string, otherFacts: readonly Span[], edges: TermEdges): TaggerView {
  const text = written.replace(/[,;:()?!]/g, (c) => FULL_WIDTH[c] ?? c);
  const n = text.length;
  const other = new Uint8Array(n);
  for (const s of otherFacts) for (let i = Math.max(0, s.start); i < Math.min(n, s.end); i++) other[i] = i === s.start ? 1 : 2;
  const lex = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const head = edges.heads.has(text.slice(i, i + 2)) ? 1 : 0;
    const tail = i > 0 && edges.tails.has(text.slice(i - 1, i + 1)) ? 2 : 0;
    lex[i] = head | tail;
  }
  const quote = new Uint8Array(n);
  let q = 0;
  for (let i = 0; i < n; i++) {
    if (text[i] === '“') q = 1;
    quote[i] = q;
    if (text[i] === '”') q = 0;
  }
  const clauseStart = new Int32Array(n);
  const clauseEnd = new Int32Array(n);
  let start = 0;
  for (let i = 0; i < n; i++) {
    clauseStart[i] = start;
    if (CLAUSE_END.test(text[i] ?? '')) start = i + 1;
  }
  let end = n;
  for (let i = n - 1; i >= 0; i--) {
    if (CLAUSE_END.test(text[i] ?? '')) end = i;
    clauseEnd[i] = end;
  }
  return { text, other, quote, lex, clauseStart, clauseEnd };
}

function charClass(c: string | undefined): string {
  if (c === undefined) return 'E';
  const code = c.charCodeAt(0);
  if (code >= 0x3400 && code <= 0x9fff) return 'H';
  if (code >= 0x30 && code <= 0x39) return 'D';
  if (CLAUSE_END.test(c) || c === '.') return 'P';
  if (c === '“' || c === '”') return 'Q';
  if (c === '《' || c === '》') return 'T';
  return 'X';
}

/** The features of character `i`: characters and their pairs around it, its clause, quotes, other facts, the taxonomy's words. */
export function taggerFeatures(view: TaggerView, i: number): string[] {
  const t = view.text;
  const c = (k: number) => t[i + k] ?? '^';
  const a = view.clauseStart[i] ?? 0;
  const b = view.clauseEnd[i] ?? t.length;
  const clauseHead = t.slice(a, a + 2);
  return [
    'u0' + c(0), 'u-1' + c(-1), 'u1' + c(1), 'u-2' + c(-2), 'u2' + c(2),
    'b-1' + c(-1) + c(0), 'b1' + c(0) + c(1), 'b-2' + c(-2) + c(-1), 'b2' + c(1) + c(2),
    't0' + c(-1) + c(0) + c(1), 't-2' + c(-3) + c(-2) + c(-1), 't2' + c(1) + c(2) + c(3),
    'cls' + charClass(t[i - 1]) + charClass(t[i]) + charClass(t[i + 1]),
    'o' + (view.other[i] ?? 0), 'q' + (view.quote[i] ?? 0),
    'w2' + t.slice(Math.max(0, i - 2), i), 'w4' + t.slice(Math.max(0, i - 4), i), 'n2' + t.slice(i + 1, i + 3),
    'cs' + clauseHead, 'cd' + Math.min(i - a, 8), 'ce' + Math.min(b - i, 8), 'ct' + t.slice(Math.max(a, b - 2), b),
    'u0cs' + c(0) + clauseHead, 'w6' + t.slice(Math.max(0, i - 6), Math.max(0, i - 3)),
    'l' + (view.lex[i - 1] ?? 9) + (view.lex[i] ?? 9) + (view.lex[i + 1] ?? 9), 'lc' + (view.lex[i] ?? 9) + c(0),
  ];
}

/** Per-feature scores of B and I over O. */
type Emission = (feature: string) => readonly [number, number] | undefined;

/** The scores of B and I over O at a character: the sum over its features. */
function emissionAt(features: readonly string[], emission: Emission, out: Float64Array): void {
  let eB = 0;
  let eI = 0;
  for (const f of features) {
    const e = emission(f);
    if (e) {
      eB += e[0];
      eI += e[1];
    }
  }
  out[0] = eB;
  out[1] = eI;
}

/**
 * The best tag sequence of `n` characters (I only after B or I). `emit(i, out)` writes the scores
 * of B and I over O at character i into out[0], out[1]; `bias` is added to both.
 */
function viterbi(n: number, emit: (i: number, out: Float64Array) => void, transitions: ArrayLike<number>, bias: number): Uint8Array {
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  const score = new Float64Array(n * 3);
  const back = new Uint8Array(n * 3);
  const e = new Float64Array(2);
  for (let i = 0; i < n; i++) {
    emit(i, e);
    const emit3 = [0, (e[0] ?? 0) + bias, (e[1] ?? 0) + bias];
    for (let y = 0; y < 3; y++) {
      let best = -Infinity;
      let arg = 0;
      if (i === 0) {
        if (y !== I) best = (transitions[START * 4 + y] ?? 0) + (emit3[y] ?? 0);
        arg = START;
      } else {
        for (let p = 0; p < 3; p++) {
          if (y === I && p === O) continue;
          const s = (score[(i - 1) * 3 + p] ?? -Infinity) + (transitions[p * 4 + y] ?? 0) + (emit3[y] ?? 0);
          if (s > best) {
            best = s;
            arg = p;
          }
        }
      }
      score[i * 3 + y] = best;
      back[i * 3 + y] = arg;
    }
  }
  let y = 0;
  for (let k = 1; k < 3; k++) if ((score[(n - 1) * 3 + k] ?? -Infinity) > (score[(n - 1) * 3 + y] ?? -Infinity)) y = k;
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = y;
    y = back[i * 3 + y] ?? O;
  }
  return tags;
}

/** The spans a tag sequence marks: each B with the I after it. */
export function taggedSpans(tags: ArrayLike<number>): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] !== B) continue;
    let j = i + 1;
    while (j < tags.length && tags[j] === I) j++;
    out.push({ start: i, end: j });
    i = j - 1;
  }
  return out;
}

/** Shortest and longest practice name the tagger proposes. */
const MIN_LENGTH = 3;
const MAX_LENGTH = 30;

/** Characters a span may begin or end on: Han characters, letters and digits, and quotes. */
const WORD_CHAR = /[\u3400-\u9fffA-Za-z0-9“”]/;
/** Characters a name may hold: those, and the joiners of names (、·+-—). */
const NAME_CHAR = /^[\u3400-\u9fffA-Za-z0-9“”、·+\-—]+$/;
/** Verbs of setting up and carrying out, which a name follows and never begins inside. */
const VERBS = new Set(['建立', '开展', '推行', '实行', '完善', '健全', '落实', '实施', '推进', '深化', '加强', '创新', '探索', '打造', '构建', '组织', '举办', '开设', '设立', '成立', '组建', '推动', '强化', '优化', '规范', '严格', '执行']);

/**
 * Words of doing that a description begins with and a name does not: 列入年度学法计划, 强化学法普法,
 * 负责法制审核 describe work; the practice is the object, when it has a name of its own.
 */
const DOING = /^(列入|纳入|负责|强化|加强|落实|推进|深化|完善|健全|严格|开展|组织|建立|实施|推动|审核|参与|参加|邀请|通过|进行|坚持|做好|抓好|抓实|认真|持续|不断|切实|扎实)/;

/** Words a name begins and ends with: the first and last two characters of known terms. */
export interface TermEdges {
  heads: ReadonlySet<string>;
  tails: ReadonlySet<string>;
}

/** The first and last two Han characters of each term (行政执法公示制度 → 行政 and 制度). */
export function termEdges(terms: Iterable<string>): TermEdges {
  const heads = new Set<string>();
  const tails = new Set<string>();
  const han = /^[\u3400-\u9fff]{2}$/;
  for (const term of terms) {
    const head = term.slice(0, 2);
    const tail = term.slice(-2);
    if (han.test(head)) heads.add(head);
    if (han.test(tail)) tails.add(tail);
  }
  return { heads, tails };
}

/** No known words: a tagger that reads without a taxonomy (tests of the mechanism). */
export const NO_EDGES: TermEdges = { heads: new Set(), tails: new Set() };

/** Keyed by the practices list, which a taxonomy shares with its copy without the tagger (the trainer's). */
const EDGES = new WeakMap<object, TermEdges>();

/**
 * The words the taxonomy's practice, agency and metric names begin and end with, computed once
 * per taxonomy: the same when the tagger learns and when it reads.
 */
export function taxonomyEdges(taxonomy: Pick<Taxonomy, 'practices' | 'agencies' | 'metrics'>): TermEdges {
  let edges = EDGES.get(taxonomy.practices);
  if (!edges) {
    edges = termEdges([
      ...taxonomy.practices.flatMap((p) => [p.name, ...p.synonyms]),
      ...taxonomy.agencies.flatMap((a) => [a.name, ...a.synonyms]),
      ...taxonomy.metrics.flatMap((m) => [m.name, ...m.synonyms]),
    ]);
    EDGES.set(taxonomy.practices, edges);
  }
  return edges;
}

/**
 * The span widened by a character where it would cut a word that known terms begin or end with:
 * 政执法规范化建设 → 行政执法规范化建设 (行政 begins terms), 范市创建 → 示范市创建; …决策流 →
 * …决策流程 (流程 ends terms). Never across punctuation.
 */
export function wholeWords(text: string, span: Span, edges: TermEdges): Span {
  let { start, end } = span;
  // 立法治工作机制 (建立法治工作机制): a span that begins inside a verb begins after it.
  if (start > 0 && VERBS.has(text.slice(start - 1, start + 1))) return { start: start + 1, end };
  // …but not into the verb before it (建立法治… stays 法治…, not 立法治…), unless the span then
  // begins on no word at all (助推行政执法…: 政执 begins nothing, 行政 does).
  const intoVerb = VERBS.has(text.slice(start - 2, start)) && edges.heads.has(text.slice(start, start + 2));
  if (start > 0 && WORD_CHAR.test(text[start - 1] ?? '') && edges.heads.has(text.slice(start - 1, start + 1)) && !intoVerb) start--;
  if (end < text.length && WORD_CHAR.test(text[end] ?? '') && edges.tails.has(text.slice(end - 1, end + 1))) end++;
  return { start, end };
}

/**
 * Practices the model reads in `text` that the rules did not. A span is widened so as not to cut
 * a word known terms begin or end with (see wholeWords), and kept when it holds 3–30 characters
 * that names are made of (no brackets, no |), as many opening as closing quotes, no count (重大行政决策2件; digits in quotes, “1+1+6”, are a name), no list
 * marker, no word of doing in front (强化学法普法 describes), and overlaps no practice the rules found. Each is named by its words without quotes.
 */
export function tagPractices(
  text: string,
  model: PracticeTaggerModel,
  otherFacts: readonly Span[],
  practices: readonly Span[],
  edges: TermEdges,
): { name: string; span: Span }[] {
  const view = taggerView(text, otherFacts, edges);
  const emission: Emission = (f) => model.features.get(f);
  const tags = viterbi(text.length, (i, out) => emissionAt(taggerFeatures(view, i), emission, out), model.transitions, model.bias);
  const out: { name: string; span: Span }[] = [];
  for (const tagged of taggedSpans(tags)) {
    const span = wholeWords(text, tagged, edges);
    const said = text.slice(span.start, span.end);
    if (said.length < MIN_LENGTH || said.length > MAX_LENGTH) continue;
    if ((said.match(/“/g) ?? []).length !== (said.match(/”/g) ?? []).length) continue;
    if (/\d/.test(said.replace(/“[^”]*”/g, '')) || !NAME_CHAR.test(said) || !WORD_CHAR.test(said[0] ?? '') || !WORD_CHAR.test(said[said.length - 1] ?? '')) continue;
    if (DOING.test(said) || practices.some((p) => p.start < span.end && span.start < p.end)) continue;
    // A quoted term alone was judged by the rules of open discovery (a slogan, a count, an aim…).
    if (/^(“[^“”]*”)+$/.test(said) || (text[span.start - 1] === '“' && text[span.end] === '”')) continue;
    const name = said.replace(/[“”‘’"\s]/g, '');
    if (name.length >= MIN_LENGTH) out.push({ name, span });
  }
  return out;
}



// ---------------------------------------------------------------------------------------------
// Training
// ---------------------------------------------------------------------------------------------

/** Gold tags of a text: each occurrence of each annotated surface, longest first, never overlapping. */
export function goldTags(text: string, surfaces: readonly string[]): Uint8Array {
  const tags = new Uint8Array(text.length);
  const spans: Span[] = [];
  for (const s of surfaces) {
    if (s.length === 0) continue;
    for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) spans.push({ start: i, end: i + s.length });
  }
  spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const { start, end } of spans) {
    let free = true;
    for (let i = start; i < end && free; i++) if (tags[i] !== O) free = false;
    if (!free) continue;
    for (let i = start; i < end; i++) tags[i] = i === start ? B : I;
  }
  return tags;
}

export interface TaggerExample {
  view: TaggerView;
  tags: Uint8Array;
}

export interface TrainOptions {
  /** Passes over the examples (default 10). */
  epochs?: number;
  /** Seed of the example order, so that training is repeatable (default 1). */
  seed?: number;
  /** Added to B and I when decoding: above 0 trades precision for recall (default 60). */
  bias?: number;
  /** Features whose B and I scores both lie within this of O's are dropped from the model (default 0.5). */
  prune?: number;
}

/**
 * Learns a model from examples: an averaged structured perceptron over `taggerFeatures`, each
 * epoch visiting the examples in a seeded order. Deterministic for the same examples and options.
 */
export function trainPracticeTagger(examples: readonly TaggerExample[], options: TrainOptions = {}): PracticeTaggerModel {
  const epochs = options.epochs ?? 10;
  const features = examples.map((ex) => Array.from({ length: ex.view.text.length }, (_, i) => taggerFeatures(ex.view, i)));
  // Per feature: weights of O, B, I and their running sums for averaging.
  const w = new Map<string, Float64Array>();
  const u = new Map<string, Float64Array>();
  const t = new Float64Array(16);
  const tu = new Float64Array(16);
  const get = (m: Map<string, Float64Array>, k: string) => {
    let v = m.get(k);
    if (!v) {
      v = new Float64Array(3);
      m.set(k, v);
    }
    return v;
  };
  const emission: Emission = (f) => {
    const v = w.get(f);
    return v ? [(v[B] ?? 0) - (v[O] ?? 0), (v[I] ?? 0) - (v[O] ?? 0)] : undefined;
  };
  let step = 1;
  let state = ((options.seed ?? 1) * 7919) % 2147483648;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = examples.map((_, i) => i);
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j] ?? 0, order[k] ?? 0];
    }
    for (const index of order) {
      const ex = examples[index];
      const fs = features[index];
      if (!ex || !fs) continue;
      const guess = viterbi(ex.tags.length, (i, out) => emissionAt(fs[i] ?? [], emission, out), t, 0);
      for (let i = 0; i < guess.length; i++) {
        const g = ex.tags[i] ?? O;
        const p = guess[i] ?? O;
        const gPrev = i === 0 ? START : (ex.tags[i - 1] ?? O);
        const pPrev = i === 0 ? START : (guess[i - 1] ?? O);
        if (g === p && gPrev === pPrev) continue;
        if (g !== p) {
          for (const f of fs[i] ?? []) {
            const wf = get(w, f);
            const uf = get(u, f);
            wf[g] = (wf[g] ?? 0) + 1;
            uf[g] = (uf[g] ?? 0) + step;
            wf[p] = (wf[p] ?? 0) - 1;
            uf[p] = (uf[p] ?? 0) - step;
          }
        }
        t[gPrev * 4 + g] = (t[gPrev * 4 + g] ?? 0) + 1;
        tu[gPrev * 4 + g] = (tu[gPrev * 4 + g] ?? 0) + step;
        t[pPrev * 4 + p] = (t[pPrev * 4 + p] ?? 0) - 1;
        tu[pPrev * 4 + p] = (tu[pPrev * 4 + p] ?? 0) - step;
      }
      step++;
    }
  }
  const prune = options.prune ?? 0.5;
  const averaged = new Map<string, readonly [number, number]>();
  const avg = (f: string, k: number) => (w.get(f)?.[k] ?? 0) - (u.get(f)?.[k] ?? 0) / step;
  for (const f of w.keys()) {
    const o = avg(f, O);
    const scores = [round(avg(f, B) - o), round(avg(f, I) - o)] as const;
    if (Math.abs(scores[0]) >= prune || Math.abs(scores[1]) >= prune) averaged.set(f, scores);
  }
  return {
    features: averaged,
    transitions: Array.from(t, (x, k) => round(x - (tu[k] ?? 0) / step)),
    bias: options.bias ?? 60,
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
