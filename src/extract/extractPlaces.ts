import type { Span } from '../model/facts.js';
import { toQuoteless, type QuotelessText } from './matchTerms.js';
import { ancestry, findRegionNames, regionsByName, subRegionMatcher, type RegionRecord } from './regions.js';

export interface PlaceMention {
  name: string;
  /** The division when it is resolved to one (always for sub-regions). */
  region: RegionRecord | null;
  span: Span;
}

/**
 * Places the report names other than itself and its ancestors: divisions below the report's
 * region (城步, 西峡县, 湍东镇), and other prefectures, provinces and counties named in full
 * (海南省三亚市). Without a resolved region only full names of divisions are found.
 */
export function extractPlaces(text: string, region: RegionRecord | null, view: QuotelessText = toQuoteless(text)): PlaceMention[] {
  const own = new Set(region ? ancestry(region).map((r) => r.name) : []);
  const found: PlaceMention[] = (region ? subRegionMatcher(region).find(text, view) : [])
    .filter((m) => !own.has(m.term.name) && isBounded(text, m.span, m.surface === m.term.name))
    .map((m) => ({ name: m.term.name, region: m.term, span: m.span }));
  const taken = (s: Span) => found.some((f) => f.span.start < s.end && s.start < f.span.end);
  for (const m of findRegionNames(text)) {
    if (own.has(m.name) || taken(m)) continue;
    const candidates = regionsByName(m.name);
    found.push({ name: m.name, region: candidates.length === 1 ? (candidates[0] ?? null) : null, span: { start: m.start, end: m.end } });
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/**
 * A short name (城步, 洞口) counts only where it stands as a name: followed by a list separator,
 * a level word or 等 — not inside a longer word (洞口 in 风险洞口).
 */
function isBounded(text: string, span: Span, fullName: boolean): boolean {
  if (fullName) return true;
  const after = text[span.end] ?? '';
  const before = text[span.start - 1] ?? '';
  return /[、,，。；;等县区市镇乡和及与)）]/.test(after) && !/[\u4e00-\u9fa5]/.test(before.replace(/[在对由]/, ''));
}
