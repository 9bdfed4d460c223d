/**
 * Robustness: extraction never throws, terminates, and keeps every evidence span inside the
 * text, whatever it is fed — random Unicode, and adversarial mixes of report fragments (simplified
 * and traditional), heading markers, unbalanced quotes and brackets, long digit runs and text
 * without punctuation.
 */
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { Converter } from 'opencc-js/cn2t';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract/index.js';
import { listRegions } from '../../src/extract/regions.js';
import { loadTaxonomy } from '../../src/ingest/loadTaxonomy.js';
import type { Extraction } from '../../src/model/facts.js';
import type { Taxonomy } from '../../src/model/taxonomy.js';
import { SEED } from '../helpers/seedGraph.js';

let taxonomy: Taxonomy;
let fragments: string[];

beforeAll(async () => {
  taxonomy = await loadTaxonomy();
  const text = await readFile(SEED.shaoyang, 'utf8');
  // Real pieces of a report: clauses cut at punctuation, in simplified and traditional characters
  // (a mix of both is read the way its majority is).
  const clauses = text.split(/(?<=[,，。；;:：])/).filter((s) => s.length > 0).slice(0, 400);
  const toTraditional = Converter({ from: 'cn', to: 'hk' });
  fragments = [...clauses, ...clauses.map((clause) => toTraditional(clause))];
});

function checkInvariants(e: Extraction): void {
  for (const f of e.facts) {
    expect(f.span.start).toBeGreaterThanOrEqual(0);
    expect(f.span.end).toBeLessThanOrEqual(e.text.length);
    expect(f.span.start).toBeLessThan(f.span.end);
    expect(f.sentenceIndex).toBeGreaterThanOrEqual(0);
    expect(f.name.length).toBeGreaterThan(0);
    if (f.kind === 'metric') expect(Number.isFinite(f.value)).toBe(true);
  }
  for (const s of e.sentences) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(e.text.length);
  }
  for (const s of e.sections) expect(s.start).toBeLessThanOrEqual(s.end);
}

const noise = fc.constantFrom(
  '一、', '(一)', '（二）', ')', '一是', '二是', '“', '”', '《', '》', '〔2024〕', '\n', '\n\n', '。', '，', '、',
  '100%', '95%以上', '1.19万', '3.34亿元', '两千零二十三', '第三批', '存在的不足', '下一步', '2023年度', '12345', '%',
  '行政执法', '三项制度', '“三项制度”', '<p>', '</div>', '\uFEFF', '\u0000', '𠀀', '\r\n',
);

describe('extractReport on arbitrary input', () => {
  it('never throws on random Unicode and keeps spans inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => checkInvariants(extractReport(s, taxonomy))),
      { numRuns: 300 },
    );
  });

  it('never throws on adversarial mixes of report fragments and markers', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...fragments), noise, fc.string({ maxLength: 20 })), { maxLength: 120 }), (parts) =>
        checkInvariants(extractReport(parts.join(''), taxonomy)),
      ),
      { numRuns: 200 },
    );
  });

  it('finishes on long text without any punctuation or line breaks', () => {
    const digits = '1234567890'.repeat(5000);
    const words = '行政执法公示全过程记录法制审核'.repeat(4000);
    const quotes = '“'.repeat(20000) + '三项制度' + '”'.repeat(20000);
    for (const text of [digits, words, quotes]) checkInvariants(extractReport(text, taxonomy));
  });
});

describe('extractReport on every division', () => {
  it('resolves a report titled with any county-level-or-higher name to a chain that ends at its province', () => {
    const problems: string[] = [];
    for (const region of listRegions()) {
      const e = extractReport(`${region.name}2023年法治政府建设情况报告\n2023年，${region.name}深入推进依法行政。`, taxonomy);
      const chain = e.meta.region?.chain ?? [];
      const codes = chain.map((r) => r.code);
      if (e.meta.region?.name !== region.name) problems.push(`${region.name}: resolved to ${e.meta.region?.name ?? 'nothing'}`);
      else if (chain[chain.length - 1]?.level !== 'PROVINCE' || new Set(codes).size !== codes.length) problems.push(`${region.name}: chain ${codes.join('>')}`);
    }
    expect(problems).toEqual([]);
  });
});
