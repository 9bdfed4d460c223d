import type { Span } from '../model/facts.js';
import type { AgencyEntry } from '../model/taxonomy.js';
import { insideTitle, titleSpans } from './extractDocuments.js';
import { createTermMatcher, overlaps, type QuotelessText, type TermMatcher } from './matchTerms.js';
import { regionsByName } from './regions.js';

export interface AgencyMention {
  /** Canonical name without the level prefix: 司法局. */
  name: string;
  span: Span;
}

/** Level words that turn a generic body into a named one: 市 + 司法局, 县委 + 党校, 中共 + 邵阳市委. */
const LEVEL_PREFIX = /(中共)?([\u4e00-\u9fa5]{1,6}?(省|市|县|区|州|盟|旗))?(全|各)?(省|市|县|区|州|盟|旗|镇|乡|街道)?(委)?$/;

/** A level prefix that ends in a place or level word (市, 紫阳县, 中央), not in 委. */
const LEVEL_END = /(省|市|县|区|镇|乡|街道|州|盟|旗|中央|国家|全国)$/;

/**
 * Government bodies and public organisations acting in the report. A body is matched by its
 * taxonomy names (司法局, 卫健局, 依法治市办 …) together with the level words before it
 * (市司法局, 紫阳县司法局, 中共鞍山市委). Names that are too generic alone (政府, 委) count only
 * with a level word: 市政府, 区委 — never the 政府 of 法治政府.
 */
export function extractAgencies(text: string, view: QuotelessText, entries: readonly AgencyEntry[]): AgencyMention[] {
  const { matcher, short } = compile(entries);
  const titles = titleSpans(text);
  const found: AgencyMention[] = [];
  for (const m of matchTermsAllowingShort(text, view, matcher, short)) {
    const before = text.slice(Math.max(0, m.span.start - 12), m.span.start);
    const prefix = namedPrefix(before);
    const placed = LEVEL_END.test(prefix);
    if (needsLevel(m.surface) && !placed && !/委$/.test(prefix)) continue;
    // 坚持党委领导, 在党委统一领导下: with no level, the party's leadership is a principle, not a body acting.
    if (m.surface === '党委' && prefix === '' && /^(的)?(统一|坚强|正确|集中统一|全面)?领导/.test(text.slice(m.span.end, m.span.end + 7))) continue;
    // 党委政府 is the party committee and the government together: 委 is no level for 政府.
    if (m.surface === '政府' && !placed) continue;
    // A body in quotes is a figure of speech or a brand (打造“流动的司法局”), not the body acting.
    if (/[”’]/.test(text[m.span.end - 1] ?? '') && /[“‘][^”’]*$/.test(before)) continue;
    // 司法部 inside 司法部门 ("the judicial departments") names no ministry, and 省政府部门 /
    // 市政府各部门 are collectives, not the government.
    if (/部$/.test(m.surface) && text[m.span.end] === '门') continue;
    if (/政府$/.test(m.surface) && /^(各)?(部门|工作部门|组成部门)/.test(text.slice(m.span.end, m.span.end + 5))) continue;
    // A body named inside a document title (《中共中央 国务院关于…》) issued it; it does not act here.
    if (insideTitle(titles, m.span)) continue;
    found.push({ name: m.term.name, span: { start: m.span.start - trimPrefix(prefix), end: m.span.end } });
  }
  return [...found, ...extractLeadingGroups(text, found)];
}

/**
 * The level words right before a body, where any place name in them is a real one: 邵阳市 + 司法局,
 * 中共鞍山市 + 委; in 认真落实市委 only 市 is the level (落实市 names no place).
 */
function namedPrefix(before: string): string {
  const whole = before.match(LEVEL_PREFIX)?.[0] ?? '';
  for (let i = 0; i < whole.length; i++) {
    const candidate = whole.slice(i);
    const named = LEVEL_PREFIX.exec(candidate)?.[2];
    if (!named || named.length <= 1 || regionsByName(named).length > 0) return candidate;
  }
  return '';
}

/**
 * Leading groups (领导小组) are bodies too, too many to list: 市依法行政工作领导小组,
 * 县机构改革领导小组. The name is the words before 领导小组 back to a level word or the clause
 * start, without 的/为/以 (成立以县长为组长的…领导小组 names no group by its head).
 */
const LEADING_GROUP = /(中共)?([\u4e00-\u9fa5]{1,8}?(省|市|县|区))?(省|市|县|区|镇|乡)?([^\s，。；、,;:：“”《》()（）的为以和及与在由对]{2,14})领导小组/g;

/** A verb that sets up or runs a group, with the level after it: 一是成立, 并成立, 持续完善镇. */
const GROUP_VERB = /^([一二三四五六七八九十]是)?(并|同时|还|先后)?(持续|进一步|不断|充分|及时)?(成立|组建|设立|健全|完善|明确|调整|充实|优化|加强|召开|发挥|由|各)+(省|市|县|区|镇|乡|街道)?/;

function extractLeadingGroups(text: string, taken: readonly AgencyMention[]): AgencyMention[] {
  const out: AgencyMention[] = [];
  for (const m of text.matchAll(LEADING_GROUP)) {
    // 调整镇法治政府建设工作领导小组, 并成立…领导小组, 持续完善…领导小组: the verb (and the level after
    // it) is not part of the name;
    // 完善领导小组工作规则 names no group.
    const verb = GROUP_VERB.exec(m[5] ?? '')?.[0] ?? '';
    const core = (m[5] ?? '').slice(verb.length);
    // 下设工作领导小组, 镇长喻可胜兼任领导小组组长: a verb of holding or setting up inside the words
    // means they name no group.
    // 工作领导小组 alone names no group either (…依法治县工作领导小组, …(依法行政)工作领导小组 do).
    const bare = core === '工作' && !m[2] && !m[4] && !/[)）]$/.test(text.slice(0, m.index ?? 0));
    if (core.length < 2 || bare || /(兼任|担任|出任|下设|任组长|任副组长)/.test(core)) continue;
    const start = verb ? (m.index ?? 0) + m[0].length - core.length - 4 : (m.index ?? 0);
    const span = { start, end: (m.index ?? 0) + m[0].length };
    if (taken.some((t) => overlaps(t.span, span))) continue;
    // 全面依法治县工作领导小组: words ending in 县 that name no county belong to the group's name.
    const place = m[2] ?? '';
    const words = place.replace(/^中共/, '').replace(GROUP_VERB, '');
    const unplaced = !verb && words !== '' && regionsByName(words).length === 0 ? words + (m[4] ?? '') : '';
    out.push({ name: `${unplaced}${core}领导小组`, span });
  }
  return out;
}

/** Single characters and bare 政府/党委 name nothing without a level. */
function needsLevel(surface: string): boolean {
  return surface.length <= 1 || surface === '政府' || surface === '委';
}

/** Keeps a level prefix of reasonable size within the span (市, 紫阳县, 中共鞍山市). */
function trimPrefix(prefix: string): number {
  return prefix.length <= 10 ? prefix.length : 0;
}

interface CompiledAgencies {
  matcher: TermMatcher<AgencyEntry>;
  /** One-character names (委), matched only right after a level word. */
  short: Map<string, AgencyEntry>;
}

const compiled = new WeakMap<readonly AgencyEntry[], CompiledAgencies>();

function compile(entries: readonly AgencyEntry[]): CompiledAgencies {
  let c = compiled.get(entries);
  if (!c) {
    const surfaces = new Map<string, AgencyEntry>();
    for (const e of entries) for (const s of [e.name, ...e.synonyms]) surfaces.set(s, e);
    c = {
      matcher: createTermMatcher(new Map([...surfaces].filter(([s]) => s.length >= 2))),
      short: new Map([...surfaces].filter(([s]) => s.length === 1)),
    };
    compiled.set(entries, c);
  }
  return c;
}

function matchTermsAllowingShort(text: string, view: QuotelessText, matcher: TermMatcher<AgencyEntry>, short: ReadonlyMap<string, AgencyEntry>) {
  const results = matcher.find(text, view);
  // One-character names (委 of 市委) are matched only right after a level word.
  for (const [surface, term] of short) {
    for (const m of text.matchAll(new RegExp(`(省|市|县|区|州|盟|旗)${surface}(?![\\u4e00-\\u9fa5]{0,1}(书记|常委|副书记|委员会|委员|办公室|宣传部|组织部|政法委))`, 'g'))) {
      const start = (m.index ?? 0) + 1;
      const span = { start, end: start + surface.length };
      if (!results.some((r) => r.span.start < span.end && span.start < r.span.end)) results.push({ term, surface, span });
    }
  }
  return results;
}
