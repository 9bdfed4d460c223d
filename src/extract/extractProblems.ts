import type { Span } from '../model/facts.js';
import type { ProblemThemeEntry } from '../model/taxonomy.js';

export interface ProblemMention {
  /** Normalised theme, shared across regions (基层法治力量薄弱). */
  theme: string;
  span: Span;
}

/** Words that make a clause a shortcoming: 薄弱, 不足, 不够, 有待, 仍需, 参差不齐, 不到位, 短缺, 不符 … */
const SHORTCOMING = /(薄弱|不足|不够|不强|不高|不深|不优|不到位|不规范|不完善|不健全|不平衡|不充分|不适应|不相适应|有待|仍需|还需|尚需|亟待|亟需|参差不齐|尚未|欠缺|缺乏|滞后|差距|短板|较弱|偏弱|不多|不严|不准|不畅|不力|不及时|不明显|不深入|偏高|偏低|偏少|短缺|紧缺|不符|不一致|脱节|时有发生|仍然存在|依然存在|需进一步|需要进一步|进一步加强|进一步提升|进一步完善)/;

const LEADING = /^\s*(([一二三四五六七八九十]+是)|[(（][一二三四五六七八九十]+[)）]|\d{1,2}[.、．](?!\d)|(但|同时|然而|此外|另外|还有|主要是|主要表现在|表现在|具体表现为|一方面|另一方面|特别是|尤其是)\s*)*/;

/**
 * Splits a problem sentence into clauses at ,，；;:： and before 一是/二是 markers (pages often
 * drop the stop before them: 小微企业获得感不强二是依法行政工作能力仍需加强), so that each listed
 * shortcoming is one fact. A clause that joins two shortcomings with 、 is split when both halves
 * are full statements: 个别重大行政决策程序落实不够全面、法治机构和人员力量配备…还不相适应; a list of
 * short ones (执法不公正、程序不规范、案卷质量不高) stays one problem.
 */
function clauses(text: string, sentence: Span): Span[] {
  const raw: Span[] = [];
  let start = sentence.start;
  for (let i = sentence.start; i <= sentence.end; i++) {
    const c = text[i] ?? '';
    const point = i > start && /[一二三四五六七八九十]/.test(c) && text[i + 1] === '是' && /[\u4e00-\u9fa5”]/.test(text[i - 1] ?? '');
    if (i === sentence.end || /[,，；;。:：]/.test(c) || point) {
      raw.push({ start, end: i });
      start = point ? i : i + 1;
    }
  }
  const out: Span[] = [];
  for (const span of raw) {
    const s = text.slice(span.start, span.end);
    const lead = s.match(LEADING)?.[0].length ?? 0;
    const parts = splitEnumeration(text, { start: span.start + lead, end: span.end });
    out.push(...parts);
  }
  return out;
}

function splitEnumeration(text: string, span: Span): Span[] {
  const s = text.slice(span.start, span.end);
  const pieces = s.split('、');
  if (pieces.length < 2) return [span];
  const full = (p: string) => p.length >= 8 && SHORTCOMING.test(p);
  if (!pieces.every(full)) return [span];
  const out: Span[] = [];
  let at = span.start;
  for (const piece of pieces) {
    out.push({ start: at, end: at + piece.length });
    at += piece.length + 1;
  }
  return out;
}

/**
 * Clauses that announce or frame the shortcomings rather than state one: headings
 * (二、存在的不足), 仍存在一些薄弱环节, 离…要求还有一定差距, and remedies (加快补齐短板弱项).
 */
const FRAMING = [
  /^[一二三四五六七八九十]+、/,
  /^(上一年度)?存在的(不足|问题)/,
  /^(但|也|仍|还|同时|依然|仍然)*(存在|有)(着)?(一些|一定|不少|部分|诸多)?(的)?(不足|问题|薄弱环节|短板|差距|困难)/,
  /(还有|存在|仍有)(一定|较大)?(的)?差距$/,
  /^(加快|持续|进一步|切实|着力|推动|补齐|加大)/,
];

/**
 * Shortcomings stated in a problem section: each clause carrying a shortcoming word. The theme is
 * the first taxonomy theme whose keyword groups all occur in the clause; otherwise the clause
 * itself, so that an unforeseen problem is still recorded.
 */
export function extractProblems(text: string, sentence: Span, themes: readonly ProblemThemeEntry[]): ProblemMention[] {
  const found: ProblemMention[] = [];
  for (const clause of clauses(text, sentence)) {
    const s = text.slice(clause.start, clause.end);
    if (s.length < 4 || !SHORTCOMING.test(s) || FRAMING.some((f) => f.test(s.trim()))) continue;
    const theme = themes.find((t) => t.allOf.every((group) => group.some((w) => s.includes(w))));
    found.push({ theme: theme?.theme ?? s.trim(), span: clause });
  }
  return found;
}
