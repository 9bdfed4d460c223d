import type { Span } from '../model/facts.js';

/** Quote marks that reports put around named practices; matching ignores them. */
export const QUOTE_CHARS = '“”‘’"\'「」『』';
const isQuote = (c: string) => QUOTE_CHARS.includes(c);

/** Strips quote marks from a surface form: 行政执法“三项制度” → 行政执法三项制度. */
export function stripQuotes(s: string): string {
  return [...s].filter((c) => !isQuote(c)).join('');
}

/**
 * A view of the text with quote marks removed and a map back to the original offsets, so that
 * 行政执法“三项制度” and 行政执法三项制度 are one surface form.
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
    chars.push(c);
    originalOffset.push(i);
  }
  return { text: chars.join(''), originalOffset };
}

export interface TermMatch<T> {
  term: T;
  surface: string;
  span: Span;
}

/**
 * Finds every occurrence of every surface form, quote-insensitively, and keeps the longest where
 * matches overlap (合同合法性审查 wins over 合法性审查; 行政执法公示制度 over 公示制度). A span
 * widens to take in a quote that opens or closes right at its edge, as the reader sees it.
 */
export function matchTerms<T>(original: string, view: QuotelessText, surfaces: ReadonlyMap<string, T>): TermMatch<T>[] {
  const candidates: TermMatch<T>[] = [];
  for (const [surface, term] of surfaces) {
    const needle = stripQuotes(surface);
    if (needle.length < 2) continue;
    for (let at = view.text.indexOf(needle); at >= 0; at = view.text.indexOf(needle, at + 1)) {
      let start = view.originalOffset[at] ?? 0;
      let end = (view.originalOffset[at + needle.length - 1] ?? 0) + 1;
      if (isQuote(original[start - 1] ?? '') && /[“‘「『"]/.test(original[start - 1] ?? '')) start--;
      if (/[”’」』"]/.test(original[end] ?? '')) end++;
      candidates.push({ term, surface, span: { start, end } });
    }
  }
  return keepLongest(candidates);
}

/** Greedy: longest first, then earliest; a candidate overlapping a kept one is dropped. */
export function keepLongest<M extends { span: Span }>(candidates: M[]): M[] {
  const sorted = [...candidates].sort(
    (a, b) => b.span.end - b.span.start - (a.span.end - a.span.start) || a.span.start - b.span.start,
  );
  const kept: M[] = [];
  for (const c of sorted) {
    if (!kept.some((k) => k.span.start < c.span.end && c.span.start < k.span.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.span.start - b.span.start);
}
