import { convert } from 'html-to-text';
import { startsWithHeading } from './parseStructure.js';
import { simplifiedReading } from './simplifiedReading.js';

/**
 * Text normalisation: the one place that decides what "the text" of a report is. Every offset
 * the product stores or prints refers to the string this returns.
 *
 * It only removes — a BOM, carriage returns, HTML markup, and whole lines of page furniture
 * (site navigation, share buttons, footers). Characters inside the report's own lines are never
 * rewritten, so a phrase copied from the source (ASCII or full-width punctuation alike) is found
 * verbatim in the normalised text.
 */
export function normaliseText(raw: string): string {
  return normaliseReport(raw).text;
}

/**
 * The normalised text together with its simplified reading (see simplifiedReading), offset for
 * offset: a traditional-character copy is read once, and its lines are judged by their reading
 * (a copy's 報告 is 报告) but kept as they are.
 */
export function normaliseReport(raw: string): { text: string; reading: string } {
  let text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (looksLikeHtml(text)) text = htmlToText(text);
  const readings = simplifiedReading(text).split('\n');
  const lines = text.split('\n').map((line, i) => ({ line, reading: readings[i] ?? line })).filter((l) => !isFurnitureLine(l.reading));
  const kept = lines.slice(leadingNavigation(lines.map((l) => l.reading)));
  const tidy = (parts: string[]) => parts.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  const normalised = tidy(kept.map((l) => l.line));
  const reading = tidy(kept.map((l) => l.reading));
  // The reading changes no line break or space, so both tidy alike; if not, read the text itself.
  return { text: normalised, reading: reading.length === normalised.length ? reading : normalised };
}

/** True when the text is a saved web page rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4000).toLowerCase();
  return /<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]/.test(head) || (head.match(/<(div|p|span|br|td)[\s>/]/g)?.length ?? 0) >= 5;
}

function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    preserveNewlines: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'nav', format: 'skip' },
      { selector: 'header', format: 'skip' },
      { selector: 'footer', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ],
  });
}

/**
 * Lines that belong to the web page, not the report. Each pattern is a fixture of Chinese
 * government sites: breadcrumbs (您现在所在的位置: 首页 > 信息公开), share widgets (分享到:),
 * the mobile QR prompt (扫一扫在手机打开当前页), accessibility toggles (关怀版 无障碍), footers
 * (主办单位: …, 联系电话: …, ICP备案, 网站标识码), counters (访问量:, 点击:), print/close buttons.
 */
const FURNITURE: RegExp[] = [
  /^\s*(您现在所在的位置|您当前所在位置|您所在的位置|您现在的位置|当前位置|您的位置|所在位置)\s*[:：]/,
  /^\s*首页\s*[>＞»/]/,
  /^\s*分享到\s*[:：]?\s*$/,
  /扫一扫在手机(上)?打开当前页/,
  /^\s*(关怀版|无障碍|长者模式|适老化)(\s+(关怀版|无障碍|长者模式|适老化))*\s*$/,
  /^\s*(主办单位|承办单位|协办单位|技术支持|维护单位|网站标识码|联系电话|联系我们|网站地图)\s*[:：]?/,
  /(ICP备|公网安备|政府网站标识码)/,
  /^\s*(访问量|浏览次数|阅读量|浏览量)\s*[:：]?\s*\d*\s*$/,
  /^\s*【?\s*(打印本页|关闭窗口|打印|关闭|收藏|字体\s*[:：]?\s*大\s*中\s*小)\s*】?\s*$/,
  /^\s*【\s*字体/,
  /^\s*(上一篇|下一篇|相关链接|相关文章)\s*[:：]/,
];

function isFurnitureLine(line: string): boolean {
  return FURNITURE.some((pattern) => pattern.test(line));
}

/**
 * How many leading lines are the site's navigation menu that saved pages carry above the title:
 * a run of short lines with no sentence punctuation (专栏首页 / 行政规范性文件 / 工作动态 …), when a
 * title line mentioning 法治 follows within the first lines. Lines after the title are never
 * touched here.
 */
function leadingNavigation(lines: readonly string[]): number {
  const titleAt = lines.slice(0, 40).findIndex((line) => isTitleLine(line));
  if (titleAt <= 0) return 0;
  const before = lines.slice(0, titleAt);
  const isMenu = (line: string) => line.trim() === '' || (line.trim().length <= 12 && !/[，。,:：；;0-9]/.test(line));
  let cut = 0;
  for (let i = 0; i < before.length; i++) {
    if (isMenu(before[i] ?? '')) cut = i + 1;
    else break;
  }
  // A body's name right above the title is the first line of a two-line title
  // (西安市市场监督管理局 / 2023年法治政府建设工作报告), not a menu entry.
  while (cut > 0 && isBodyName(lines[cut - 1] ?? '')) cut--;
  return cut;
}

/** A line that is only the name of a government body: …局, …厅, …委员会, …人民政府, …办公室. */
function isBodyName(line: string): boolean {
  return /^[\u4e00-\u9fa5]{2,}(局|厅|委员会|委|办公室|人民政府|政府|法院|检察院)$/.test(line.trim());
}

/**
 * A line that reads like a report title: names 法治 and 报告/总结/情况, and is not a sentence nor
 * a numbered section heading (一、落实法治政府建设年度报告制度概述 opens a section).
 */
export function isTitleLine(line: string): boolean {
  const t = line.trim();
  if (startsWithHeading(t) || /^\d+[、.．]/.test(t)) return false;
  return t.length >= 8 && t.length <= 80 && /法治/.test(t) && /(报告|总结|情况|工作要点)/.test(t) && !/。/.test(t);
}
