import type { Span } from '../model/facts.js';

export interface DocumentMention {
  /** The title without its outer 《》. */
  name: string;
  span: Span;
}

/**
 * What the last words of a document title are: the kinds of laws, plans, rules and lists that
 * government reports cite (…条例, …实施方案, …工作要点, …事项清单, …的通知). A title ending
 * otherwise names a newspaper (《湖南日报》), a programme (《陕西新闻联播》), a case
 * (《陈某某无证行医案》) or an article — not a document in this sense.
 */
const DOCUMENT_KIND = /(法|典|条例|规定|安排|规程|汇编|规则|办法|细则|意见|方案|规划|纲要|计划|要点|清单|目录|通知|决定|决议|制度|指引|指南|标准|规范|体系|名录|守则|公约|章程|机制|措施|预案|手册|流程图|报告|批复|函|令|公告|通报|导则|准则|任务书|协议|备忘录|指标|条|版|表|建议|分工|流程|程序|重点工作|重点任务|工作提示|责任制|追究制|负责制|办结制|督办制|白皮书|问答|读本|汇要|举措)$/;

/**
 * A title names a document when its last words, before a trailing (2023年版) or (试行), say so; a
 * title that ends in a nested one (《中共中央国务院印发〈法治政府建设实施纲要(2021—2025年)〉》) by
 * the nested title's last words.
 */
export function isDocumentTitle(title: string): boolean {
  const nested = /〈([^〈〉]+)〉$/.exec(title);
  if (nested?.[1]) return isDocumentTitle(nested[1]);
  const core = title.replace(/([(（][^()（）]*([)）]|$))+$/, '').trim();
  return DOCUMENT_KIND.test(core);
}

/**
 * Spans of the outermost 《…》 titles. Nested titles (《关于贯彻〈…〉的意见》 or 《…《…》…》) stay
 * inside the outer one; a 《 left open at the end of its line is ignored.
 */
export function titleSpans(text: string): Span[] {
  const spans: Span[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') depth = 0;
    else if (c === '《') {
      if (depth++ === 0) start = i;
    } else if (c === '》' && depth > 0 && --depth === 0) spans.push({ start, end: i + 1 });
  }
  return spans;
}

/** True when `span` lies inside one of `titles`. */
export function insideTitle(titles: readonly Span[], span: Span): boolean {
  return titles.some((t) => t.start <= span.start && span.end <= t.end);
}

/** Every title in 《》 that names a law, plan, rule or list: 《法治政府建设实施纲要(2021—2025年)》. */
export function extractDocuments(text: string, titles: readonly Span[] = titleSpans(text)): DocumentMention[] {
  const found: DocumentMention[] = [];
  for (const span of titles) {
    const name = text.slice(span.start + 1, span.end - 1).trim();
    if (name.length >= 2 && name.length <= 120 && isDocumentTitle(name)) found.push({ name, span });
  }
  return found;
}
