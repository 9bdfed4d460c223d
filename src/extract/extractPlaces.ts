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
    // A full name, or a street's 秀全街 for 秀全街道, carries its level word and stands as a name.
    .filter((m) => !own.has(m.term.name) && isBounded(text, m.span, m.surface === m.term.name || /街$/.test(m.surface)))
    .map((m) => ({ name: m.term.name, region: m.term, span: m.span }));
  const taken = (s: Span) => found.some((f) => f.span.start < s.end && s.start < f.span.end);
  for (const m of findRegionNames(text)) {
    if (own.has(m.name) || taken(m) || (m.name.length <= 2 && !standsAsName(text, m))) continue;
    const candidates = regionsByName(m.name);
    found.push({ name: m.name, region: candidates.length === 1 ? (candidates[0] ?? null) : null, span: { start: m.start, end: m.end } });
  }
  for (const m of text.matchAll(VILLAGE_LIST)) {
    // 三华村、马岭村、竹洞村; 洪桥街德源里社区、矿泉街沙涌南社区: villages and communities named in a
    // list, or right after their street or town.
    for (const v of m[0].matchAll(VILLAGE)) {
      const start = (m.index ?? 0) + (v.index ?? 0) + (v[1]?.length ?? 0);
      const name = v[2] ?? '';
      const span = { start, end: start + name.length };
      if (GENERIC_VILLAGE.test(name) || taken(span)) continue;
      found.push({ name, region: null, span });
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** One village or community name, after its street or town if one is written (洪桥街德源里社区). */
const VILLAGE = /((?:[\u4e00-\u9fa5]{2,3}(?:街道|街|镇|乡))?)([\u4e00-\u9fa5]{2,4}?(?:村|社区))(?=、|和|及|等|$)/g;
/** Two or more of them in a list: the list is what makes a word ending in 村 a name. */
const VILLAGE_LIST = /(?<![\u4e00-\u9fa5])(?:[\u4e00-\u9fa5]{2,7}?(?:村|社区)、)+[\u4e00-\u9fa5]{2,7}?(?:村|社区)(?=[等和及被获成为,，。；;]|$)/g;
/** Kinds of villages, not names: 行政村, 示范村, 各村. */
const GENERIC_VILLAGE = /^(行政|示范|各|每个|全|所有|本|该|农|城|乡|新型|美丽|文明|和美|试点|重点|贫困|脱贫|安置|平安|法治|民主|城乡|农村|村居|基层)/;

/** Characters that may stand right before a place name inside a sentence: 在西峡, 推动毛坝, 对城步. */
const BEFORE_NAME = /[在对由与和及动的、到赴至从将把向]/;

/**
 * A short or two-character name counts only where it stands as a name: after a separator or a
 * verb/preposition, and before a list separator, a level word, a count, a quoted brand or 等 —
 * 城步、新宁、北塔3个县; 推动毛坝“老支书”调解团 — never inside a longer word (洞口 of 风险洞口,
 * 范县 of 示范县, 成县 of 完成县级).
 */
function standsAsName(text: string, span: Span): boolean {
  const before = text[span.start - 1] ?? '';
  const after = text[span.end] ?? '';
  const startsWell = !/[\u4e00-\u9fa5]/.test(before) || BEFORE_NAME.test(before);
  const endsWell = /[、,，。；;等县区市镇乡和及与)）“"0-9]/.test(after) || after === '';
  return startsWell && endsWell;
}

function isBounded(text: string, span: Span, fullName: boolean): boolean {
  return (fullName && span.end - span.start > 2) || standsAsName(text, span);
}
