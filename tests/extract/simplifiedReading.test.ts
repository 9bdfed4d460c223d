/**
 * Copies of reports in traditional characters: extraction reads them in simplified ones and
 * finds what it finds in the simplified original, with the evidence in the copy's own text.
 */
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { Converter } from 'opencc-js/cn2t';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEvidence, extractReport, normaliseText } from '../../src/extract/index.js';
import { looksTraditional, simplifiedReading, simplifiedWords } from '../../src/extract/simplifiedReading.js';
import { loadTaxonomy } from '../../src/ingest/loadTaxonomy.js';
import type { Extraction } from '../../src/model/facts.js';
import type { Taxonomy } from '../../src/model/taxonomy.js';
import { SEED } from '../helpers/seedGraph.js';

let taxonomy: Taxonomy;
const seeds: Record<string, string> = {};

beforeAll(async () => {
  taxonomy = await loadTaxonomy();
  for (const [key, path] of Object.entries(SEED)) seeds[key] = await readFile(path, 'utf8');
});

/** What a researcher compares: each fact's kind, name, place in the text, value and status. */
const factsOf = (e: Extraction) => e.facts.map((f) => [f.kind, f.name, f.span.start, f.span.end, f.kind === 'metric' ? f.value : null, f.status].join('|'));

describe('traditional-character copies', () => {
  it.each(['hk', 'tw'] as const)('finds in a %s-traditional copy of each seed report the facts of the original', (variant) => {
    const toTraditional = Converter({ from: 'cn', to: variant });
    for (const [key, text] of Object.entries(seeds)) {
      const copy = toTraditional(text);
      expect(copy, key).not.toBe(text);
      const original = extractReport(text, taxonomy);
      const read = extractReport(copy, taxonomy);
      expect(read.text, key).toBe(normaliseText(copy));
      expect(read.meta.region?.code, key).toBe(original.meta.region?.code);
      expect(read.meta.year, key).toBe(original.meta.year);
      expect(factsOf(read), key).toEqual(factsOf(original));
    }
  });

  it('quotes the evidence in the copy’s own characters and names facts in simplified ones', () => {
    const copy = Converter({ from: 'cn', to: 'hk' })(seeds.anshan ?? '');
    const e = extractReport(copy, taxonomy);
    const appeals = e.facts.find((f) => f.kind === 'metric' && f.name === '行政机关负责人出庭应诉率');
    expect(appeals).toBeDefined();
    const surface = e.text.slice(appeals?.span.start ?? 0, appeals?.span.end ?? 0);
    expect(surface).toMatch(/應訴/);
    expect(e.meta.region?.chain.map((r) => r.name)).toEqual(['鞍山市', '辽宁省']);
  });

  it('leaves a simplified report exactly as it is', () => {
    for (const text of Object.values(seeds)) {
      expect(looksTraditional(text)).toBe(false);
      expect(simplifiedReading(text)).toBe(text);
    }
  });

  it('does not take a simplified text with a stray traditional character for a copy', () => {
    const text = '2023年,全市深入推进依法行政,落实行政执法三项制度,推行證明事项告知承诺制,全面提升政务服务水平和法治化营商环境建设质量,群众满意度持续提高。';
    expect(looksTraditional(text)).toBe(false);
    expect(simplifiedReading(text)).toBe(text);
    // A short simplified title whose only traditional-looking character is a place name's.
    const title = '乾安县2023年法治政府建设情况报告';
    expect(simplifiedReading(title)).toBe(title);
    expect(extractReport(title, taxonomy).meta.region?.name).toBe('乾安县');
  });

  it('reads a few search words in simplified characters however few they are, and leaves simplified ones as they are', () => {
    expect(simplifiedWords('行政復議')).toBe('行政复议');
    expect(simplifiedWords('行政複議')).toBe('行政复议');
    expect(simplifiedWords('法律明白人')).toBe('法律明白人');
    expect(simplifiedWords('首違不罰')).toBe('首违不罚');
  });

  it('keeps the sentence’s reading with the evidence of a copy, and none for a simplified report', () => {
    const copy = extractReport(Converter({ from: 'cn', to: 'tw' })(seeds.shaoyang ?? ''), taxonomy);
    const evidence = copy.facts.map((f) => describeEvidence(copy, f)).find((e) => e.sentence.includes('行政複議'));
    expect(evidence?.reading).toContain('行政复议');
    expect(evidence?.reading).toHaveLength(evidence?.sentence.length ?? -1);
    expect(evidence?.reading).toBe(simplifiedWords(evidence?.sentence ?? ''));
    const original = extractReport(seeds.shaoyang ?? '', taxonomy);
    expect(describeEvidence(original, original.facts[0] as Extraction['facts'][number]).reading).toBeNull();
  });

  it('keeps every offset: the reading has the length of the text, whatever the text', () => {
    const traditionalPieces = Object.values(seeds).map((text) => Converter({ from: 'cn', to: 'hk' })(text.slice(0, 400)));
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom(...traditionalPieces)), { maxLength: 6 }), (parts) => {
        const text = parts.join('');
        expect(simplifiedReading(text).length).toBe(text.length);
      }),
      { numRuns: 200 },
    );
  });
});
