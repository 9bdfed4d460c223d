import type { Span } from '../model/facts.js';
import type { PracticeEntry } from '../model/taxonomy.js';
import { createTermMatcher, keepLongest, stripQuotes, toQuoteless, type QuotelessText, type TermMatcher } from './matchTerms.js';

export interface PracticeMention {
  name: string;
  system: boolean;
  curated: boolean;
  /** For a component system: the umbrella it belongs to (行政执法公示制度 → 行政执法三项制度). */
  componentOf: string | null;
  span: Span;
}

/** How far before a mention (in characters, same sentence) context guards look. */
const GUARD_WINDOW = 16;

/** Surface form → entry, for every practice name and synonym. */
export function practiceSurfaces(entries: readonly PracticeEntry[]): Map<string, PracticeEntry> {
  const surfaces = new Map<string, PracticeEntry>();
  for (const e of entries) for (const s of [e.name, ...e.synonyms]) surfaces.set(s, e);
  return surfaces;
}

/**
 * Decides whether the context before a mention admits it. Example: in
 * 行政规范性文件合法性审核工作指引等“三项制度” the words before 三项制度 name a different set of
 * three systems (rejectIfPrecededBy), while 行政执法“三项制度” is the one the taxonomy means; a
 * surface that already contains a required word (行政执法三项制度) needs no context.
 */
function admitsContext(entry: PracticeEntry, surface: string, before: string): boolean {
  // A surface that names its own context (行政执法三项制度 contains 执法) is unambiguous.
  if (entry.requirePrecededBy.some((w) => stripQuotes(surface).includes(w))) return true;
  if (entry.rejectIfPrecededBy.some((w) => before.includes(w))) return false;
  return entry.requirePrecededBy.length === 0 || entry.requirePrecededBy.some((w) => before.includes(w));
}

/** Text of the same clause before `at` (stopping at ，。；), at most GUARD_WINDOW characters. */
function contextBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && at - from < GUARD_WINDOW && !/[。；;！？\n，,]/.test(text[from - 1] ?? '')) from--;
  return text.slice(from, at);
}

/**
 * Curated practices and systems: every taxonomy surface form, quote-insensitive, longest match
 * wins, filtered by the entry's context guards. A component system yields component-level
 * evidence for its umbrella (鞍山: 公示行政执法事项 names the 公示 component without 三项制度).
 */
export function extractCuratedPractices(
  text: string,
  view: QuotelessText,
  matcher: TermMatcher<PracticeEntry>,
  byName: ReadonlyMap<string, PracticeEntry>,
): PracticeMention[] {
  const matches = matcher.find(text, view).filter((m) =>
    admitsContext(m.term, m.surface, contextBefore(text, m.span.start)),
  );
  return matches.map((m) => {
    const broader = m.term.broader ? byName.get(m.term.broader) : undefined;
    const componentOf = m.term.system && broader?.system && broader.components.includes(m.term.name) ? broader.name : null;
    return { name: m.term.name, system: m.term.system, curated: true, componentOf, span: m.span };
  });
}

const OPEN = '“';
const CLOSE = '”';

/**
 * Open discovery: a term in Chinese quotes (“…”) that the taxonomy does not know is a candidate
 * practice or local brand — 推行“背包式人民调解”, 打造“虔城办”. Quoted slogans and lists (they
 * carry 、，。 inside), numbers, dates, quotes inside document titles 《…》 and taxonomy surfaces
 * (`known`) are not terms.
 */
export function discoverQuotedTerms(text: string, taken: readonly Span[], known: ReadonlySet<string> = new Set()): PracticeMention[] {
  const found: PracticeMention[] = [];
  let titleDepth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '《') titleDepth++;
    else if (c === '》') titleDepth = Math.max(0, titleDepth - 1);
    else if (c === '\n') titleDepth = 0;
    if (c !== OPEN || titleDepth > 0) continue;
    const close = text.indexOf(CLOSE, i + 1);
    if (close < 0 || close - i - 1 > 16) continue;
    const inner = text.slice(i + 1, close).trim();
    const span = { start: i, end: close + 1 };
    i = close;
    // A taxonomy surface that was not matched here was refused by its context guard (the other
    // “三项制度”); it is not a new term either.
    if (!isTermLike(inner) || known.has(inner)) continue;
    if (taken.some((t) => t.start < span.end && span.start < t.end)) continue;
    found.push({ name: inner, system: /制度$/.test(inner), curated: false, componentOf: null, span });
  }
  return keepLongest(found);
}

function isTermLike(inner: string): boolean {
  if (inner.length < 2 || inner.length > 16) return false;
  if (/[，,。；;：:、！？!?\n《》]/.test(inner)) return false;
  if (/^[\d.·\-—%\s]+$/.test(inner)) return false;
  if (/^\d{4}年|^\d{1,2}月/.test(inner)) return false;
  return /[\u4e00-\u9fa5]/.test(inner);
}

interface CompiledPractices {
  matcher: TermMatcher<PracticeEntry>;
  byName: Map<string, PracticeEntry>;
  /** Every surface form without quotes: a quoted term equal to one is not a discovery. */
  known: Set<string>;
}

/** Compiled once per taxonomy (the entries array is the key), reused for every report. */
const compiled = new WeakMap<readonly PracticeEntry[], CompiledPractices>();

function compile(entries: readonly PracticeEntry[]): CompiledPractices {
  let c = compiled.get(entries);
  if (!c) {
    const surfaces = practiceSurfaces(entries);
    c = { matcher: createTermMatcher(surfaces), byName: new Map(entries.map((e) => [e.name, e])), known: new Set([...surfaces.keys()].map(stripQuotes)) };
    compiled.set(entries, c);
  }
  return c;
}

/** All practice and system mentions of a text: curated ones, then discovered quoted terms. */
export function extractPractices(text: string, entries: readonly PracticeEntry[], view: QuotelessText = toQuoteless(text)): PracticeMention[] {
  const { matcher, byName, known } = compile(entries);
  const curated = extractCuratedPractices(text, view, matcher, byName);
  const discovered = discoverQuotedTerms(
    text,
    curated.map((m) => m.span),
    known,
  );
  return [...curated, ...discovered].sort((a, b) => a.span.start - b.span.start);
}
