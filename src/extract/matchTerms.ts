import type { Span } from '../model/facts.js';

/** Quote marks that reports put around named practices; matching ignores them. */
export const QUOTE_CHARS = '“”‘’"\'「」『』';
const isQuote = (c: string) => QUOTE_CHARS.includes(c);

/**
 * Full-width forms of ASCII characters (（）＋％１２ …) fold to ASCII for matching: sites write
 * 乡镇（街道） and 乡镇(街道) alike. One character stays one character, so offsets are kept.
 */
function foldWidth(c: string): string {
  const code = c.charCodeAt(0);
  return code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : c;
}

/**
 * A surface form as it is matched: without quote marks, full-width folded to ASCII —
 * 行政执法“三项制度” → 行政执法三项制度, 乡镇（街道） → 乡镇(街道).
 */
export function stripQuotes(s: string): string {
  return [...s].filter((c) => !isQuote(c)).map(foldWidth).join('');
}

/**
 * A view of the text for matching — quote marks removed, full-width folded — with a map back
 * to the original offsets, so that 行政执法“三项制度” and 行政执法三项制度 are one surface form.
 */
export interface QuotelessText {
  text: string;
  /** originalOffset[i] = offset in the original text of character i of `text`. */
  originalOffset: number[];
}

export function toQuoteless(original: string): QuotelessText {
  const chars: string[] = [];
  const originalOffset: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const c = original[i] ?? '';
    if (isQuote(c)) continue;
    chars.push(foldWidth(c));
    originalOffset.push(i);
  }
  return { text: chars.join(''), originalOffset };
}

export interface TermMatch<T> {
  term: T;
  surface: string;
  span: Span;
}

/** A compiled dictionary of surface forms, reusable across texts. */
export interface TermMatcher<T> {
  find(original: string, view: QuotelessText): TermMatch<T>[];
}

/**
 * Compiles surface forms into buckets keyed by their first two characters, so one pass over
 * the text tests only the surfaces that can start at each position. (Measured on the seed
 * reports: 4× faster than an indexOf per surface, and faster than the Aho–Corasick packages on
 * npm, which segment text into grapheme clusters first.)
 *
 * Matching is quote-insensitive (surfaces and text are compared without quote marks) and keeps
 * the longest match where matches overlap (合同合法性审查 wins over 合法性审查; 行政执法公示制度
 * over 公示制度). A span widens to take in a quote that opens or closes right at its edge, as the
 * reader sees it.
 */
export function createTermMatcher<T>(surfaces: ReadonlyMap<string, T>): TermMatcher<T> {
  const buckets = new Map<string, { needle: string; surface: string; term: T }[]>();
  const seen = new Set<string>();
  for (const [surface, term] of surfaces) {
    const needle = stripQuotes(surface);
    if (needle.length < 2 || seen.has(needle)) continue;
    seen.add(needle);
    const key = needle.slice(0, 2);
    buckets.set(key, [...(buckets.get(key) ?? []), { needle, surface, term }]);
  }
  return {
    find(original, view) {
      const candidates: TermMatch<T>[] = [];
      const text = view.text;
      for (let at = 0; at < text.length - 1; at++) {
        const bucket = buckets.get(text.slice(at, at + 2));
        if (!bucket) continue;
        for (const { needle, surface, term } of bucket) {
          if (!text.startsWith(needle, at)) continue;
          let start = view.originalOffset[at] ?? 0;
          let end = (view.originalOffset[at + needle.length - 1] ?? 0) + 1;
          if (/[“‘「『"]/.test(original[start - 1] ?? '')) start--;
          if (/[”’」』"]/.test(original[end] ?? '')) end++;
          candidates.push({ term, surface, span: { start, end } });
        }
      }
      return keepLongest(candidates);
    },
  };
}

/** One-off matching (compiles the surfaces each call; reuse createTermMatcher for a fixed dictionary). */
export function matchTerms<T>(original: string, view: QuotelessText, surfaces: ReadonlyMap<string, T>): TermMatch<T>[] {
  return createTermMatcher(surfaces).find(original, view);
}

/** Whether two half-open spans share at least one character. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Greedy: longest first, then earliest; a candidate overlapping a kept one is dropped. */
export function keepLongest<M extends { span: Span }>(candidates: M[]): M[] {
  const sorted = [...candidates].sort(
    (a, b) => b.span.end - b.span.start - (a.span.end - a.span.start) || a.span.start - b.span.start,
  );
  const kept: M[] = [];
  for (const c of sorted) {
    if (!kept.some((k) => overlaps(k.span, c.span))) kept.push(c);
  }
  return kept.sort((a, b) => a.span.start - b.span.start);
}
