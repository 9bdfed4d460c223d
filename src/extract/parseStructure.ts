import type { PolicyAreaEntry } from '../model/taxonomy.js';
import type { Section, Sentence, Status } from '../model/facts.js';

const CN_DIGITS = '一二三四五六七八九十';

/** 一、主要工作 — a top-level heading at the start of a line. */
const LEVEL1 = new RegExp(`^[ \\t\\u3000]*([${CN_DIGITS}]{1,3})[、.．]`);
/**
 * (一)深入学习… — a second-level heading, ASCII or full-width brackets. Pages copied from some
 * sites lose the opening bracket and numeral (")坚持突破创新,…" at a line start); that line is
 * still a second-level heading.
 */
const LEVEL2 = new RegExp(`^[ \\t\\u3000]*(?:[(（]([${CN_DIGITS}]{1,3})[)）]|[)）](?=[\\u4e00-\\u9fa5]))`);
/** Whether a line opens with a section marker (一、 / (一)): a heading, not a sentence or a title. */
export function startsWithHeading(line: string): boolean {
  return LEVEL1.test(line) || LEVEL2.test(line);
}

/** 一是加强… — an enumerated point inside a paragraph (third level). */
const LEVEL3 = new RegExp(`([${CN_DIGITS}]{1,3})是`, 'g');

/**
 * Status of a top-level section from its heading. Examples: 二、存在的不足 / 存在的主要问题 /
 * 面临的困难和问题 → PROBLEM; 三、2024年重点工作 / 下一步工作打算 / 四、2023年工作安排 / 今后工作重点
 * → PLANNED. Anything else is a report of work done (IMPLEMENTED).
 */
export function statusOfHeading(heading: string, reportYear: number | null): Status | null {
  // 存在的不足 / 存在的主要问题 / 面临的困难和问题 / 问题与不足 / 短板和差距 — but not 聚焦群众关心问题.
  if (/(不足|短板|差距|薄弱环节)/.test(heading) || /(存在|面临|主要)[^，,、]{0,4}(问题|困难)|^(问题|困难)/.test(heading.trim())) return 'PROBLEM';
  if (/(下一步|下步|工作打算|工作安排|工作计划|工作思路|主要安排|工作要点|努力方向|今后)/.test(heading) && !/(成效|举措|情况|完成)/.test(heading)) return 'PLANNED';
  // 工作重点 / 重点任务 announce plans only as the whole heading (三、工作重点), not inside a
  // heading of work done (二、聚力重点任务落实,开创…新局面).
  if (/^(\d{4}年(度)?)?(工作重点|重点任务)$/.test(heading.trim())) return 'PLANNED';
  const year = heading.match(/(20\d\d)年/);
  if (year && reportYear !== null && Number(year[1]) > reportYear && /(重点|计划|安排|打算|任务|工作)/.test(heading)) return 'PLANNED';
  if (/重点工作$/.test(heading.trim()) && !/成效|举措|情况/.test(heading)) return 'PLANNED';
  return null;
}

/** Chapter of the national outline a heading is about, by the areas' keywords (first hit wins). */
export function areaOfHeading(heading: string, areas: readonly PolicyAreaEntry[]): number | null {
  let best: { id: number; at: number } | null = null;
  for (const area of areas) {
    for (const keyword of area.keywords) {
      const at = heading.indexOf(keyword);
      if (at >= 0 && (best === null || at < best.at)) best = { id: area.id, at };
    }
  }
  return best?.id ?? null;
}

interface LineInfo {
  start: number;
  end: number;
}

function splitLines(text: string): LineInfo[] {
  const lines: LineInfo[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      lines.push({ start, end: i });
      start = i + 1;
    }
  }
  return lines;
}

/** The heading text after its marker: up to the first 。 on the line (or the whole line). */
function headingAfter(text: string, from: number, lineEnd: number): { heading: string; end: number } {
  const stop = text.indexOf('。', from);
  const end = stop >= 0 && stop < lineEnd ? stop : lineEnd;
  return { heading: text.slice(from, end).trim(), end };
}

/**
 * Parses the heading tree: 一、 (level 1), (一) (level 2), and 一是/二是 points inside paragraphs
 * (level 3). A section runs until the next heading of the same or a higher level. Status is
 * inherited from the nearest ancestor whose heading decides it (IMPLEMENTED by default); the
 * policy area likewise comes from the nearest heading that names one.
 */
export function parseSections(text: string, areas: readonly PolicyAreaEntry[], reportYear: number | null): Section[] {
  const sections: Section[] = [];
  const open: Section[] = []; // stack of open sections by level
  const closeFrom = (level: number, at: number) => {
    while (open.length > 0 && (open[open.length - 1]?.level ?? 0) >= level) {
      const done = open.pop();
      if (done) done.end = at;
    }
  };
  const push = (level: number, marker: string, heading: string, start: number) => {
    closeFrom(level, start);
    const parent = open[open.length - 1] ?? null;
    // Only top-level headings decide status: a point such as 二是补齐短板 is still work done.
    const own = level === 1 ? statusOfHeading(heading, reportYear) : null;
    const section: Section = {
      index: sections.length,
      level,
      heading,
      marker,
      parentIndex: parent?.index ?? null,
      start,
      end: text.length,
      status: own ?? parent?.status ?? 'IMPLEMENTED',
      area: areaOfHeading(heading, areas) ?? parent?.area ?? null,
    };
    sections.push(section);
    open.push(section);
  };

  for (const line of splitLines(text)) {
    const content = text.slice(line.start, line.end);
    const m1 = LEVEL1.exec(content);
    const m2 = m1 ? null : LEVEL2.exec(content);
    const m = m1 ?? m2;
    if (m) {
      const markerEnd = line.start + m[0].length;
      const { heading } = headingAfter(text, markerEnd, line.end);
      push(m1 ? 1 : 2, m[0].trim(), heading, line.start + (m[0].length - m[0].trimStart().length));
    }
    // Enumerated points: 一是…, 二是… — only a run that starts at 一是 and counts up.
    let expected = 1;
    LEVEL3.lastIndex = 0;
    for (let p = LEVEL3.exec(content); p !== null; p = LEVEL3.exec(content)) {
      const n = chineseOrdinal(p[1] ?? '');
      const at = line.start + p.index;
      const prev = text[at - 1] ?? '\n';
      // A point starts a clause: at line start, or after 。；:, or after a heading's close.
      if (n !== expected || !/[\n。；;:：\s)）]/.test(prev) && at !== line.start) continue;
      const { heading } = headingAfter(text, at + p[0].length, line.end);
      push(3, p[0], heading, at);
      expected++;
    }
    // A paragraph ends the enumerated points it opened.
    closeFrom(3, line.end);
  }
  closeFrom(0, text.length);
  return sections;
}

function chineseOrdinal(s: string): number {
  const d = (c: string) => CN_DIGITS.indexOf(c) + 1;
  if (s.length === 1) return d(s);
  if (s.length === 2 && s[0] === '十') return 10 + d(s[1] ?? '');
  if (s.length === 2 && s[1] === '十') return d(s[0] ?? '') * 10;
  if (s.length === 3 && s[1] === '十') return d(s[0] ?? '') * 10 + d(s[2] ?? '');
  return -1;
}

const SENTENCE_END = /[。！？；;!?\n]/;

/**
 * Splits the text into sentences at 。！？；; and line breaks; a sentence keeps its closing
 * punctuation and excludes surrounding whitespace. Each sentence is placed in the innermost
 * section that contains its start.
 */
export function splitSentences(text: string, sections: readonly Section[]): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const emit = (from: number, to: number) => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) sentences.push({ index: sentences.length, start: s, end: e, sectionIndex: innermostSection(sections, s) });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (SENTENCE_END.test(c)) {
      // Keep a closing quote or bracket that follows the stop with the sentence.
      let end = i + 1;
      while (end < text.length && /[”’」）)]/.test(text[end] ?? '')) end++;
      emit(start, c === '\n' ? i : end);
      start = end;
      i = end - 1;
    }
  }
  emit(start, text.length);
  return sentences;
}

/** The deepest section whose range holds `offset`, or null before the first heading. */
export function innermostSection(sections: readonly Section[], offset: number): number | null {
  let found: Section | null = null;
  for (const section of sections) {
    if (section.start <= offset && offset < section.end && (found === null || section.level >= found.level)) found = section;
  }
  return found?.index ?? null;
}

/** The section path as researchers cite it: "一、2023年主要工作 / (四)创新行政执法工作体系 / 二是…". */
export function sectionPath(sections: readonly Section[], index: number | null): string {
  const parts: string[] = [];
  for (let i = index; i !== null; ) {
    const s = sections[i];
    if (!s) break;
    parts.unshift(`${s.marker}${s.heading}`);
    i = s.parentIndex;
  }
  return parts.join(' / ');
}
