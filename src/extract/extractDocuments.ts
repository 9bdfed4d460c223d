import type { Span } from '../model/facts.js';

export interface DocumentMention {
  /** The title without its outer 《》. */
  name: string;
  span: Span;
}

/**
 * Every title in 《》 — a law, plan, rule or list: 《法治政府建设实施纲要(2021—2025年)》. Nested
 * titles (《关于贯彻〈…〉的意见》 or 《…《…》…》) stay inside the outer one; an unclosed 《 on a
 * line is ignored.
 */
export function extractDocuments(text: string): DocumentMention[] {
  const found: DocumentMention[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      depth = 0;
      start = -1;
    } else if (c === '《') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '》' && depth > 0) {
      depth--;
      if (depth === 0 && start >= 0) {
        const name = text.slice(start + 1, i).trim();
        if (name.length >= 2 && name.length <= 120) found.push({ name, span: { start, end: i + 1 } });
        start = -1;
      }
    }
  }
  return found;
}
