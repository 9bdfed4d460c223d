import type { Span } from '../model/facts.js';
import { stripQuotes } from './matchTerms.js';

export interface AwardMention {
  name: string;
  year: number | null;
  span: Span;
}

/** Verbs that introduce a recognition: 获评, 荣获, 被评为, 命名为, 授予, 入围, 被确定为, 列入 … */
const AWARD_VERB = /(被评为|被命名为|命名为|授牌命名为|获评为|获评|荣获|获得|获|被授予|授予|入围|入选|被确定为|确定为|被列为|列入|被表彰为|评为|被推荐为|推荐为)/g;
/** Nouns that make the object a recognition rather than an ordinary thing obtained. */
const AWARD_NOUN = /(示范|先进|优秀|典型|荣誉|称号|表彰|表扬|候选|奖|标兵|模范|标杆|激励|示范点|联系点)/;

/**
 * Recognitions the region or its units received. Example: 2023年8月被省委依法治省办授牌命名为第二批
 * 全省法治政府建设示范市 → 第二批全省法治政府建设示范市. The award is the phrase after the verb up to
 * the clause end, kept when it names a recognition (示范/先进/优秀/典型/候选/奖 …). Its year is the
 * year written in the sentence, else the report's year.
 */
export function extractAwards(text: string, sentence: Span, reportYear: number | null): AwardMention[] {
  const s = text.slice(sentence.start, sentence.end);
  const found: AwardMention[] = [];
  for (const m of s.matchAll(AWARD_VERB)) {
    const from = (m.index ?? 0) + m[0].length;
    const rest = s.slice(from);
    const clause = rest.match(/^[^,，。；;:：]{2,40}/)?.[0] ?? '';
    // 授予…称号 / 荣誉称号: the title is what precedes 称号.
    // The title ends before a following point (…联系点4个二是加强…), a count (4个) or the
    // holder (…督查激励的地市).
    let phrase = clause.replace(/(荣誉)?称号.*$/, '').replace(/[一二三四五六七八九十]是.*$/, '').trim();
    phrase = phrase.replace(/^(了|为)/, '').replace(/\d+[个项家名次]$/, '').replace(/的(地市|城市|单位|地区|县区|县|市|区)$/, '').replace(/等+$/, '');
    // A title conferred (授予…称号) or a quoted title won (荣获“…”) is an award whatever its words.
    const titled = /称号/.test(clause) || /^[“‘]/.test(phrase);
    if (phrase.length < 4 || (!AWARD_NOUN.test(phrase) && !titled)) continue;
    // Put into a plan, report or appraisal system (列入…考核评价体系, 写入…党代会报告): no honour.
    if (/^到/.test(phrase) || /(考核|评价体系|报告|规划|要点|计划)/.test(phrase.replace(/[“”]/g, ''))) continue;
    const offset = s.indexOf(phrase, from);
    if (offset < 0) continue;
    const start = sentence.start + offset;
    const year = s.match(/(20\d\d)\s*年/);
    found.push({ name: stripQuotes(phrase), year: year ? Number(year[1]) : reportYear, span: { start, end: start + phrase.length } });
  }
  return found;
}
