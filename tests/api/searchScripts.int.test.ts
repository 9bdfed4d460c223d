/**
 * Evidence search across scripts, over HTTP of the real Apollo server on each available store: a
 * report mirrored in traditional characters is found by words in simplified ones, and quoted as
 * it was written; words in traditional characters find a simplified report.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Converter } from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { SEED, servedGraph, storeTargets } from '../helpers/seedGraph.js';

interface Hit {
  region: { name: string };
  sentence: string;
  evidence: { surface: string }[];
}

for (const target of storeTargets()) {
  describe(`on the ${target.name} store`, () => {
    const graph = servedGraph(target, async (temp) => {
      const copy = join(temp.dir, 'shaoyang-traditional.txt');
      await writeFile(copy, Converter({ from: 'cn', to: 'tw' })(await readFile(SEED.shaoyang, 'utf8')));
      return [copy, SEED.ziyang];
    });

    async function search(text: string): Promise<Hit[]> {
      const query = `query ($text: String!) { searchEvidence(text: $text, first: 100) { region { name } sentence evidence { surface } } }`;
      const res = await fetch(graph.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { text } }) });
      const body = (await res.json()) as { data?: { searchEvidence: Hit[] }; errors?: unknown[] };
      expect(body.errors).toBeUndefined();
      return body.data?.searchEvidence ?? [];
    }

    it('finds sentences of a traditional-character report by simplified words, quoted as written', async () => {
      const hits = await search('行政复议');
      const shaoyang = hits.filter((h) => h.region.name === '邵阳市');
      expect(shaoyang.length).toBeGreaterThan(0);
      for (const h of shaoyang) {
        expect(h.sentence).toContain('行政複議');
        expect(h.sentence).not.toContain('行政复议');
      }
      // The simplified report is found by its own words as before.
      expect(hits.some((h) => h.region.name === '紫阳县' && h.sentence.includes('行政复议'))).toBe(true);
    });

    it('finds both reports by words written in traditional characters', async () => {
      const regions = new Set((await search('行政複議')).map((h) => h.region.name));
      expect(regions).toEqual(new Set(['邵阳市', '紫阳县']));
    });

    it('finds nothing for words neither report holds, in either script', async () => {
      expect(await search('海关稽查')).toEqual([]);
      expect(await search('海關稽查')).toEqual([]);
    });
  });
}
