import type { RegionRef, ReportMeta, Span } from '../model/facts.js';
import { isTitleLine } from './normaliseText.js';
import { ancestry, resolveReportRegion, type RegionRecord } from './regions.js';

/** The first line in the head of the text that reads like a report title. */
export function findTitle(text: string): string | null {
  const lines = text.split('\n').slice(0, 30).map((l) => l.trim());
  const title = lines.find((l) => isTitleLine(l) && !/^(文件名称|标题)\s*[:：]/.test(l));
  if (title) return title;
  // A title the page broke over two lines: 上海市宝山区人民政府关于法治政府 / 建设情况报告.
  for (let i = 0; i + 1 < Math.min(lines.length, 10); i++) {
    const first = lines[i] ?? '';
    const second = lines[i + 1] ?? '';
    if (first.length >= 4 && second.length >= 2 && !/[。，,；;：:]/.test(first + second) && isTitleLine(first + second)) return `${first}\n${second}`;
  }
  return null;
}

/**
 * Where the report names itself in its head: every line of the first 30 that reads like a report
 * title (also after a 标题: label of the page furniture), and every repetition of the title itself
 * (襄阳市司法局2022年法治政府建设年度报告 as page heading, 标题 and title line).
 */
export function selfTitleSpans(text: string, title: string | null): Span[] {
  const spans: Span[] = [];
  let at = 0;
  for (const line of text.split('\n').slice(0, 30)) {
    const bare = line.replace(/^\s*(文件名称|标题)\s*[:：]/, '');
    if (isTitleLine(bare)) spans.push({ start: at, end: at + line.length });
    at += line.length + 1;
  }
  if (title) for (let i = text.indexOf(title); i >= 0; i = text.indexOf(title, i + 1)) spans.push({ start: i, end: i + title.length });
  return spans;
}

/**
 * The year reported on. Titles say it (2022年度章贡区…报告, 关于2023年鞍山市…); otherwise the
 * opening sentence does (2023年,紫阳县…). Publication dates (发文日期: 2024-01-31) are not it.
 */
export function findReportYear(title: string | null, text: string): number | null {
  const fromTitle = title?.match(/(20\d\d)\s*年/);
  if (fromTitle) return Number(fromTitle[1]);
  const opening = text.slice(0, 1500).split('\n').filter((l) => !/(日期|时间|发布|索引号)/.test(l)).join('\n');
  const m = opening.match(/(20\d\d)\s*年(度|以来|,|，|全年|是|来)/);
  return m ? Number(m[1]) : null;
}

const pad2 = (s: string) => s.padStart(2, '0');

/**
 * Publication date: a labelled date in the page head (发文日期: 2024-01-31, 发布时间:2024-03-06,
 * 时间:2024-03-04 16:37), else the signature date at the end (2024年1月22日).
 */
export function findPublishedOn(text: string): string | null {
  const head = text.slice(0, 1500);
  const labelled = head.match(/(发文日期|成文日期|发布日期|发布时间|时间|日期)\s*[:：]\s*(20\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})/);
  if (labelled) return `${labelled[2]}-${pad2(labelled[3] ?? '')}-${pad2(labelled[4] ?? '')}`;
  const tail = text.slice(-400);
  const signed = [...tail.matchAll(/(20\d\d)年(\d{1,2})月(\d{1,2})日/g)].pop();
  return signed ? `${signed[1]}-${pad2(signed[2] ?? '')}-${pad2(signed[3] ?? '')}` : null;
}

/**
 * The report's own document number, such as 鞍委〔2024〕17号: a line of its own near the head
 * (or labelled 文号:). Numbers cited inside sentences belong to other documents.
 */
export function findDocNumber(text: string): string | null {
  const number = /[\u4e00-\u9fa5]{1,8}[〔\[［(（](20\d\d)[〕\]］)）]\s*\d{1,4}\s*号/;
  for (const line of text.split('\n').slice(0, 20)) {
    const t = line.trim();
    const labelled = t.match(/^(文号|发文字号)\s*[:：]\s*(.+)$/);
    const candidate = labelled?.[2]?.trim() ?? t;
    const m = candidate.match(number);
    if (m && (labelled || m[0].length === candidate.length)) return m[0].replace(/\s+/g, '');
  }
  return null;
}

/**
 * The issuing body: the signature line before the closing date (中共邵阳市委全面依法治市委员会办公室),
 * the bodies named before 关于 in the title (中共鞍山市委 鞍山市人民政府), or the page's 来源.
 */
export function findIssuer(title: string | null, text: string): string | null {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  for (let i = lines.length - 1; i >= Math.max(1, lines.length - 8); i--) {
    if (/^20\d\d年\d{1,2}月\d{1,2}日$/.test(lines[i] ?? '')) {
      const above = lines[i - 1] ?? '';
      if (above.length <= 40 && !/[。,，;；]/.test(above)) return above;
    }
  }
  const before = title?.match(/^(.{2,40}?)\s*关于/);
  if (before?.[1]) return before[1].trim();
  const source = text.slice(0, 1500).match(/来源\s*[:：]\s*([\u4e00-\u9fa5()（）]{2,30}?)(\s|作者|$|发布|点击)/m);
  return source?.[1] ?? null;
}

function toRef(r: RegionRecord): RegionRef {
  return { code: r.code, name: r.name, level: r.level };
}

/** Reads a report's metadata. Any field the text does not give is null. */
export function extractMeta(text: string): ReportMeta {
  const title = findTitle(text);
  const region = resolveReportRegion(title, text);
  return {
    title,
    region: region ? { ...toRef(region), chain: ancestry(region).map(toRef) } : null,
    year: findReportYear(title, text),
    publishedOn: findPublishedOn(text),
    issuer: findIssuer(title, text),
    docNumber: findDocNumber(text),
  };
}
