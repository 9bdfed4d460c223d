/**
 * Metric extraction: the quantities a report states — rates, counts, amounts — each with a
 * name, a value (万/亿 multiplied out), a unit, a qualifier and its evidence span.
 *
 * Pure: text in, mentions out. Offsets are UTF-16 code units into `text` (absolute). The
 * extractor works one sentence at a time and in three steps:
 *
 *   1. find every number followed by a counting unit (682件, 1.19万人, 95%以上, 五次), skipping
 *      dates, years, document numbers, ordinals, hotline numbers and anything in quotes/titles;
 *   2. name it from the words around it in its clause — a taxonomy metric when one of its
 *      synonyms stands right before the number, else the words before the number (受理行政复议)
 *      and/or the noun counted after the unit (54家单位 → 单位);
 *   3. expand lists (办结率、满意率均为100% → two mentions; A、B分别下降x%、y% → pairs) and mark
 *      changes (同比增长14.75% → change, name …同比增长) so they never pass for levels.
 */
import type { Qualifier } from '../model/facts.js';
import type { MetricEntry } from '../model/taxonomy.js';
import { parseChinesePercent, parseQuantity } from './parseNumber.js';

export interface MetricMention {
  /** Canonical taxonomy name, or a short descriptive name built from the text. */
  name: string;
  /** The number with 万/亿 multiplied out (1.19万人 → 11900). */
  value: number;
  /** The unit after multiplying out: %, 件, 人, 人次, 元 (from 万元/亿元) … */
  unit: string;
  qualifier: Qualifier;
  /** Shortest span holding the name words and the number with its unit. */
  span: { start: number; end: number };
  /** True when the number is a change (同比增长2.55%, 较上年降低10%), not a level. */
  change: boolean;
}

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------

interface UnitDef {
  /** As written after the number. */
  surface: string;
  /** As stored. */
  unit: string;
  /** The unit counts things, so a noun after it names what is counted (54家单位). */
  counts: boolean;
  /** The match is rejected when the text after the unit starts like this (3部门, 所有). */
  notBefore?: RegExp;
}

const U = (surface: string, unit: string, counts: boolean, notBefore?: RegExp): UnitDef =>
  notBefore ? { surface, unit, counts, notBefore } : { surface, unit, counts };

/**
 * Counting and measuring units, longest first so 人次 wins over 人 and 个工作日 over 个.
 * The `notBefore` guards keep a unit character that starts a word from being read as a unit:
 * 3部门 is not "3 部", 所有 is not "所".
 */
const UNITS: UnitDef[] = [
  U('个百分点', '个百分点', false),
  U('个工作小时', '个工作小时', false),
  U('个工作日', '个工作日', false),
  U('工作日', '个工作日', false),
  U('平方公里', '平方公里', false),
  U('平方米', '平方米', false),
  U('立方米', '立方米', false),
  U('公里', '公里', false),
  U('公顷', '公顷', false),
  U('人次', '人次', true),
  U('件次', '件次', true),
  // 108件(次), 62人（次）: the count of cases or people, each time counted
  U('件(次)', '件次', true),
  U('件（次）', '件次', true),
  U('人(次)', '人次', true),
  U('人（次）', '人次', true),
  U('场次', '场次', true),
  U('批次', '批次', true),
  U('户次', '户次', true),
  U('家次', '家次', true),
  U('个次', '个次', true),
  U('项次', '项次', true),
  U('课时', '课时', true),
  U('轮次', '轮次', true),
  U('大类', '类', true),
  U('%', '%', false),
  U('％', '%', false),
  U('‰', '‰', false),
  U('件', '件', true),
  U('人', '人', true, /^(民|员|大|口|才|社)/),
  U('项', '项', true, /^目/),
  U('个', '个', true, /^(人(?!次)|体|月|多月|半月|小时|星期|钟头)/),
  U('家', '家', true, /^(庭|长|属|乡|园)/),
  U('次', '次', true, /^(数|序|要)/),
  U('场', '场', true, /^(景|所|地|馆|合|次)/),
  U('条', '条', true, /^(例|款|件|线)/),
  U('元', '元', false, /^(旦|素)/),
  U('亩', '亩', false),
  U('宗', '宗', true, /^(教|旨)/),
  U('册', '册', true),
  U('卷', '卷', true, /^宗/),
  U('名', '名', true, /^(单|称|义|录|额|片)/),
  U('户', '户', true, /^(籍|口|外)/),
  U('期', '期', true, /^(间|限|满|末|初)/),
  U('类', '类', true, /^(别|型|似)/),
  U('笔', '笔', true, /^录/),
  U('篇', '篇', true, /^章/),
  U('批', '批', true, /^(准|复|示|评|次)/),
  U('所', '所', true, /^(有|在|属|以|得|需)/),
  U('支', '支', true, /^(持|付|出|撑|部|队伍建设)/),
  U('座', '座', true, /^谈/),
  U('套', '套', true),
  U('种', '种', true, /^(类|子|植|养|群|族|种|田|地)/),
  U('位', '位', true, /^(于|列|居|置|次)/),
  U('张', '张', true, /^贴/),
  U('份', '份', true, /^额/),
  U('部', '部', true, /^(门|署|分|委|长|位|队)/),
  U('起', '起', true, /^(草|诉(?!讼)|点|步|来|到)/),
  U('处', '处', true, /^(理|罚|置|室|级|长|分|于|在)/),
  U('辆', '辆', true),
  U('间', '间', true, /^(隔|断|接|距)/),
  U('枚', '枚', true),
  U('门', '门', true, /^(户|口|槛|类|店|前|诊|票|禁|路|牌|面|窗|进|受理)/),
  U('轮', '轮', true, /^(次|换|岗|值|流|训|转|胎|廓)/),
  U('吨', '吨', false),
  U('倍', '倍', false),
  // 满意度测评得分96.5分: a score, only where the clause ends (3分钟, 2分局 are other words).
  U('分', '分', false, /^[^,，;；。:：、!！?？\s)）以]/),
];

/**
 * Region nouns used as counters after a small Arabic number: 8省17市签订…协议 → 8个 and 17个.
 * The guard keeps words such as 市场, 市民, 县级 out.
 */
const REGION_COUNTER = /^[省市县镇乡村](?![场民级直区委政长域份内外域际属辖街道居庄委])/;

// ---------------------------------------------------------------------------------------------
// Character classes and word lists
// ---------------------------------------------------------------------------------------------

/** Clause delimiters: a metric's name never reaches across them. 、 separates list items. */
const DELIM = /[,，;；:：。!！?？、\n]/;
const CJK = /[\u4e00-\u9fff]/;
const CN_NUM_CHAR = /[零〇一二两三四五六七八九十百千万亿]/;

/** Numbers: Arabic (with decimals, 3-digit groups) or Chinese numerals starting with a digit or 十. */
const NUMBER_RE = /[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?|[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*/g;

/** Quote and title brackets: numbers inside are names (“10+4+4”, 《…第一批74项》), not metrics. */
const OPENERS: Record<string, string> = { '“': '”', '《': '》', '「': '」', '『': '』', '‘': '’', '〔': '〕', '【': '】', '"': '"' };

/** Well-known service hotlines (12345热线, 12348法网): never counts. */
const HOTLINES = new Set(['110', '119', '120', '122', '12309', '12315', '12319', '12320', '12333', '12338', '12345', '12348', '12355', '12356', '12365', '12366', '12369', '12388']);

/**
 * Words after a Chinese-numeral count that make it a slogan or a named system, not a quantity:
 * 三项制度, 四张清单, 两个维护, 四个意识, 中央八项规定, 五位一体, 二期工程.
 */
const SLOGAN_TAIL = /^(制度|清单|机制|意识|自信|维护|确立|全面|一体|体系|原则|精神|规定|分配|务必|必须|坚持|工程|要求|统一|结合|为零|百分|[一二两三四五六七八九十])/;

/** Qualifier words written right before the number. */
const PREFIX_QUALIFIERS: { re: RegExp; q: Qualifier }[] = [
  // 不低于95%, 不少于10次, 超过1000人, 逾300家, 至少3次
  { re: /(不低于|不少于|超过|高于|至少|逾|超)$/, q: 'GTE' },
  // 不超过5个工作日, 不足10%, 低于2%
  { re: /(不超过|不高于|不足|低于|少于)$/, q: 'LTE' },
  // 优惠金额约280万元, 近10万件, 将近, 接近, 大约
  { re: /(大约|将近|接近|(?<![节制签预契公条协])约|(?<![最附邻亲靠贴])近)$/, q: 'APPROX' },
];

/** Qualifier words written right after the unit: 95%以上, 3个工作日以内, 100人左右. */
const SUFFIX_QUALIFIERS: { re: RegExp; q: Qualifier }[] = [
  { re: /^以上/, q: 'GTE' },
  { re: /^(以下|以内)/, q: 'LTE' },
  { re: /^左右/, q: 'APPROX' },
];

/**
 * Words that end a noun phrase counted after the unit (9个单位被评为…, 40个政务服务场景实现…):
 * verbs that typically follow the counted noun. They end the phrase once it holds a word, so
 * 13项实行告知承诺 keeps its verb when nothing else follows the unit.
 */
const POST_STOP_VERB = /^(被|实现|完成|获评|获得|荣获|进行|开展|参与|参加|办理|可在|全部|均|已|向|关于|在|通过|纳入|签订|出台|配置|提供|主动|中(?![心央介小国华层间期级医])|时|每|共|累计|无需|实行|接受|入选|整治|达到|达|为|是|从|对|开级|全市|全县|全区|全省)/;
/** Function words and section markers that always end it: 2个集体、, 4大基础库和, …权限二是…. */
const POST_STOP_WORD = /(的|和|及|(?<![参给])与|等|[一二三四五六七八九十]是)/y;
/** After the unit, a comparison or change verb is not a counted noun: 从1171户下降至679户. */
const POST_NOT_NOUN = /^(较|比|同比|环比|下降|增长|增加|减少|降低|提高|提升|上升|占|以上|以下|左右|全市|全县|全区|全省|[一二三四五六七八九十]+是)/;
/** Verbs after a bare classifier noun whose phrase tells what was counted: 54家单位出台…, 9个单位被评为…. */
const POST_VERB_PHRASE = /^(被|实现|完成|获评|获得|荣获|进行|开展|参与|参加|办理|纳入|签订|出台|配置|无需|实行|接受|入选|整治|开级)/;

/** Clause-internal words after which the name starts afresh: 全县实体大厅共办理… → 办理…. */
const NAME_RESTART = /(其中|共计|共有|累计|合计|全年|今年以来|以来|截至目前|目前|先后|特别是|尤其是|(?<!公)共(?![享同建治产青性识]))/g;

/** Words stripped from the end of the name (they link the name to the number): 出庭应诉率达到 → 出庭应诉率. */
const TRAILING_FILLER =
  /(均为|均达到|均达|均保持在|保持在|稳定在|维持在|分别为|分别达到|分别达|分别|达到了|达到|已达|共计|共有|累计|合计|总计|全部|动态|已经|特别是|尤其是|已|(?<!平)均|达|为|是|共|计|了|在|有|到|至|的|从|由|总共|一共|再次|同比|对|向|给|将|把|以及|和|及|与|(?<!平)都|(逐年|稳步|持续|不断)(提高|提升|上升|增长))$/;

/** Level verbs ending in 至/到: 压减至1个工作日, 下降至679户, 调整至2532项 — the number is a level. */
const LEVEL_VERB = /(下降|降低|减少|增加|增长|提高|提升|上升|压减|压缩|缩短|缩减|调整|降|增|减|升|提)(至|到)$/;

/**
 * Words stripped from the start of the name: scope, time, prepositions, light verbs. The
 * one-character prepositions are guarded against verbs they start (对标, 对接, 为民, 将来).
 */
const LEADING_FILLER =
  /^(\s+|[^\u4e00-\u9fff“《(（]+|全市|全县|全区|全省|全州|全旗|全镇|全乡|全国|全年|今年以来|以来|年内|本年度|一年来|截至目前|目前|此外|另外|同时|其中|包括|累计|共计|共(?![享同建治产青性识])|已|均|还|并|且|对(?![标接照外话口应比于])|向(?![阳])|为(?![民企主了])|将(?!来)|把|从|经(?![济营])|由|给|通过|按照|依法|积极|有效|成功|持续|深入|全面|进一步|主动|先后|组织开展|开展了|开展|组织|举办|进行|实现|推动|推进|落实|完成了|完成|达到|有序|严格|认真|扎实|大力|动态)/;

/** Change verbs right before the number: 增长2.55%, 降低10%, 降幅达42%. */
const CHANGE_VERB = /(增长|增加|提高|提升|上升|增幅|涨幅|增速|下降|降低|减少|缩减|缩短|压缩|压减|降幅|减幅|(?<=(同比|环比))[增降减升])$/;
const CHANGE_UP = /(增长|增加|提高|提升|上升|增幅|涨幅|增速|增|升)$/;

/** Comparison phrases before a change verb: 同比, 比2022年度, 较上一年度, 较年初, 较2022年底. */
const COMPARATOR = /(同比|环比|(较|比|相比|与)(上年同期|去年同期|上一年度?|上年度?|去年|前一年|\d{4}年(度|底|末|同期)?|年初|上期|上月|上季度|上半年|同期))/;

// ---------------------------------------------------------------------------------------------
// Step 1: numbers with units
// ---------------------------------------------------------------------------------------------

interface NumberHit {
  /** First character of the numeral. */
  start: number;
  /** Start of a qualifier word before the numeral (约280万元 → at 约), else `start`. */
  prefixStart: number;
  /** End of the unit. */
  unitEnd: number;
  /** End of the quantity including a trailing qualifier (95%以上). */
  end: number;
  value: number;
  unit: string;
  counts: boolean;
  qualifier: Qualifier;
  chinese: boolean;
  /** The counted noun when the unit is one (8省17市 → 省). */
  noun?: string;
  /** The lower bound when the number closes a range (95%-98%, 3至5名): `value` is the upper. */
  rangeLower?: number;
}

/** An Arabic integer written with no unit (办理人大代表建议141政协提案275): a metric only after a known metric name. */
interface BareNumber {
  start: number;
  end: number;
  value: number;
}

/** Ranges of the sentence inside quotes or title marks. Unclosed openers are ignored. */
function quotedRanges(text: string, from: number, to: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let i = from; i < to; i++) {
    const close = OPENERS[text[i] ?? ''];
    if (!close) continue;
    const limit = Math.min(to, i + 80);
    let j = i + 1;
    while (j < limit && text[j] !== close) j++;
    if (j < limit) {
      ranges.push([i, j + 1]);
      if (close !== '”' && close !== '’') i = j; // titles do not nest quotes we care about
    }
  }
  return ranges;
}

/** Matches a unit at `at`; null when none. Handles N大类 → 类, N大项/N小项 → 项, N大X → 个, 8省17市 → 个. */
function matchUnit(text: string, at: number, value: number, raw: string, chinese: boolean): { unit: string; len: number; counts: boolean; noun?: string } | null {
  const rest = text.slice(at, at + 8);
  for (const u of UNITS) {
    if (!rest.startsWith(u.surface)) continue;
    if (u.notBefore && u.notBefore.test(rest.slice(u.surface.length))) return null;
    return { unit: u.unit, len: u.surface.length, counts: u.counts };
  }
  // 7大项、24小项工作任务: a count of items, large and small (unit 项).
  if (/^[大小]项/.test(rest)) return { unit: '项', len: 2, counts: true };
  // 九大工作任务, 十大改革举措, 4大基础库: "N大" + noun counts N things (unit 个). Large N is
  // a party congress (二十大, 十九大), and 大会/大学 are words.
  if (rest.startsWith('大') && Number.isInteger(value) && value >= 2 && value <= 12 && CJK.test(rest[1] ?? '') && !/^大(会|学|型|量|幅|力|户|于|多|约|概|幅|批|部分|小|中)/.test(rest)) {
    return { unit: '个', len: 1, counts: true };
  }
  // 8省17市: a small Arabic number directly before a region noun.
  if (!chinese && /^\d{1,3}$/.test(raw) && !HOTLINES.has(raw) && REGION_COUNTER.test(rest)) {
    return { unit: '个', len: 1, counts: true, noun: rest[0] ?? '' };
  }
  return null;
}

/** The rest of a list of plain numbers after a number: 、76.71、80.13 (then the unit). */
const NUMBER_LIST_REST = /^(?:[、和及][0-9]+(?:\.[0-9]+)?)+/;

/** The unit written right after the last number of the list that continues at `at`, if any. */
function sharedListUnit(text: string, at: number): ReturnType<typeof matchUnit> {
  const rest = NUMBER_LIST_REST.exec(text.slice(at, at + 60));
  if (!rest) return null;
  const last = /[0-9.]+$/.exec(rest[0])?.[0] ?? '';
  return matchUnit(text, at + rest[0].length, Number(last), last, false);
}

/**
 * The qualifier word ending `before`, if any. The longest word wins: 不超过 (LTE) over 超过
 * (GTE), 不少于 (GTE) over 少于 (LTE).
 */
function prefixQualifier(before: string): { len: number; q: Qualifier } | null {
  let best: { len: number; q: Qualifier } | null = null;
  for (const p of PREFIX_QUALIFIERS) {
    const m = p.re.exec(before);
    if (m && (!best || m[0].length > best.len)) best = { len: m[0].length, q: p.q };
  }
  return best;
}

/** The characters before an Arabic numeral that make it part of something else (dates, ids, codes). */
const ARABIC_GLUE_BEFORE = /([0-9０-９A-Za-z_#]|[0-9０-９A-Za-z][.．,:：/\-—–·~～])$/;
/** Ordinals and distributives: 第3名, 前两批, 每10万人 — not quantities. 目前/当前/提前… are words, not 前. */
const ORDINAL_BEFORE = /(第|(?<![目当此之提以年日眼])前|每|其)$/;

/**
 * Step 1: every number with a unit in text[from, to), in order, plus the unit-less integers
 * that step 2 may still read as counts after a known metric name.
 */
function scanNumbers(text: string, from: number, to: number): { hits: NumberHit[]; bare: BareNumber[] } {
  const quoted = new Uint8Array(to - from);
  for (const [a, b] of quotedRanges(text, from, to)) quoted.fill(1, a + 1 - from, b - 1 - from);
  const inQuote = (i: number) => quoted[i - from] === 1;
  const hits: NumberHit[] = [];
  const bare: BareNumber[] = [];
  const slice = text.slice(from, to);
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(slice); m; m = NUMBER_RE.exec(slice)) {
    const raw = m[0];
    const start = from + m.index;
    const chinese = !/[0-9０-９]/.test(raw[0] ?? '');
    if (inQuote(start)) continue;
    const before = text.slice(Math.max(from, start - 6), start);
    // Rule: an Arabic number glued to other digits, letters or separators is part of a date,
    // an id or a code: 2024-01-31, 4305000002/2024-04926, 0739-5323212, 42:18, 5G.
    if (!chinese && ARABIC_GLUE_BEFORE.test(before)) continue;
    // Rule: a Chinese numeral right after another numeral character is a fragment (万一, 十一五).
    if (chinese && CN_NUM_CHAR.test(before.slice(-1))) continue;
    // Rule: a lone 一 is idiomatic far more often than a count (一件事一次办, 一站式, 一起).
    if (chinese && raw === '一') continue;
    // Rule: ordinals, ranks and batch labels are not quantities: 第二批, 第193期, 前两批, 每万人.
    if (ORDINAL_BEFORE.test(before)) continue;
    // Rule: vague Chinese magnitudes are not stated quantities: 数十个, 几十家, 上百家, 成千上万.
    if (chinese && /[数几上成若]$/.test(before)) continue;

    // The numeral may carry multipliers and approximation markers: 565万余件, 27余万件, 三十余次.
    const tailRe = chinese ? /^[余多]?[万亿]?[余多]?/ : /^[余多]?[百千]?[万亿]{0,2}[余多]?/;
    const numberEnd = start + raw.length;
    // Web copies sometimes put a space after the number, before its multiplier: 价值 8000 多万元.
    const spacedTail = !chinese && /[ \u3000\u00a0]/.test(text[numberEnd] ?? '') && /^[余多百千万亿]/.test(text[numberEnd + 1] ?? '');
    const coreEnd = spacedTail ? numberEnd + 1 : numberEnd;
    const tail = tailRe.exec(text.slice(coreEnd, coreEnd + 5))?.[0] ?? '';
    let found: { q: { value: number; approximate: boolean }; unit: NonNullable<ReturnType<typeof matchUnit>>; at: number } | null = null;
    // Rule (shared unit): 满意度分别为73.56、76.71、80.13分, 压减55、50个工作日 — the numbers of a
    // list take the unit written once, after the last of them.
    const listUnit = !chinese && tail === '' ? sharedListUnit(text, coreEnd) : null;
    if (listUnit) {
      const q = parseQuantity(raw);
      if (q) found = { q, unit: { ...listUnit, len: 0 }, at: coreEnd };
    }
    for (let k = tail.length; k >= 0 && !found; k--) {
      const q = parseQuantity(raw + tail.slice(0, k));
      if (!q) continue;
      const unit = matchUnit(text, coreEnd + k, q.value, raw, chinese);
      if (unit) found = { q, unit, at: coreEnd + k };
      // Web copies sometimes put a space between number and unit: 审议地方性法规 11 件.
      else if (!chinese && /[ \u3000\u00a0]/.test(text[coreEnd + k] ?? '')) {
        const spaced = matchUnit(text, coreEnd + k + 1, q.value, raw, chinese);
        if (spaced) found = { q, unit: spaced, at: coreEnd + k + 1 };
      }
    }
    if (!found) {
      // An integer with no unit, ending where words resume or the clause ends, may still be a
      // count after a known metric name (办理人大代表建议141政协提案275); step 2 decides.
      const next = text[coreEnd] ?? '';
      if (!chinese && tail === '' && /^\d+$/.test(raw) && !HOTLINES.has(raw) && (next === '' || CJK.test(next) || DELIM.test(next)) && !/[年月日号时分秒点期届批级版类]/.test(next)) {
        bare.push({ start, end: coreEnd, value: Number(raw) });
      }
      continue;
    }
    const { q, unit } = found;
    const unitEnd = found.at + unit.len;
    const after = text.slice(unitEnd, unitEnd + 10);

    // Rule: party congresses and plenums are ordinals, not counts: 市委八届二次全会, 第八次党代会,
    // 六次全会精神.
    // 市委五届三次、四次、五次全会: every ordinal of the list before 全会.
    if (unit.unit === '次' && (/^([、,，和及]?[一二三四五六七八九十]+次)*(全会|全体会议|党代会|代表大会|会议精神)/.test(text.slice(unitEnd, unitEnd + 40)) || /届$/.test(before))) continue;

    // Rule: the report's own outline is no quantity: 现将有关情况从四个方面汇报如下, 报告分为四个部分.
    if (/^(个)?(方面|部分)/.test(text.slice(found.at, found.at + 4)) && /^[^。]{0,10}(如下|报告如下|汇报如下)/.test(text.slice(unitEnd, unitEnd + 14))) continue;
    // Rule: a rank is no count: 城市信用监测居全国261个地级市19名.
    if (unit.unit === '名' && /(居|位居|位列|排名|排|列)(全国|全省|全市)[^，,。；;]{0,16}$/.test(text.slice(Math.max(from, start - 24), start))) continue;

    // Rule: a number of digits is no count: 实现两位数增长.
    if (unit.unit === '位' && /^数/.test(text.slice(unitEnd, unitEnd + 1))) continue;
    // Rule: a clock time is no quantity: 2023年03月30日 09时24分.
    if (unit.unit === '分' && /\d\s*[时点]$/.test(before)) continue;
    // Rule: the four leading bodies are a name, not a count: 县四大家领导, 四套班子.
    if (chinese && /^(大家|大班子|套班子)/.test(text.slice(coreEnd, coreEnd + 3))) continue;

    // Rule: a phase in brackets is a name, not a count: 新视通(二期)项目.
    if (unit.unit === '期' && /[(（]$/.test(before) && /^[)）]/.test(after)) continue;

    // Rule: the field of a ranking is no quantity of the region's: 在全国100个城市…第三, 名列全国31个
    // 省(区、市)之首.
    if (/(全国|全省|全市)$/.test(before) && /^[^，,。；;]{0,24}?(第[一二三四五六七八九十\d]+(名|位)?|之首|首位|前列|前[一二三四五六七八九十\d]+(名|位)?|\d+名)(?![批期届次])/.test(text.slice(unitEnd, unitEnd + 32))) continue;

    // Rule: a Chinese-numeral count followed by a slogan word is a named concept:
    // 行政执法三项制度, 四张清单, 两个维护, 中央八项规定精神.
    if (chinese && SLOGAN_TAIL.test(after)) continue;

    let qualifier: Qualifier = q.approximate ? 'APPROX' : 'EQ';
    let end = unitEnd;
    // Rule: 以上/以下/以内/左右 after the unit qualify it — 调处成功率97%以上 → GTE 97.
    for (const s of SUFFIX_QUALIFIERS) {
      const sm = s.re.exec(after);
      if (sm) {
        qualifier = s.q;
        end = unitEnd + sm[0].length;
        break;
      }
    }
    // Rule: a threshold is not a result — 一次死亡3人以上的事故, 500万元以下的项目, 千人以上饮用水
    // 水源地: 以上/以下 followed by words rather than the end of the clause.
    if (end > unitEnd && /^(以上|以下)/.test(after) && (text[end] === '的' || (CJK.test(text[end] ?? '') && !/[并且和,，]/.test(text[end] ?? '')))) continue;

    // Rule: 约/近/超过/不低于/不超过 before the number qualify it — 优惠金额约280万元 → APPROX.
    let prefixStart = start;
    // …and before it, after its qualifier: 检控过往旅客近 500 万人.
    const spacedBefore = !chinese && /[ \u3000\u00a0]$/.test(before) ? 1 : 0;
    const prefix = prefixQualifier(before.slice(0, before.length - spacedBefore));
    if (prefix) {
      prefixStart = start - prefix.len - spacedBefore;
      // 超过1000余人: "more than" wins over "about".
      if (qualifier === 'EQ' || prefix.q !== 'APPROX') qualifier = prefix.q;
    }
    const hit: NumberHit = { start, prefixStart, unitEnd, end, value: q.value, unit: unit.unit, counts: unit.counts, qualifier, chinese };
    if (unit.noun) hit.noun = unit.noun;
    hits.push(hit);
    NUMBER_RE.lastIndex = unitEnd - from;
  }
  // Rule: percentages in words — 合格率达到百分之百, 百分之九十五以上.
  for (const m of slice.matchAll(/百分之(百|[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)/g)) {
    const start = from + m.index;
    const value = parseChinesePercent(m[0]);
    if (value === null || inQuote(start)) continue;
    const unitEnd = start + m[0].length;
    const suffix = SUFFIX_QUALIFIERS.find((q) => q.re.test(text.slice(unitEnd, unitEnd + 2)));
    const end = suffix ? unitEnd + 2 : unitEnd;
    const prefix = prefixQualifier(text.slice(Math.max(from, start - 6), start));
    const qualifier: Qualifier = suffix?.q ?? prefix?.q ?? 'EQ';
    hits.push({ start, prefixStart: start - (prefix?.len ?? 0), unitEnd, end, value, unit: '%', counts: false, qualifier, chinese: false });
  }
  hits.sort((a, b) => a.start - b.start);
  // Rule: a Chinese-numeral count followed in the same clause by an Arabic count describes the
  // categories of that count, it is not one itself: 调处六类突出矛盾纠纷68起, 四张清单1857项.
  const kept = hits.filter((h, i) => {
    if (!h.chinese) return true;
    const next = hits[i + 1];
    return !(next && !next.chinese && !DELIM.test(text.slice(h.end, next.prefixStart)));
  });
  return { hits: kept, bare };
}

// ---------------------------------------------------------------------------------------------
// Step 2: clause geometry and names
// ---------------------------------------------------------------------------------------------

const QUOTE_PAIRS: Record<string, string> = { '”': '“', '》': '《', '」': '「', '』': '『', '’': '‘' };
/** Longest name kept, in characters. */
const MAX_NAME = 20;
/** How far back a clause is looked for: names are short, and this keeps long unpunctuated text linear. */
const MAX_CLAUSE = 160;

/**
 * Start of the clause holding `pos`: just after the nearest delimiter before it. Quoted words
 * are opaque (“坐窗口、走流程”活动 is one word), and a short parenthesised aside with no digits is
 * part of the words (村(社区), 县(市)区, 跨域(省)通办); a long one ends the clause. With
 * `listSep` false, 、 does not end the clause (办结率、见面率、满意率均为100%).
 */
function clauseStart(text: string, sentenceStart: number, pos: number, listSep: boolean): number {
  const from = Math.max(sentenceStart, pos - MAX_CLAUSE);
  let i = pos - 1;
  while (i >= from) {
    const c = text[i] ?? '';
    const opener = QUOTE_PAIRS[c];
    if (opener) {
      const open = text.lastIndexOf(opener, i - 1);
      if (open >= from && i - open <= 80) {
        i = open - 1;
        continue;
      }
    }
    if (c === ')' || c === '）') {
      const open = Math.max(text.lastIndexOf('(', i), text.lastIndexOf('（', i));
      if (open >= from && i - open <= 12 && !/[0-9,，]/.test(text.slice(open + 1, i))) {
        i = open - 1;
        continue;
      }
      return i + 1;
    }
    if (c === '(' || c === '（') return i + 1;
    if (DELIM.test(c) && (listSep || c !== '、')) return i + 1;
    i--;
  }
  return from;
}

/**
 * End of the noun phrase counted after a unit, or `at` when the unit is not followed by words:
 * 54家单位出台… → 单位 (then, as 单位 alone says little, 单位出台年度“谁执法谁普法”责任清单);
 * 15万余名国家工作人员完成… → 国家工作人员; 304个高频事项“跨省通办” → 高频事项“跨省通办”.
 * Never cuts inside quotes, never runs past a delimiter, a digit or the next number.
 */
function postPhraseEnd(text: string, at: number, limit: number): number {
  if (!(CJK.test(text[at] ?? '') || /[“《]/.test(text[at] ?? ''))) return at;
  if (POST_NOT_NOUN.test(text.slice(at, at + 4))) return at;
  const scan = (begin: number, maxLen: number, verbsStop: boolean): { end: number; byVerb: boolean } => {
    let j = begin;
    let quoteOpen = -1;
    let paren = 0;
    let parenOpen = -1;
    while (j < limit && j - begin < maxLen) {
      const c = text[j] ?? '';
      if (quoteOpen >= 0) {
        if (c === '”' || c === '》') quoteOpen = -1;
        j++;
        continue;
      }
      if (c === '“' || c === '《') quoteOpen = j;
      else if (c === '(' || c === '（') {
        if (paren === 0) parenOpen = j;
        paren++;
      }
      else if (c === ')' || c === '）') {
        if (paren === 0) break;
        paren--;
      } else if (paren === 0) {
        if (DELIM.test(c) || /[0-9０-９]/.test(c)) break;
        const rest = text.slice(j, j + 4);
        POST_STOP_WORD.lastIndex = j;
        if (j > at && POST_STOP_WORD.test(text)) break;
        if (verbsStop && j - at >= 2 && POST_STOP_VERB.test(rest)) return { end: j, byVerb: true };
      }
      j++;
    }
    // Stopped inside quotes or brackets by the length limit: end before them.
    if (quoteOpen >= 0) return { end: quoteOpen > begin ? quoteOpen : begin, byVerb: false };
    if (paren > 0) return { end: parenOpen > begin ? parenOpen : begin, byVerb: false };
    return { end: j, byVerb: false };
  };
  const first = scan(at, 14, true);
  // A bare classifier noun (单位, 部门, 事项) says little: keep the verb phrase after it.
  if (first.byVerb && tidy(text.slice(at, first.end)).length <= 2 && POST_VERB_PHRASE.test(text.slice(first.end, first.end + 2))) {
    return scan(first.end, 18, false).end;
  }
  return first.end;
}

/** Removes quote and title marks and spaces from a name: “揭榜”改革任务 → 揭榜改革任务. */
function tidy(s: string): string {
  return s.replace(/[“”‘’"'「」『』《》〈〉、\s]/g, '');
}

/** A cleaned name with where its words are in the text. */
interface NameWords {
  name: string;
  start: number;
  end: number;
}

/** Strips linking words repeatedly from the end of a string: 达到 → '', 出庭应诉率达 → 出庭应诉率. */
function stripTrailing(s: string): string {
  let t = s;
  for (let m = LEVEL_VERB.exec(t) ?? TRAILING_FILLER.exec(t); m && m[0].length > 0; m = LEVEL_VERB.exec(t) ?? TRAILING_FILLER.exec(t)) {
    t = t.slice(0, t.length - m[0].length);
  }
  return t;
}

/**
 * Cleans the words between `from` and `to` into a name: restarts after clause-internal fillers
 * and after any number (全县实体大厅共办理政务服务事项 → 办理政务服务事项; 2022年收到… → 收到…),
 * drops what links the words to the number (达到, 为, 共, 下降至) and what merely frames them
 * (全市, 累计, 开展). A leading light verb is kept when nothing else is left (审结579件 → 审结)
 * unless `allowEmpty` (the counted noun after the unit will name the metric).
 */
function cleanPre(text: string, from: number, to: number, allowEmpty: boolean, keepExamples = false): NameWords {
  let s = from;
  let e = to;
  const seg = () => text.slice(s, e);
  let last = -1;
  for (const m of seg().matchAll(NAME_RESTART)) {
    if (stripTrailing(tidy(seg().slice(m.index + m[0].length))).length > 0) last = m.index + m[0].length;
  }
  const digit = /[0-9０-９]+\s*(?:年度|年底|年末|年|月|日|号)?(?:以来)?(?=[^0-9０-９]*$)/.exec(seg());
  if (digit) last = Math.max(last, digit.index + digit[0].length);
  if (last > 0) s += last;
  for (let changed = true; changed && e > s; ) {
    changed = false;
    const t = /\s+$/.exec(seg()) ?? LEVEL_VERB.exec(seg()) ?? TRAILING_FILLER.exec(seg());
    if (t && t[0].length > 0) {
      e -= t[0].length;
      changed = true;
    }
  }
  for (let changed = true; changed && e > s; ) {
    changed = false;
    const m = LEADING_FILLER.exec(seg());
    if (m && m[0].length > 0 && (allowEmpty || /^\s+$/.test(m[0]) || tidy(text.slice(s + m[0].length, e)).length >= 2)) {
      s += m[0].length;
      changed = true;
    }
  }
  // An enumeration ending in 等 (城关镇等3个镇) is examples, not the name — unless no counted noun
  // follows to name the number (召开常务会议、专题会议等5次): then the examples are the name. A
  // lone conjunction (…98.5%和96%) is no name either.
  if (/等$/.test(seg())) {
    if (keepExamples && tidy(text.slice(s, e - 1)).length >= 2) e -= 1;
    else s = e;
  }
  if (/^(和|及|与|以及|或)$/.test(tidy(seg()))) s = e;
  return { name: tidy(seg()), start: s, end: e };
}

/**
 * Final touch on a name: drops the adverb 已 inside it (一审行政诉讼案件已审结 → 一审行政诉讼案件审结)
 * and keeps a long name to its last MAX_NAME characters, the words nearest the number.
 */
function shorten(name: string): string {
  const plain = name.replace(/已(?![有经知])/g, '') || name;
  return plain.length > MAX_NAME ? plain.slice(plain.length - MAX_NAME) : plain;
}

/** Synonyms of every entry, longest first, quote-free. */
type SynonymIndex = Array<{ entry: MetricEntry; surface: string }>;

function synonymIndex(metrics: readonly MetricEntry[]): SynonymIndex {
  const list: SynonymIndex = [];
  for (const entry of metrics) {
    for (const s of new Set([entry.name, ...entry.synonyms])) {
      const surface = tidy(s);
      if (surface.length >= 2) list.push({ entry, surface });
    }
  }
  return list.sort((a, b) => b.surface.length - a.surface.length);
}

/**
 * Finds a taxonomy synonym ending the words before the number, with only linking words
 * between it and the number: 出庭应诉率达到95%以上, 出庭应诉达100%, 受理法律援助案件共3721件.
 * The entry's unit must agree with the mention's when the entry names one. With `strict`, the
 * synonym must touch the number (for numbers written without a unit).
 */
function matchTaxonomy(text: string, from: number, to: number, unit: string | null, index: SynonymIndex, strict = false): { entry: MetricEntry; start: number } | null {
  const chars: string[] = [];
  const offsets: number[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i] ?? '';
    if (/[“”‘’"'「」『』《》\s]/.test(c)) continue;
    chars.push(c);
    offsets.push(i);
  }
  const view = chars.join('');
  for (const { entry, surface } of index) {
    if (unit !== null && entry.unit !== null && entry.unit !== unit) continue;
    if (strict && entry.unit === null) continue;
    const at = view.lastIndexOf(surface);
    if (at < 0) continue;
    const rest = view.slice(at + surface.length);
    if ((strict ? rest : stripTrailing(rest)) !== '') continue;
    return { entry, start: offsets[at] ?? from };
  }
  return null;
}

const INDEX_CACHE = new WeakMap<readonly MetricEntry[], SynonymIndex>();

/** The synonym index of a taxonomy, built once per taxonomy array (extraction runs per sentence). */
function cachedIndex(metrics: readonly MetricEntry[]): SynonymIndex {
  let index = INDEX_CACHE.get(metrics);
  if (!index) {
    index = synonymIndex(metrics);
    INDEX_CACHE.set(metrics, index);
  }
  return index;
}

/** Canonical name of a subject (for changes): 行政案件败诉率 → 行政诉讼败诉率 when the taxonomy knows it. */
function canonicalSubject(subject: string, index: SynonymIndex): string {
  for (const { entry, surface } of index) {
    if (subject.endsWith(surface)) return entry.name;
  }
  return subject;
}

/** Splits a list of names at 、/和/及/与 (办结率、见面率、满意率 → three). */
function splitItems(text: string, from: number, to: number): NameWords[] {
  const bounds: Array<[number, number]> = [];
  let s = from;
  for (const m of text.slice(from, to).matchAll(/、|以及|和|及|与/g)) {
    bounds.push([s, from + m.index]);
    s = from + m.index + m[0].length;
  }
  bounds.push([s, to]);
  return bounds.map(([a, b]) => cleanPre(text, a, b, false)).filter((it) => it.name.length > 0);
}

// ---------------------------------------------------------------------------------------------
// Step 3: the extractor
// ---------------------------------------------------------------------------------------------

/** 办结率、见面率、满意率均为100%: one number for every listed name. */
/** Between the two bounds of a range: 95%-98%, 3至5名, 10~15天. */
const RANGE_SEP = /^\s*(-|—|–|~|～|至|到)\s*$/;
/** A unit-less lower bound right before a number: 3至 (5名). */
const BARE_LOWER = /(?<![\d.])(\d+(?:\.\d+)?)\s*(-|—|–|~|～|至|到)\s*$/;

const LIST_ALL = /(均为|均达到|均达|均是|都是|都为|都达到|均保持在|均在|(?<!平)均)$/;
/** 事故数、亡人数分别下降43.8%、47.9%: the n-th number for the n-th name. */
const LIST_RESPECTIVELY = /分别(为|是|达到|达|占|(增长|增加|提高|提升|上升|下降|降低|减少|压减|压缩|缩短|缩减)了?)?$/;
/** Linking words between a change verb and its number: 降幅达42%, 增长了5%. */
const CHANGE_LINK = /(达到|达|为|了|约|近)$/;

/**
 * Extracts the metrics stated in one sentence of `text`.
 *
 * @param text     the whole (normalised) report text; spans are absolute offsets into it
 * @param sentence the sentence to read, as offsets into `text`
 * @param metrics  the metric taxonomy (canonical names, synonyms, units)
 */
/**
 * A minimum set as a rule for every period (每季度集体学法不少于1次, 每年至少开展2次) is a
 * requirement, not a result the report states, so it is no metric.
 */
function isRequirement(text: string, sentenceStart: number, hit: NumberHit): boolean {
  if (!/(不少于|不低于|至少)$/.test(text.slice(hit.prefixStart, hit.start))) return false;
  const before = text.slice(Math.max(sentenceStart, hit.prefixStart - 20), hit.prefixStart);
  const clause = before.slice(Math.max(...[...'，,；;。'].map((c) => before.lastIndexOf(c))) + 1);
  return /每(年|年度|半年|季度|季|月|周|次)/.test(clause);
}

/** Names of a web page's visit counters. */
const PAGE_COUNTER = /^(点击|浏览|访问|阅读)(量|数|次数|人次)?$/;

export function extractMetrics(text: string, sentence: { start: number; end: number }, metrics: MetricEntry[]): MetricMention[] {
  const from = Math.max(0, sentence.start);
  const to = Math.min(text.length, sentence.end);
  if (to <= from) return [];
  const index = cachedIndex(metrics);
  const { hits, bare } = scanNumbers(text, from, to);
  const out: MetricMention[] = [];
  /** Name of the last level metric in the sentence, inherited by a bare change (同比增长14.75%). */
  let lastSubject = '';
  /** Where the words of the previous number (its unit, qualifier or counted noun) end. */
  let prevEnd = from;

  const emit = (hit: NumberHit, name: string, start: number, end: number, change: boolean) => {
    if (isRequirement(text, from, hit)) return;
    // 点击 54 次, 浏览:5072次: the page's visit counter, not a fact of the report.
    if (PAGE_COUNTER.test(shorten(name))) return;
    const span = { start: Math.min(start, hit.prefixStart), end: Math.max(end, hit.end) };
    // A range is two observations: at least the lower bound, at most the upper one.
    if (hit.rangeLower !== undefined) out.push({ name: shorten(name), value: hit.rangeLower, unit: hit.unit, qualifier: 'GTE', span, change });
    out.push({ name: shorten(name), value: hit.value, unit: hit.unit, qualifier: hit.rangeLower !== undefined ? 'LTE' : hit.qualifier, span, change });
  };

  for (let i = 0; i < hits.length; i++) {
    let hit = hits[i];
    if (!hit) continue;
    // Rule (range): 群众满意度达到95%-98% / 配备执法人员3至5名 → the pair is one quantity with a
    // lower and an upper bound, named by the words before the lower one.
    const next = hits[i + 1];
    if (next && next.unit === hit.unit && hit.qualifier === 'EQ' && RANGE_SEP.test(text.slice(hit.end, next.prefixStart))) {
      hits[i + 1] = { ...next, start: hit.start, prefixStart: hit.prefixStart, rangeLower: hit.value };
      continue;
    }
    const bareLower = BARE_LOWER.exec(text.slice(Math.max(from, hit.prefixStart - 12), hit.prefixStart));
    if (bareLower && !hit.chinese) {
      const lowerStart = hit.prefixStart - bareLower[0].length;
      hit = { ...hit, start: lowerStart, prefixStart: lowerStart, rangeLower: Number(bareLower[1]) };
      const lowerEnd = lowerStart + (bareLower[1]?.length ?? 0);
      for (let b = bare.length - 1; b >= 0; b--) if (bare[b]?.start === lowerStart && bare[b]?.end === lowerEnd) bare.splice(b, 1);
    }
    const cStart = clauseStart(text, from, hit.prefixStart, true);
    const listStart = Math.max(clauseStart(text, from, hit.prefixStart, false), prevEnd);
    const preFrom = Math.max(cStart, prevEnd);
    const afterPrev = prevEnd > cStart; // another number of this clause comes just before
    const preRaw = text.slice(preFrom, hit.prefixStart).trimEnd();
    const preEnd = preFrom + preRaw.length;

    // Rule (list, all): 办结率、见面率、满意率均为100% / 报备率、审通率均为100% → one mention
    // per name, each spanning from its name to the number.
    const all = LIST_ALL.exec(preRaw);
    if (all && !afterPrev) {
      const items = splitItems(text, listStart, preEnd - all[0].length);
      if (items.length >= 2) {
        for (const it of items) {
          const tax = matchTaxonomy(text, it.start, it.end, hit.unit, index);
          emit(hit, tax ? tax.entry.name : it.name, it.start, hit.end, false);
        }
        lastSubject = items[items.length - 1]?.name ?? lastSubject;
        prevEnd = hit.end;
        continue;
      }
    }

    // Rule (list, respectively): 生产安全事故数、亡人数分别下降43.8%、47.9% → the n-th number
    // for the n-th name; with a change verb the names end in 增长/下降.
    const resp = LIST_RESPECTIVELY.exec(preRaw);
    if (resp && !afterPrev) {
      const group: NumberHit[] = [hit];
      for (let k = i + 1; k < hits.length; k++) {
        const h = hits[k];
        const last = group[group.length - 1];
        if (!h || !last || !/^\s*(、|和|及|与)\s*$/.test(text.slice(last.end, h.prefixStart))) break;
        group.push(h);
      }
      let items = splitItems(text, listStart, preEnd - resp[0].length);
      // 满意度逐年提高,分别为73.56、76.71、80.13分: a clause of numbers only is named by the one before.
      if (items.length === 0 && listStart > from && /[,，]/.test(text[listStart - 1] ?? '')) {
        items = splitItems(text, clauseStart(text, from, listStart - 1, false), listStart - 1);
      }
      const verb = (resp[2] ?? '').replace(/了$/, '');
      const change = verb !== '';
      const suffix = change ? (CHANGE_UP.test(verb) ? '增长' : '下降') : '';
      // 市县两级…出庭应诉率分别达到98.5%和96%: one name, several numbers — each is an observation.
      if (group.length >= 2 && items.length === 1) while (items.length < group.length) items.push(items[0] as NameWords);
      if (group.length >= 2 && items.length === group.length) {
        group.forEach((h, k) => {
          const it = items[k];
          if (!it) return;
          const tax = change ? null : matchTaxonomy(text, it.start, it.end, h.unit, index);
          emit(h, tax ? tax.entry.name : (change ? canonicalSubject(it.name, index) : it.name) + suffix, it.start, h.end, change);
        });
        i += group.length - 1;
        prevEnd = group[group.length - 1]?.end ?? hit.end;
        continue;
      }
    }

    // Rule (change): 同比增长14.75%, 比2022年度增长2.55%, 较上一年度降低10%, 降幅达42% → a
    // change, named subject + 同比/环比/较年初 + 增长/下降. A change with no subject of its own
    // (同比增长14.75%) takes the sentence's last subject (各项贷款余额). 下降至679户 is a level.
    const core = preRaw.replace(CHANGE_LINK, '');
    const verb = LEVEL_VERB.test(preRaw) || /新增$/.test(core) ? null : CHANGE_VERB.exec(core);
    if (verb) {
      const verbStart = preFrom + core.length - verb[0].length;
      let cmp: RegExpExecArray | null = null;
      const beforeVerb = text.slice(preFrom, verbStart);
      for (const m of beforeVerb.matchAll(new RegExp(COMPARATOR.source, 'g'))) cmp = m;
      const subjectEnd = cmp ? preFrom + cmp.index : verbStart;
      const label = !cmp ? '' : /环比|上期|上月|上季度|上半年/.test(cmp[0]) ? '环比' : /年初/.test(cmp[0]) ? '较年初' : '同比';
      const direction = CHANGE_UP.test(verb[0]) ? '增长' : '下降';
      // 受理量、办结量均同比增长10% → one change per listed subject.
      const both = /(均|都)\s*$/.exec(text.slice(listStart, subjectEnd));
      const listed = both && !afterPrev ? splitItems(text, listStart, subjectEnd - both[0].length) : [];
      if (listed.length >= 2) {
        for (const it of listed) emit(hit, canonicalSubject(it.name, index) + label + direction, it.start, hit.end, true);
        prevEnd = hit.end;
        continue;
      }
      const words = cleanPre(text, preFrom, subjectEnd, false);
      const subject = words.name ? canonicalSubject(words.name, index) : lastSubject;
      if (subject) {
        emit(hit, subject + label + direction, words.name ? words.start : subjectEnd, hit.end, true);
        lastSubject = subject;
      }
      prevEnd = hit.end;
      continue;
    }

    // The noun counted after the unit: 54家单位, 15万余名国家工作人员, 城关镇等3个镇.
    const nextStart = hits[i + 1]?.prefixStart ?? to;
    const postEnd = hit.counts && hit.end === hit.unitEnd ? postPhraseEnd(text, hit.end, Math.min(to, nextStart)) : hit.end;
    const post = tidy(text.slice(hit.end, postEnd)).replace(/^的|的$/g, '');

    // Rule (taxonomy): a synonym right before the number names a known metric —
    // 经法院通知行政机关负责人出庭应诉率达100%, 出庭应诉达100%, 好评率99.99%.
    const tax = matchTaxonomy(text, preFrom, hit.prefixStart, hit.unit, index);
    if (tax) {
      const words = cleanPre(text, preFrom, hit.prefixStart, false);
      emit(hit, tax.entry.name, Math.min(tax.start, words.start), hit.end, false);
      lastSubject = tax.entry.name;
      prevEnd = hit.end;
      continue;
    }

    // Rule (descriptive name): the words before the number plus the noun counted after it —
    // 受理行政复议682件 → 受理行政复议, 市直33个部门 → 市直部门, 设置110个行政执法监督联系点 →
    // 设置行政执法监督联系点. Words before that only follow another number of the clause, or
    // list members (城步、新宁、北塔3个县), give way to the counted noun.
    const listed = text[preFrom - 1] === '、' || /(和|及|与|以及)$/.test(preRaw);
    let pre: NameWords;
    if (post.length > 0) {
      pre = afterPrev || listed ? { name: '', start: hit.prefixStart, end: hit.prefixStart } : cleanPre(text, preFrom, hit.prefixStart, true);
    } else if (listStart < preFrom && text[preFrom - 1] === '、') {
      // Rule (shared number): 市本级统一登记、编号、发布40件 → one name for the joined list.
      const joint = cleanPre(text, listStart, hit.prefixStart, false, true);
      pre = joint.name.length <= MAX_NAME ? joint : cleanPre(text, preFrom, hit.prefixStart, false, true);
    } else {
      pre = cleanPre(text, preFrom, hit.prefixStart, false, true);
    }
    // Long names keep the words nearest the number on each side.
    const postPart = post.slice(0, MAX_NAME);
    let name = pre.name.slice(Math.max(0, pre.name.length - (MAX_NAME - postPart.length))) + postPart;
    if (MAX_NAME === postPart.length) name = postPart;
    let start = pre.name ? pre.start : hit.prefixStart;
    if (name.length === 0) name = hit.noun ?? '';
    if (name.length === 0) {
      // Rule (inherit): 从1171户下降至679户 → the second number is the same subject's level.
      if (!lastSubject) {
        prevEnd = hit.end;
        continue;
      }
      name = lastSubject;
      start = hit.prefixStart;
    }
    emit(hit, name, start, post.length > 0 ? postEnd : hit.end, false);
    lastSubject = name;
    // Words running from this unit straight into the next number are also that number's words
    // (33个行政执法领域行政裁量基准2905条, 10类行政权力事项4776项).
    prevEnd = post.length > 0 && postEnd < nextStart ? postEnd : hit.end;
  }

  // Rule (unit omitted): an integer right after a known metric name takes the metric's unit —
  // 办理人大代表建议141政协提案275 → 141件 and 275件.
  let h = 0;
  let lastEnd = from;
  for (const b of bare) {
    while (h < hits.length && (hits[h]?.end ?? Infinity) <= b.start) lastEnd = Math.max(lastEnd, hits[h++]?.end ?? from);
    const before = lastEnd;
    lastEnd = Math.max(lastEnd, b.end);
    const tax = matchTaxonomy(text, Math.max(before, clauseStart(text, from, b.start, true)), b.start, null, index, true);
    if (!tax || tax.entry.unit === null) continue;
    out.push({ name: tax.entry.name, value: b.value, unit: tax.entry.unit, qualifier: 'EQ', span: { start: tax.start, end: b.end }, change: false });
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
