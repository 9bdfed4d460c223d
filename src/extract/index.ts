/**
 * Extraction: pure functions from a report's text to typed facts with evidence.
 * No file system, database, clock or randomness here — `extractReport` is deterministic.
 */
import type { Diagnostic, Extraction, Fact, Section, Sentence, Span, Status } from '../model/facts.js';
import type { Taxonomy } from '../model/taxonomy.js';
import { extractAgencies } from './extractAgencies.js';
import { extractAwards } from './extractAwards.js';
import { extractDocuments } from './extractDocuments.js';
import { extractMeta, selfTitleSpans } from './extractMeta.js';
import { extractMetrics } from './extractMetrics.js';
import { extractPlaces } from './extractPlaces.js';
import { extractPractices, isGenericMechanism, namesNoPractice } from './extractPractices.js';
import { extractProblems } from './extractProblems.js';
import { otherFactSpans, tagPractices, taxonomyEdges } from './practiceTagger.js';
import { toQuoteless } from './matchTerms.js';
import { normaliseReport } from './normaliseText.js';
import { parseSections, sectionPath, splitSentences } from './parseStructure.js';
import { ancestry, regionByCode } from './regions.js';

export { normaliseText } from './normaliseText.js';
export { sectionPath } from './parseStructure.js';
export { regionByCode, regionsByName, ancestry, type RegionRecord } from './regions.js';

/** Locates the sentence holding an offset (binary search over sentences sorted by start). */
function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | null {
  let lo = 0;
  let hi = sentences.length - 1;
  let found: Sentence | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (!s) break;
    if (s.start <= offset) {
      found = s;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The status of a sentence: its section's, except inside a report of work done where the
 * paragraph announces something else — a paragraph opening with 下一步/今后/2024年,我市将 is
 * plans; one opening with 存在的问题/存在的不足/但也要看到/我们也清醒地认识到 lists shortcomings
 * (reports that have no heading of their own for them).
 */
function statusOf(sentence: Sentence | null, sections: readonly Section[], text: string): Status {
  if (!sentence) return 'IMPLEMENTED';
  const section = sentence.sectionIndex === null ? null : sections[sentence.sectionIndex];
  const status = section?.status ?? 'IMPLEMENTED';
  if (status !== 'IMPLEMENTED') return status;
  const paragraphStart = text.lastIndexOf('\n', sentence.start - 1) + 1;
  const paragraph = text.slice(paragraphStart, Math.min(text.length, paragraphStart + 40)).trim();
  if (/^(下一步|下步|今后|\d{4}年[,，]?(我|全)(市|县|区|省|州|旗)将)/.test(paragraph)) return 'PLANNED';
  if (/^(存在的(主要)?(问题|不足)|问题和不足|不足之处|但(也|仍)(存在|要看到|应看到)|同时也要看到)/.test(paragraph)) return 'PROBLEM';
  // 在肯定成绩的同时,我们也清醒地认识到,…还存在一些短板和不足
  if (/^(在[^。，,]{0,16}同时[,，]?)?(我们|我[县市区局])?(也|还)?(要)?清醒(地)?(认识到|看到)/.test(paragraph)) return 'PROBLEM';
  return status;
}

/**
 * Extracts a report: normalises the raw text, reads metadata, the section tree and sentences,
 * then every kind of fact with its status and evidence span. Never throws on odd text: what it
 * cannot find is reported in `diagnostics`.
 */
export function extractReport(raw: string, taxonomy: Taxonomy): Extraction {
  // A copy in traditional characters is read in simplified ones, offset for offset: facts are
  // named as the taxonomy and other reports name them, their evidence is the report's own text.
  const { text, reading } = normaliseReport(raw);
  const diagnostics: Diagnostic[] = [];
  if (text.length === 0) {
    diagnostics.push({ code: 'EMPTY_TEXT', message: 'the text is empty after removing page furniture' });
  }
  const meta = extractMeta(reading);
  if (!meta.region) diagnostics.push({ code: 'NO_REGION', message: 'no Chinese administrative region is named in the title or opening' });
  if (meta.year === null) diagnostics.push({ code: 'NO_YEAR', message: 'no reporting year (e.g. 2023年度) in the title or opening' });
  const sections = parseSections(reading, taxonomy.areas, meta.year);
  if (sections.length === 0 && reading.length > 0) diagnostics.push({ code: 'NO_SECTIONS', message: 'no section headings (一、/(一)) were found' });
  const sentences = splitSentences(reading, sections);
  const view = toQuoteless(reading);
  const facts: Fact[] = [];

  const add = (fact: Omit<Fact, 'status' | 'sentenceIndex'>) => {
    const sentence = sentenceAt(sentences, fact.span.start);
    facts.push({ ...fact, status: statusOf(sentence, sections, reading), sentenceIndex: sentence?.index ?? 0 });
  };

  // The title line names the report itself (…法治政府建设情况的报告): not evidence of a practice.
  const titles = selfTitleSpans(reading, meta.title);
  const inTitle = (start: number) => titles.some((t) => start >= t.start && start < t.end);
  // 现将2022年度法治政府建设报告如下: the opening names the report itself too.
  const namesItself = (end: number) => /^(的)?(情况)?(报告)?如下/.test(reading.slice(end, end + 6));
  for (const p of extractPractices(reading, taxonomy.practices, view).filter((m) => !inTitle(m.span.start) && !namesItself(m.span.end))) {
    add({
      kind: p.system ? 'system' : 'practice',
      name: p.name,
      span: p.span,
      curated: p.curated,
      foundBy: p.curated ? 'TAXONOMY' : 'RULE',
      ...(p.componentOf ? { componentOf: p.componentOf } : {}),
    });
  }
  for (const a of extractAgencies(reading, view, taxonomy.agencies)) add({ kind: 'agency', name: a.name, span: a.span });
  for (const d of extractDocuments(reading)) add({ kind: 'document', name: d.name, span: d.span });
  const region = meta.region ? regionByCode(meta.region.code) : null;
  for (const p of extractPlaces(reading, region, view)) {
    const chain = p.region ? ancestry(p.region) : [];
    const place = p.region
      ? { code: p.region.code, level: p.region.level, parentCode: p.region.parentCode, parentName: chain[1]?.name ?? null, province: chain.length > 1 ? (chain[chain.length - 1]?.name ?? null) : null }
      : undefined;
    add({ kind: 'place', name: p.name, span: p.span, ...(place ? { place } : {}) });
  }

  /** Spans of titles won, apart from ones held from before. */
  const honours: Span[] = [];
  for (const sentence of sentences) {
    const status = statusOf(sentence, sections, reading);
    for (const m of extractMetrics(reading, sentence, taxonomy.metrics)) {
      add({ kind: 'metric', name: m.name, span: m.span, value: m.value, unit: m.unit, qualifier: m.qualifier });
    }
    if (status === 'IMPLEMENTED') {
      for (const a of extractAwards(reading, sentence, meta.year, meta.region?.level ?? null)) {
        if (!a.held) honours.push(a.span);
        add({ kind: 'award', name: a.name, span: a.span, ...(a.year !== null ? { year: a.year } : {}) });
      }
    }
    if (status === 'PROBLEM') {
      for (const p of extractProblems(reading, sentence, taxonomy.problemThemes)) add({ kind: 'problem', name: p.theme, span: p.span });
    }
  }
  // The learned tagger adds the practices the rules did not read (uncurated, named by their words);
  // a name the rules of discovery refuse (a slogan, an aim, a generic mechanism) stays refused.
  if (taxonomy.practiceTagger) {
    const practices = facts.filter((f) => f.kind === 'practice' || f.kind === 'system').map((f) => f.span);
    for (const p of tagPractices(reading, taxonomy.practiceTagger, otherFactSpans(facts), practices, taxonomyEdges(taxonomy))) {
      if (inTitle(p.span.start) || namesItself(p.span.end) || namesNoPractice(p.name) || isGenericMechanism(p.name)) continue;
      // “一体化”协作, “零距离”服务: a refused quoted word does not become a practice with a noun after it.
      const quoted = [...reading.slice(p.span.start, p.span.end).matchAll(/“([^“”]*)”/g)].map((m) => m[1] ?? '');
      if (quoted.some(namesNoPractice)) continue;
      add({ kind: 'practice', name: p.name, span: p.span, curated: false, foundBy: 'MODEL' });
    }
  }
  // A quoted title that turned out to be an honour won (被推选为“全国行政执法先进集体”) is the
  // award, not a discovered practice; nor is the title won (被评为全国法治政府建设示范县) the
  // practice of striving for it (…示范创建). Other practices named in an honour (“枫桥式工作法”
  // 单位, 七五普法先进单位) stay, and so does the practice in a title held from before (巩固“…示范县”
  // 创建成果: keeping it up is work of the year).
  const isTheHonour = (f: Fact) => (f.kind === 'practice' || f.kind === 'system') && (f.curated === false || /创建$/.test(f.name));
  const kept = facts.filter((f) => !(isTheHonour(f) && honours.some((a) => a.start <= f.span.start && f.span.end <= a.end)));
  kept.sort((a, b) => a.span.start - b.span.start || a.kind.localeCompare(b.kind));
  return { text, reading, meta, sections, sentences, facts: kept, diagnostics };
}

/**
 * Evidence fields of a fact as researchers cite them: the sentence as written and, for a report
 * in traditional characters, the sentence's simplified reading (null when it reads the same).
 */
export function describeEvidence(extraction: Extraction, fact: Fact): { section: string; sentence: string; reading: string | null } {
  const sentence = extraction.sentences[fact.sentenceIndex];
  const written = sentence ? extraction.text.slice(sentence.start, sentence.end) : '';
  const read = sentence ? extraction.reading.slice(sentence.start, sentence.end) : '';
  return {
    section: sectionPath(extraction.sections, sentence?.sectionIndex ?? null),
    sentence: written,
    reading: read === written ? null : read,
  };
}
