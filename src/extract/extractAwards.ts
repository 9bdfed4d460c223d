import type { RegionLevel, Span } from '../model/facts.js';
import { overlaps, stripQuotes } from './matchTerms.js';

export interface AwardMention {
  name: string;
  year: number | null;
  span: Span;
  /** A title won before and held (巩固“…示范县”创建成果): holding it is the region's practice too. */
  held?: true;
}

/** Verbs that introduce a recognition: 获评, 荣获, 被评为, 命名为, 授予, 入围, 被确定为, 列入 … */
const AWARD_VERB = /(被评选为|评选为|被采纳为|采纳为|被评为|被命名为|命名为|授牌命名为|获评为|获评|荣获|获得|获批|获|被授予|授予|入围|入选|被确定为|确定为|被列为|列入|被表彰为|评为|被推荐为|推荐为|成功创建为|成功创建|创建成为|考核结果为|考评结果为|评议考核为|考核评定为|评定为|被推选为|推选为|被确认为|确认为|荣膺|荣登|位列|表彰为|增补为|被[^，,。；;:：]{0,8}?作为|被纳入|创成|夺取|夺得|摘得|被认定为|(?<=[省市县区州镇乡])创建为|保留(?=[^，,。；;:：]{2,30}称号)|命名(?=[0-9一二三四五六七八九十]+[个家批]|第|[“‘]))/g;
/**
 * Nouns that make the object a recognition rather than an ordinary thing obtained. Selection as a
 * pilot (入选全省第一批法治化综合改革试点) and a ranking (获评全国百强区) are recognitions too.
 */
const AWARD_NOUN = /(示范|先进|优秀|典型|荣誉|称号|表彰|表扬|候选|奖|标兵|模范|标杆|激励|示范点|联系点|第[一二三]名|突出集体|突出单位|突出个人|突出的(单位|集体|个人)|试点|百强|金牌|星级|A级|最高等级|品牌|十佳|首批|第[一二三四五六七八九十]批|试验区|样板)/;
/**
 * 获评…有影响力法治建设成果, 入选…第七批创新实践案例: a result or a case is an honour only when it is
 * what was rated or selected.
 */
const RATED_RESULT = /(获评|评为|入选|荣获)$/;

/** A further title after a title, with no verb of its own: ,全国青少年普法教育先进集体. */
const NEXT_TITLE = /^[,，、]([^,，。；;:：、]{0,36}?((先进|优秀|突出|模范)[\u4e00-\u9fa5]{0,2}?(集体|单位|个人)|先进[市县区]|示范单位|示范点|示范窗口|示范市|示范县|示范区|示范地区|示范项目|称号|试点县|试点市|试点区|试点单位)(\(市\)|（市）)?)(?=\d+[个项家名次人]|[,，。；;、]|$)/;

/** A national or provincial demonstration title: 全国法治政府建设示范市, 全省…示范县(市). */
const HELD_NAME = String.raw`(?<title>(?:全国|全省|省级|国家级?)[^，,。；;：:“”‘’]{2,24}?示范(?:市|县|区|地区|乡镇|街道|项目)(?:\([市县区]\)|（[市县区]）)?)`;

/**
 * A title whose results a report consolidates, after the consolidating (巩固深化“全国…示范市”创建成果)
 * or before it (“全省法治政府建设示范县”成果持续巩固).
 */
const HELD_TITLES = [
  new RegExp(`(?:巩固|深化|巩固深化|深化巩固|巩固提升|巩固拓展)[“‘]?${HELD_NAME}[”’]?(?:创建)?成果`, 'g'),
  new RegExp(`[“‘]${HELD_NAME}[”’](?:创建)?成果(?:持续|不断|进一步)?(?:巩固|深化|提升|拓展)`, 'g'),
];

/**
 * Recognitions the region or its units received. Example: 2023年8月被省委依法治省办授牌命名为第二批
 * 全省法治政府建设示范市 → 第二批全省法治政府建设示范市. The award is the phrase after the verb up to
 * the clause end, kept when it names a recognition (示范/先进/优秀/典型/候选/奖 …). Its year is the
 * year written in the sentence, else the report's year.
 */
export function extractAwards(text: string, sentence: Span, reportYear: number | null, ownLevel: RegionLevel | null = null): AwardMention[] {
  const s = text.slice(sentence.start, sentence.end);
  const written = s.match(/(20\d\d)\s*年/);
  const year = written ? Number(written[1]) : reportYear;
  const found: AwardMention[] = [];
  for (const m of s.matchAll(AWARD_VERB)) {
    // 《…职责情况列入年终述职内容试点工作实施方案》: words of a document's title win nothing.
    if (s.lastIndexOf('《', m.index ?? 0) > s.lastIndexOf('》', m.index ?? 0)) continue;
    const from = (m.index ?? 0) + m[0].length;
    const rest = s.slice(from);
    const clause = rest.match(/^[^,，。；;:：]{2,40}/)?.[0] ?? '';
    let phrase = titleIn(clause);
    // A title conferred (授予…称号) or a quoted title won (荣获“…”, 获评首批“清风辽宁政务窗口”,
    // 入选全国“枫桥式工作法”单位) is an award whatever its words.
    // Put on a list (列入“2+2”综合服务范围) is no honour by its quotes alone.
    // Named by a higher body (被司法部命名为全国法治宣传教育基地): whatever follows is the title.
    const titled = /称号/.test(clause) || /命名为$/.test(m[0]) || (/[“‘][^”’]{2,}[”’]/.test(phrase) && !/^被?列/.test(m[0]));
    // 获评全省…先进集体、全省…成绩突出集体、…: a list of titles is read one title at a time.
    const firstOfList = /^(.{4,}?(集体|单位|个人|先进[市县区]|示范市|示范县|示范区|示范点|示范地区|示范项目|称号|奖|试点县|试点市|试点区))(\d+[个项家名])?、/.exec(phrase);
    if (firstOfList?.[1]) phrase = firstOfList[1];
    const rated = RATED_RESULT.test(m[0]) && /(成果|案例)$/.test(phrase);
    // 全省市场监管系统法律知识竞赛荣获三等奖: a prize grade is named by the contest before the verb.
    const contestAt = PRIZE.test(phrase) ? contestStart(s, m.index ?? 0) : null;
    if (contestAt !== null) {
      found.push({ name: s.slice(contestAt, from) + phrase, year, span: { start: sentence.start + contestAt, end: sentence.start + from + phrase.length } });
      continue;
    }
    if (phrase.length < 4 || (!AWARD_NOUN.test(phrase) && !titled && !rated)) continue;
    // Put into a plan, report or appraisal system (列入…考核评价体系, 写入…党代会报告): no honour.
    // A grade won in an appraisal is an honour: 获得…考核结果“优秀”等次.
    if (/^到/.test(phrase) || (/(考核|评价体系|报告|规划|要点|计划)/.test(phrase.replace(/[“”]/g, '')) && !/(优秀|等次|先进|A级)/.test(phrase))) continue;
    const offset = s.indexOf(phrase, from);
    if (offset < 0) continue;
    const start = sentence.start + offset;
    found.push({ name: stripQuotes(phrase), year, span: { start, end: start + phrase.length } });
    // 获评全国知识产权保护工作成绩突出集体,全国青少年普法教育先进集体: a second title in the next
    // clause, with no verb of its own, is won by the same verb.
    // 授予…先进单位2个,先进个人2名: the count after each title is not part of it.
    const tail = s.slice(offset + phrase.length).replace(/^\d+[个项家名次人]/, '');
    const skipped = s.length - offset - phrase.length - tail.length;
    // 获评…先进集体、…成绩突出集体、…先进集体: each title of a list, one after the other.
    let at = sentence.start + offset + phrase.length + skipped;
    for (let rest = tail, next = NEXT_TITLE.exec(rest); next?.[1]; next = NEXT_TITLE.exec(rest)) {
      found.push({ name: stripQuotes(next[1]), year, span: { start: at + 1, end: at + 1 + next[1].length } });
      at += 1 + next[1].length;
      rest = rest.slice(1 + next[1].length);
    }
  }
  // 不断巩固“全国法治政府建设示范县”创建成果, “…示范县”成果持续巩固: a title won before and held.
  for (const held of heldTitles(s)) {
    const start = sentence.start + held.at;
    const span = { start, end: start + held.title.length };
    if (!found.some((f) => overlaps(f.span, span))) found.push({ name: held.title, year: reportYear, span, held: true });
  }
  for (const r of extractRecognitions(s, ownLevel)) {
    const start = sentence.start + r.start;
    const end = sentence.start + r.end;
    // 获国务院通报表扬 is already found after its verb; in 获评全省法治建设优秀省辖市,受到省委、
    // 省政府表扬 the praise, with no subject of its own, is the honour found just before it
    // (行政复议工作受到司法部通报表彰 names its own subject). 被…表彰为… is the title after 为.
    if (found.some((f) => overlaps(f.span, { start, end }))) continue;
    const clauseStart = Math.max(...[...',，;；'].map((c) => s.lastIndexOf(c, r.start - 1))) + 1;
    const ownSubject = s.slice(clauseStart, r.start).trim().length > 0;
    if (!ownSubject && found.some((f) => f.span.end <= start && f.span.end >= sentence.start + clauseStart - 2)) continue;
    if (s[r.end] === '为') continue;
    found.push({ name: stripQuotes(s.slice(r.start, r.end)), year, span: { start, end } });
  }
  return found;
}

/** Titles held from before, each with its offset in the sentence. */
function* heldTitles(s: string): Generator<{ at: number; title: string }> {
  for (const re of HELD_TITLES) {
    for (const m of s.matchAll(re)) {
      const title = m.groups?.title ?? '';
      yield { at: (m.index ?? 0) + m[0].indexOf(title), title };
    }
  }
}

/** A prize grade won: 三等奖, 优秀奖, 金奖. */
const PRIZE = /^(特等奖|[一二三]等奖|优秀奖|金奖|银奖|铜奖)$/;

/**
 * Where the contest a prize was won in starts, in the words of the same clause before the verb at
 * `verbAt` (全省…法律知识竞赛, 在全市“宪法杯”演讲比赛中), after the holder and 在; null when those
 * words name no contest.
 */
function contestStart(s: string, verbAt: number): number | null {
  const clauseStart = Math.max(...[...',，;；。:：'].map((c) => s.lastIndexOf(c, verbAt - 1))) + 1;
  const words = s.slice(clauseStart, verbAt);
  if (!/(竞赛|大赛|比赛|评选|评比|展演|演讲|征文|活动)(中|上)?$/.test(words)) return null;
  return clauseStart + (/^.*?在(?=.{4,})/.exec(words)?.[0].length ?? 0);
}

/**
 * The title in the words after an award verb, each cut in turn:
 * - 授予…称号 / 荣誉称号: the title is what precedes 称号; it ends before a following point
 *   (…联系点4个二是加强…);
 * - 为我市成功创建全省第二批法治政府建设示范市做出积极贡献: before the verb that follows;
 * - 荣获全国法治政府建设示范市现将有关情况报告如下 (a stop missing in the source): before the opening;
 * - 授予丽江市全省法治政府建设工作先进单位: without the holder named before it;
 * - 牵头创成全省…示范县”: without a closing quote that has no opening one (a typo of the source);
 * - 作为…综合候选地区之一向中央依法治国办推荐: up to 之一; 命名5个…示范市(县): without the count
 *   before it, nor a count (4个), the holder (…督查激励的地市) or 等 after it.
 */
function titleIn(clause: string): string {
  let title = clause.replace(/(荣誉)?称号.*$/, '').replace(/[一二三四五六七八九十]是.*$/, '').trim();
  title = title.replace(/(做出|作出|提供|奠定|打下|贡献).*$/, '').replace(/现将.*$/, '').replace(/(?<=.{4})报(中央|省委|省政府|司法部|国务院|上级).*$/, '');
  title = title.replace(/^(我(市|县|区|镇|乡|局)|[\u4e00-\u9fa5]{2,8}?(省|市|县|区|镇|乡|街道))(?=(全国|全省|全市|全区|全县|省级|首批|第[一二三四五六七八九十\d]+批))/, '');
  if (!/[“‘]/.test(title)) title = title.replace(/[”’]+$/, '');
  title = title.replace(/(候选[^之]*)之一.*$/, '$1').replace(/^[0-9一二三四五六七八九十]+[个家批]/, '');
  return title.replace(/^(了|为)/, '').replace(/\d+[个项家名次]$/, '').replace(/(?<!突出|先进|优秀)的(地市|城市|单位|地区|县区|县|市|区)$/, '').replace(/等+$/, '');
}

/**
 * Recognitions that are not a title won but praise or promotion from above, each from one
 * clause (no ，。；): 获国务院办公厅通报表扬, 受到省政府通报表彰 (a commendation); 做法全国推介,
 * 经验在全省推广 (an experience a higher level spreads; 全市 promotion is a city's own work but
 * praise for a county, district or town — `ownLevel` —, and 全县 promotion is never counted);
 * 中央依法治国办对我市…典型经验给予肯定, 获省委主要领导批示肯定, 获市政府办公厅肯定; 在全省…工作会上
 * 做典型发言 (invited to present as an example); a grade kept for years (…考核连续4年优秀).
 */
const COMMENDATION = /(受到|获得|得到|获|被)[^，,。；;：:]{0,16}?(通报表扬|通报表彰|通报嘉奖|表彰|表扬|嘉奖)/g;
/** An experience spread by `by`: 做法在全国推广, 举措获司法部推广. */
const promotionBy = (by: string) =>
  new RegExp(`(经验|做法|举措|案例|模式|工作法|机制|清单|成果)[^，,。；;：:]{0,16}?(${by})[^，,。；;：:]{0,6}?(推介|推广|复制推广|交流发言|作典型发言|刊发|转发|采用|采纳|录用)`, 'g');
const PROMOTION = promotionBy('全国|全省|全疆|司法部|国务院|最高法|最高检|最高人民法院|最高人民检察院|省委|省政府|省司法厅|省市|省级');
/** For a county, district or town, the city is above: 做法在全市推广学习 is praise too. */
const PROMOTION_BY_CITY = promotionBy('全市|市委|市政府');
const AFFIRMATION = /(中央|国务院|国家|全国人大|全国政协|最高人民法院|最高人民检察院|司法部|部|省委|省政府|省|依法治国办|依法治省办|领导|总理|国务委员|部长|省长|书记|市委|市政府|办公厅)[^，,。；;：:]{0,30}?((给予|予以)(充分|高度)?肯定|(充分|高度)肯定|批示肯定|肯定性批示|(?<=^|[^否])肯定(?=$|[并和及，,。；;]))/g;
/** A grade kept for years, written without a verb of winning: …绩效考核连续4年优秀. */
const GRADE_RUN = /[^，,。；;：:、]{2,30}?(考核|考评)(结果)?(已)?连续[0-9一二三四五六七八九十]+年(被评为|获评|评为|获得|为|均为|保持)?[“‘]?(优秀|A级)(等次|等级)?[”’]?/g;
const PRESENTATION = /(作|做)了?(先进)?(典型|经验)(发言|交流|介绍)|作为(先进)?典型(作|做)了?(发言|交流|介绍)|(记|荣立)(个人|集体)?[一二三]等功/g;

function extractRecognitions(sentence: string, ownLevel: RegionLevel | null): Span[] {
  const out: Span[] = [];
  const belowCity = ownLevel === 'COUNTY' || ownLevel === 'DISTRICT' || ownLevel === 'TOWN';
  for (const re of [COMMENDATION, PROMOTION, ...(belowCity ? [PROMOTION_BY_CITY] : []), AFFIRMATION, PRESENTATION, GRADE_RUN]) {
    for (const m of sentence.matchAll(re)) {
      const start = m.index ?? 0;
      const span = { start, end: start + m[0].length };
      // A plan to seek praise (争取…推广) is not one received.
      if (/(争取|力争|努力|推动|打造)/.test(sentence.slice(Math.max(0, start - 6), start))) continue;
      if (!out.some((o) => overlaps(o, span))) out.push(span);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
