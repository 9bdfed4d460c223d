import type { Span } from '../model/facts.js';
import type { PracticeEntry } from '../model/taxonomy.js';
import { insideTitle, titleSpans } from './extractDocuments.js';
import { createTermMatcher, keepLongest, overlaps, stripQuotes, toQuoteless, type QuotelessText, type TermMatch, type TermMatcher } from './matchTerms.js';
import { startsWithHeading } from './parseStructure.js';

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
  patterns: readonly CompiledPattern[] = [],
): PracticeMention[] {
  // Patterns are loose wordings: inside the title of a law or regulation (《法治政府建设与责任
  // 落实督察工作规定》, also nested in 《关于印发〈…规定〉的通知》) they would read what is cited for
  // a practice. A local list or rule's title
  // (《…领导干部应知应会党内法规和法律法规清单》, 《…依法治区考核实施细则》) names the practice.
  // A practice name right before 法》 is a law's title (《法律援助法》), not the practice.
  const cited = titleSpans(text).filter((t) => /(规定|条例|法|法典|纲要|意见|决定)(\([^)]*\)|（[^）]*）)?(》$|〉)/.test(text.slice(t.start, t.end)));
  const fromPatterns = matchPatterns(text, view, patterns).filter((m) => !insideTitle(cited, m.span));
  const matches = keepLongest([...matcher.find(text, view), ...fromPatterns])
    .filter((m) => !(text[m.span.end] === '法' && text[m.span.end + 1] === '》'))
    .filter((m) =>
    admitsContext(m.term, m.surface, contextBefore(text, m.span.start)),
  );
  return matches.map((m) => {
    const broader = m.term.broader ? byName.get(m.term.broader) : undefined;
    const componentOf = m.term.system && broader?.system && broader.components.includes(m.term.name) ? broader.name : null;
    return { name: m.term.name, system: m.term.system, curated: true, componentOf, span: m.span };
  });
}

/** Quote pairs that mark a term: double quotes, and single quotes (often nested in double ones). */
const QUOTE_PAIRS: Record<string, string> = { '“': '”', '‘': '’' };

/**
 * Political slogans and formulas that reports put in quotes but that are not ways of governing:
 * 两个确立, 两个维护, 四个意识, 关键少数, 国之大者, plan periods such as 十四五, and metaphors and
 * manner words (“面对面”, “零距离”, “最后一公里”).
 */
const SLOGAN = /^([一二两三四五六七八九十]{1,3}(个|项)?(确立|维护|意识|自信|全面|务必|必须|坚持|敢于|服务|之治|优势转化|铁一般))$|^(关键少数|国之大者|一带一路|头雁|指挥棒|一把手|一盘棋|一府两院|一府一委两院|习近平法治思想|习近平新时代中国特色社会主义思想)$|^(面对面|零距离|全天候|全覆盖|全方位|全链条|全流程|多层次|常态化|零容忍|线上线下|硬骨头|一刀切|牛鼻子|领头羊|护城河|航船舵|良法善治|以上率下|多地跑|折返跑|来回跑|强富美高|必选项|硬约束|硬性门槛|窗口期|升级版|全国赛道|依法治[省市县区镇乡街村]|最后一公里|最后一米|中梗阻|肠梗阻|绊脚石|拦路虎|点对点|一对一|手把手|键对键)$|^(急难愁盼|成绩单|后半篇文章|第一等工作|头雁领航|群雁齐飞|雁阵|绝大多数|路线图|时间表|任务书|施工图|作战图|方向盘|压舱石|助推器|风向标|主阵地|主渠道|主力军|排头兵|领头雁|定盘星|加速器|稳定器|金钥匙|晴雨表|硬杠杠|法治政府|法治社会|法治国家|法治中国|法治政府建设|法治社会建设|法治中国建设|法治国家建设|依法治国|依法行政)$|^[一二三四五六七八九十]{1,3}五$|^应[\u4e00-\u9fa5]{1,3}尽[\u4e00-\u9fa5]{1,3}$|^双(提升|下降|提高|增长|促进|赢|满意)$|^满堂红$/;

/** Words before a quoted epithet of a place: 素有“…”之称, 被誉为“…”. */
const EPITHET_BEFORE = /(素有|享有|被誉为|誉为|号称|被称为|堪称|有着)[^，。；,;“”]{0,4}$/;

/** Words around a quoted title that make it an honour won, not a practice: 被评为“…”, “…”荣誉称号. */
const AWARD_BEFORE = /(评为|命名为|授予|获评|荣获|获得|获|荣膺|授牌|创建成为|成功创建|入选)[^，。；,;]{0,6}$/;
const AWARD_AFTER = /^(荣誉)?称号|^(荣誉|奖|称号|示范)/;

/**
 * Open discovery: a term in quotes (“…” or ‘…’) that the taxonomy does not know is a candidate
 * practice or local brand — 推行“背包式人民调解”, 打造“虔城办”, also inside a document title
 * (《关于推广“…”经验的通知》). Quoted slogans and lists (they carry ，。 inside), numbers, dates,
 * one- and two-character words (“铺路”, “松绑”), political formulas, honours won (被评为“全国
 * 文明单位”, “国家卫生城市”称号 — those are awards), and taxonomy surfaces (`known`) are not terms.
 */
/** A counted formula: 四个走在前, 两个确保, 十大战略, 四件大事. */
const COUNTED = /^[一二两三四五六七八九十]+[个件大项条]/;

export function discoverQuotedTerms(text: string, taken: readonly Span[], known: ReadonlySet<string> = new Set()): PracticeMention[] {
  const found: PracticeMention[] = [];
  let lastSloganEnd = -1;
  for (let i = 0; i < text.length; i++) {
    const close = QUOTE_PAIRS[text[i] ?? ''];
    if (!close) continue;
    const end = text.indexOf(close, i + 1);
    if (end < 0 || end - i - 1 > 16) continue;
    const inner = text.slice(i + 1, end).trim();
    const span = { start: i, end: end + 1 };
    // A two-character term is a practice when a practice noun follows: “三定”规定, “双减”工作,
    // “净源”专项执法行动.
    const shortTerm = inner.length === 2 && PRACTICE_NOUN.test(text.slice(end + 1, end + 4));
    // A code, a list of phrases, a brand or a column title named by the words after it.
    const tail = nameTail(text, end, inner, shortTerm);
    if (tail) {
      const named = { start: i, end: end + 1 + tail[0].length };
      if (!taken.some((t) => overlaps(t, named))) {
        found.push({ name: inner.replace(/、/g, '') + tail[0], system: /制度$/.test(tail[0]), curated: false, componentOf: null, span: named });
      }
      continue;
    }
    if (!isTermLike(inner, shortTerm ? 2 : 3) || known.has(stripQuotes(inner))) continue;
    // 聚焦“四个走在前”“四个新”, 锚定“两个确保”, 发挥“三个作用”, 为“六个兴安”建设: a counted
    // formula that the report rallies to is a slogan; 开展…“八大行动”, 行政调解“三个融入” are
    // practices.
    const rallied = /(聚焦|聚力|锚定|对标|围绕|实现|发挥|领悟|增强|坚定|践行|对照)[^，。；,;“”]{0,3}$|为$/.test(text.slice(Math.max(0, i - 6), i));
    // “四个扎实”要求, “十一个坚持”的核心要义, “一三五六”总体部署: a counted formula named as a demand,
    // a gist or a plan is a slogan too.
    const demanded = /^(的)?(总体|重要|核心|战略)?(要求|要义|部署|定位|目标|布局|思路)/.test(text.slice(end + 1, end + 6));
    if ((COUNTED.test(inner) || /^[一二两三四五六七八九十]{3,}$/.test(inner)) && (rallied || demanded || (text[i - 1] === '”' && lastSloganEnd === i - 1))) {
      lastSloganEnd = end;
      continue;
    }
    // 由“被动接受申报”向“主动收集需求”转变: the old way is not a practice.
    if (/[由从]$/.test(text.slice(i - 1, i)) && /^[向到]/.test(text.slice(end + 1, end + 2))) continue;
    if (AWARD_BEFORE.test(text.slice(Math.max(0, i - 12), i)) || AWARD_AFTER.test(text.slice(end + 1, end + 5))) continue;
    // 素有“南大门”之称, 被誉为“…百科全书”: an epithet of the place, not a practice.
    if (EPITHET_BEFORE.test(text.slice(Math.max(0, i - 8), i)) || /^(之称|的美誉|美誉|的美称|之美誉)/.test(text.slice(end + 1, end + 5))) continue;
    if (taken.some((t) => overlaps(t, span))) continue;
    found.push({ name: toPracticeName(inner), system: /制度$/.test(inner), curated: false, componentOf: null, span });
  }
  return keepLongest(found);
}

/**
 * The words after a quoted term (closing quote at `end`) that name a practice together with it,
 * or null:
 * - a code names the practice with the noun after it: “1+4+X”学法清单, “153”工作机制 (digits
 *   alone, not a year);
 * - a list of phrases is a slogan unless a practice noun names it: “深学争优、敢为争先、实干争效”
 *   行动, “市级主导、县域自主、乡镇联派”三级商务执法管理体制;
 * - a two-character brand names a campaign with the words after it: “湘剑”护农行动;
 * - a quoted title names a column a report runs: 开设“学习宣传贯彻习近平法治思想”专栏.
 */
function nameTail(text: string, end: number, inner: string, shortTerm: boolean): RegExpExecArray | null {
  const after = (n: number) => text.slice(end + 1, end + 1 + n);
  if ((/^[0-9A-Za-z+＋×*·]+$/.test(inner) && /[+＋×*]/.test(inner)) || (/^\d{2,6}$/.test(inner) && !/^(19|20)\d\d$/.test(inner))) return CODED_TAIL.exec(after(14));
  if (/、/.test(inner) && !/[，,。；;：:]/.test(inner)) return LIST_TAIL.exec(after(12));
  if (inner.length === 2 && /^[\u4e00-\u9fa5]{2}$/.test(inner) && !shortTerm) return BRAND_TAIL.exec(after(6));
  if (inner.length >= 4 && !/[|｜]/.test(inner)) return /^(学习)?专栏/.exec(after(4));
  return null;
}

/** A list of one-character steps (述、考、评、督、责) is one formula, named without its commas. */
const LETTER_LIST = /^[\u4e00-\u9fa5](、[\u4e00-\u9fa5]){2,}$/u;

function toPracticeName(term: string): string {
  const name = stripQuotes(term);
  return LETTER_LIST.test(name) ? name.replace(/、/g, '') : name;
}

/**
 * Formulas written as a list of one-character steps without quotes — 健全学、用、述、考、评、督、责
 * 一体化推进机制 → 学用述考评督责: like a quoted term, an uncurated practice. A list inside a longer
 * run of one-character items is taken whole; any overlap with another practice (`taken`) wins.
 */
export function discoverLetterLists(text: string, taken: readonly Span[]): PracticeMention[] {
  const found: PracticeMention[] = [];
  for (const m of text.matchAll(/(?<!、)[\u4e00-\u9fa5](、[\u4e00-\u9fa5]){2,}(?![\u4e00-\u9fa5]?、)/gu)) {
    const span = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
    if (taken.some((t) => overlaps(t, span))) continue;
    // 市、县、乡、村四级 lists the levels of government, not steps of a formula; 国家、省、市 and
    // 中央、省、市 too (家 and 央 end a longer word).
    if (/^[国家央省市州县区乡镇村组街社](、[省市州县区乡镇村组街社])+$/.test(m[0])) continue;
    // 精神、省、清远市: a level word among the items ends a longer word list, not a formula.
    if (/、[省市州县区乡镇村]/.test(m[0])) continue;
    found.push({ name: toPracticeName(m[0]), system: false, curated: false, componentOf: null, span });
  }
  return found;
}

/** Nouns after a quoted term that make it a named practice: 规定, 改革, 机制, 模式, 平台 … */
const PRACTICE_NOUN = /^(规定|改革|机制|模式|平台|服务|行动|活动|工程|品牌|制度|清单|窗口|工作|专项)/;
/** The noun that names a quoted list of phrases as one practice: “…、…”行动, “…、…”管理体制. */
const LIST_TAIL = /^[\u4e00-\u9fa5]{0,10}?(行动|活动|体制|机制|模式|工程|制度|大讨论)/;
/** The words after a two-character brand that name its campaign: “湘剑”护农行动, “五星”支部创建. */
const BRAND_TAIL = /^[\u4e00-\u9fa5]{1,4}?(行动|活动|工程|创建)/;
/**
 * The noun that a quoted code names: “1+4+X”学法清单, “1+N”工作机制, “3+1”模式, “1+1+6”社会治理中心 —
 * not across 和/及/与/各 (“3+1+1”工作思路和各项中心工作).
 */
const CODED_TAIL = /^(?:(?![和及与各])[\u4e00-\u9fa5]){0,12}?(清单|机制|模式|体系|平台|工作法|制度|服务|改革|行动|工程|中心)/;

function isTermLike(inner: string, minLength: number): boolean {
  if (inner.length < minLength || inner.length > 16) return false;
  if (/[，,。；;：:！？!?\n《》“‘|｜]/.test(inner)) return false;
  // A list of short items in quotes is a named slogan-practice only when each item is short:
  // “走访、接访、下访、回访”; a list of phrases (“创则必优、创则必成、创则必胜”) is a slogan.
  // “走在前、勇争先、善作为”, “固根本、稳预期、利长远”: three-character calls are a slogan too; a
  // count (“一规划、两纲要”) or a principle (“谁主管、谁负责”) is not.
  const items = inner.split('、');
  if (items.length >= 2 && items.some((item) => item.length > 3)) return false;
  // “网络化、智能化”: a list of manners.
  if (items.length >= 2 && items.every((item) => /化$/.test(item))) return false;
  if (items.length >= 2 && items.every((item) => item.length === 3 && !/^[一二两三四五六七八九十谁]/.test(item))) return false;
  return !namesNoPractice(inner) && /[\u4e00-\u9fa5]/.test(inner);
}

/**
 * Whether a candidate name names no practice, whatever found it (quotes, the learned tagger):
 * metaphors and battles, aims put as verbs, the report's outline, bodies, manners, goals of
 * becoming, dates and numbers, slogans, strategies, goals and honours.
 */
export function namesNoPractice(name: string): boolean {
  // Battles (“六大战役”, “大上海保卫战”), effects (“头雁效应”) and set moves (“规定动作”) are
  // metaphors; “纲领性文件” is a kind of paper; a phrase with 的 (“更高标准的法治兴庆”) describes.
  if (/(战役|战|效应|动作|文件)$/.test(name) || (name.length >= 7 && name.includes('的'))) return true;
  // “坚持全面依法治国”, “率先突破”, “加强依法行政”, “完善市场监管体制”: a principle or an aim, put
  // as a verb phrase.
  if (/^(坚持|率先|加快|奋力|勇当|争当|争创|全面提升|全面推进|持续推进|加强|深化|完善|优化|走在)/.test(name)) return true;
  // “理论联系实际”, “普遍与重点相结合”, “理论指导实践”: a principle of method, not a practice.
  if (/(相结合|相统一|结合起来|统一起来|联系实际|指导实践)$/.test(name)) return true;
  // “主要举措和成效”, “推进法治化营商环境工作情况”: the report's own outline, not a practice.
  if (/(成效|情况|不足|原因|安排)$/.test(name)) return true;
  // “街道全面依法治理委员会”: a body in quotes is an agency, not a practice.
  if (/(委员会|领导小组)$/.test(name)) return true;
  // “一体化”, “数字化”: a manner, not a practice (“网格化”管理 names one with the noun after it).
  if (/^[\u4e00-\u9fa5]{2}化$/.test(name)) return true;
  // “法治工作全局化”: a goal of becoming, not a practice (“四减一优化” counts its steps);
  // anniversaries (“十五周年”) neither.
  if ((/^[\u4e00-\u9fa5]{4,}化$/.test(name) && !/[一二两三四五六七八九十]/.test(name)) || /周年$/.test(name)) return true;
  if (/^[\d.·\-—%\s+]+$/.test(name)) return true;
  if (/^\d{4}年|^\d{1,2}月/.test(name)) return true;
  // “满意度”, “规范度”, “加速度”: a measure (“十项制度” counts rules); “国家级”: a level; “三农”: a topic.
  if ((/^[\u4e00-\u9fa5]{1,3}[度率]$/.test(name) && !/制度$/.test(name)) || /^(国家|省|市|县|区|乡|镇)级$|^三农$/.test(name)) return true;
  if (SLOGAN.test(name)) return true;
  // Strategies, goals, experiences and percentages in quotes are slogans or honours, not ways of
  // governing: “实施依法治区战略”, “宁夏经验”, “四个100%”, “…创新发展示范区”, “三区一高地”,
  // “长三角一流现代化城区”, “一地一都一强县”.
  if (/(战略|经验|目标|理念|思想|精神|方针|示范区|示范市|示范县|高地|城区|强省|强市|强县|强区|奖|称号|案例|百强[县市区]?(\(市\)|（市）)?)$/.test(name) || /[%％]/.test(name)) return true;
  return false;
}

/** Verbs that set up a named mechanism: 建立…机制, 推行…制度, 打造…平台, 探索…模式. */
const ESTABLISH = /(建立健全|健全完善|建立完善|完善|建立|健全|推行|实行|创新|探索|构建|出台|制定|推广|打造|搭建|形成|开通|上线|编制|创设|首创|深化|严格落实|认真落实|落实|坚持|依托|严格执行|执行)/g;
/** What a named mechanism ends in; the shortest phrase wins, then one more suffix (清单制度). */
const MECHANISM = /^([^，,。；;：:、\n《》“”‘’()（）0-9]{3,18}?)(工作机制|机制|制度|模式|清单|平台|工作法)(制度|机制)?/;
/**
 * Pairs and abstractions that name no particular mechanism: 制度机制, 体制机制, 长效机制, 法治工作机制,
 * a bare word and 机制 (执法机制), a pair (行政审批流程与机制); the tail of a longer phrase
 * (逐项落实的工作机制, 探索和创新…机制) or a description with 的.
 */
const GENERIC_MECHANISM = /(制度机制|体制机制|机制体制|长效机制|工作制度|管理制度|相关制度|配套制度|各项制度|规章制度|常态化机制|长效化机制|规范化机制|制度化机制)$|^(相关|配套|各项|各类|一批|一套|多项|系列)|^(督查考核|考核评价|督促检查|督导检查|沟通协调|协调联动|统筹协调|工作推进|推进落实|监督管理|依法行政|责任落实|信息共享|定期调度|督导推进|议事协调|协作配合|依法决策|科学决策|民主决策)(工作)?(机制|制度)$|^法治(政府)?(建设)?(工作|领导|推进|落实)*机制$|^(做到|实现|确保|达到|落实|推进|加强|的|和|与|及|等)|并|作为|担任|参加|参与|[\u4e00-\u9fa5]的(工作)?(机制|制度)$|[与和及](工作)?(机制|制度|模式|清单|平台|工作法)(制度|机制)?$|^[\u4e00-\u9fa5]{2}(机制|制度)$/;

/**
 * Open discovery of unquoted named mechanisms and campaigns: the object of a verb of setting up
 * that ends in 机制/制度/模式/清单/平台/工作法 — 建立民营企业全生命周期法律服务工作机制, 健全执行联动
 * 机制, 实行两级审核制度, 严格落实法治建设定期报告制度, 依托…综合考评工作信息平台 — and the object
 * of a verb of launching that ends in 行动/专项整治/专项治理 (开展营商环境质量提升行动); a body
 * or facility set up (成立民营企业法律服务团, 设立版权服务专窗); a named format of outreach or
 * deliberation (通过…板凳课堂, 依托民生议事堂, 、周二夜学); a named work method (落实一线工作法、闭环工作法).
 * Skipped: headings (健全依法行政制度体系 is a chapter of the 纲要, not a mechanism), titles in 《》,
 * pairs (行政审批流程与机制), generic words (建立长效机制), counts (制定20项任务清单), and anything a
 * curated or quoted term already covers (`taken`).
 */
/** Whether a name is a pair or abstraction that names no particular mechanism (长效机制, 制度机制). */
export function isGenericMechanism(name: string): boolean {
  return GENERIC_MECHANISM.test(name);
}

export function discoverNamedMechanisms(text: string, taken: readonly Span[], titles: readonly Span[] = titleSpans(text)): PracticeMention[] {
  const found: PracticeMention[] = [];
  /** Spans already claimed: the caller's, then each discovery's as it is made. */
  const claimed = [...taken];
  for (const [verbs, object] of [
    [ESTABLISH, MECHANISM],
    [LAUNCH, CAMPAIGN],
    [FOUND, FACILITY],
    [FORMAT_BEFORE, FORMAT],
    [HOLD, COURSE],
    [METHOD_BEFORE, METHOD],
  ] as const) found.push(...findObjects(text, verbs, object, claimed, titles));
  return found;
}

/** Verbs that launch a named campaign: 开展重点场所控烟专项行动, 实施行政执法能力提升行动. */
const LAUNCH = /(深入开展|持续开展|扎实开展|组织开展|集中开展|开展|实施|启动)/g;
const CAMPAIGN = /^([^，,。；;：:、\n《》“”‘’()（）0-9]{3,18}?)(专项整治行动|专项行动|提升行动|攻坚行动|整治行动|专项整治|专项治理|行动)/;

/** Verbs that set up a named body or facility: 成立民营企业法律服务团, 设立版权服务专窗. */
const FOUND = /(挂牌成立|成立|设立|组建|建成|打造)/g;
const FACILITY = /^([^，,。；;：:、\n《》“”‘’()（）0-9]{3,18}?)(服务中心|调解中心|联防联调中心|中心|法律服务团|服务团|工作室|工作站|服务站|联络站|调解室|基地|驿站|专窗|联盟)/;

/** Where a named format of outreach or deliberation starts: after 通过, 开展, 、 … */
const FORMAT_BEFORE = /(通过|开展|依托|利用|组织|举办|打造|创建|创新|推出|开设|、)/g;
const FORMAT = /^([^，,。；;：:、\n《》“”‘’()（）0-9]{2,6}?)(微课堂|云课堂|大讲堂|课堂|讲堂|夜学|夜校|宣讲团|宣讲队|议事会|议事堂|议事厅|说事会|调解室|工作室|服务队|小分队|直通车)/;

/** Verbs that hold a named course or forum: 举办习近平法治思想专题培训班, 组建…律师宣讲团. */
const HOLD = /(组织开展|组织举办|举办|开展|组织|开设|举行|组建|开发|推出|参加)/g;
/** A named course, forum or contest, quotes allowed inside: 举办“学习习近平法治思想”主题征文活动. */
const COURSE = /^([^，,。；;：:、\n《》()（）0-9]{3,20}?)(专题研讨班|研讨培训班|专题培训班|培训班|专题班|研讨班|论坛|宣讲团|征文活动|知识竞赛|知识竞答活动|知识竞答|精品课程|专题课|巡讲活动)/;

/** Where a named work method starts: after a verb of using it, or the 、 of a list of them. */
const METHOD_BEFORE = /(落实|推行|运用|采用|用好|推广|实行|总结|探索|创新|形成|坚持|、)/g;
/** A named work method, its name as short as two characters: 落实一线工作法、闭环工作法 (not 工作法治化). */
const METHOD = /^([^，,。；;：:、\n《》“”‘’()（）0-9]{2,6}?)工作法(?![治律规])/;

/** Objects of `verbs` shaped like `object`, skipping spans in `claimed` and adding their own to it. */
function* findObjects(text: string, verbs: RegExp, object: RegExp, claimed: Span[], titles: readonly Span[]): Generator<PracticeMention> {
  for (const verb of text.matchAll(verbs)) {
    // 出台2024年度党组集体学法清单, 建立了…制度: the year and the particle are not part of the name.
    const skipped = /^了?(20\d\d年度?)?/.exec(text.slice((verb.index ?? 0) + verb[0].length))?.[0].length ?? 0;
    const from = (verb.index ?? 0) + verb[0].length + skipped;
    const m = object.exec(text.slice(from, from + 26));
    if (!m) continue;
    const phrase = m[0];
    const span = { start: from, end: from + phrase.length };
    // A pair (行政审批流程与机制) names no mechanism; 纤检所与综合执法支队联动协作机制 names one.
    if (GENERIC_MECHANISM.test(phrase) || /^(体系|机制|制度)/.test(text.slice(span.end))) continue;
    if (insideTitle(titles, span) || isHeadingLine(text, from)) continue;
    if (claimed.some((t) => overlaps(t, span))) continue;
    claimed.push(span);
    yield { name: stripQuotes(phrase), system: false, curated: false, componentOf: null, span };
  }
}

/** Whether `at` lies in a heading line ((三)完善行政决策程序体系 / 一、…) before its first stop. */
function isHeadingLine(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(lineStart, at);
  return startsWithHeading(before) && !/[。；;]/.test(before);
}

interface CompiledPattern {
  entry: PracticeEntry;
  re: RegExp;
}

/** Matches of the entries' patterns, on the matching view, mapped back to the original text. */
function matchPatterns(text: string, view: QuotelessText, patterns: readonly CompiledPattern[]): TermMatch<PracticeEntry>[] {
  const out: TermMatch<PracticeEntry>[] = [];
  for (const { entry, re } of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(view.text); m !== null; m = re.exec(view.text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = view.originalOffset[m.index] ?? 0;
      const end = (view.originalOffset[m.index + m[0].length - 1] ?? 0) + 1;
      out.push({ term: entry, surface: text.slice(start, end), span: { start, end } });
    }
  }
  return out;
}

interface CompiledPractices {
  patterns: CompiledPattern[];
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
    c = {
      matcher: createTermMatcher(surfaces),
      patterns: entries.flatMap((entry) => entry.patterns.map((p) => ({ entry, re: new RegExp(p, 'gu') }))),
      byName: new Map(entries.map((e) => [e.name, e])),
      known: new Set([...surfaces.keys()].map(stripQuotes)),
    };
    compiled.set(entries, c);
  }
  return c;
}

/** All practice and system mentions of a text: curated ones, then discovered terms. */
export function extractPractices(text: string, entries: readonly PracticeEntry[], view: QuotelessText = toQuoteless(text)): PracticeMention[] {
  const { matcher, byName, known, patterns } = compile(entries);
  const curated = extractCuratedPractices(text, view, matcher, byName, patterns);
  const discovered = discoverQuotedTerms(
    text,
    curated.map((m) => m.span),
    known,
  );
  const quoted = [...curated, ...discovered];
  const lists = discoverLetterLists(text, quoted.map((m) => m.span));
  const mechanisms = discoverNamedMechanisms(text, [...quoted, ...lists].map((m) => m.span));
  return [...quoted, ...lists, ...mechanisms].sort((a, b) => a.span.start - b.span.start);
}
