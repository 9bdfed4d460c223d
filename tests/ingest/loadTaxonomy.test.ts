/**
 * Loading the taxonomy with its learned practice tagger: the shipped model loads, a directory
 * without one gives rules only, and a broken model file is refused with what to do.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TAXONOMY_DIR, loadTaxonomy, PRACTICE_TAGGER_FILE } from '../../src/ingest/loadTaxonomy.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kg-taxonomy-'));
  await cp(DEFAULT_TAXONOMY_DIR, dir, { recursive: true, filter: (src) => !src.includes('practice-tagger') });
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('the practice tagger in the taxonomy', () => {
  it('ships with the project', async () => {
    const taxonomy = await loadTaxonomy();
    expect(taxonomy.practiceTagger?.features.size).toBeGreaterThan(1000);
    expect(taxonomy.practiceTagger?.transitions).toHaveLength(16);
  });

  it('is optional: a taxonomy directory without it reads by rules only', async () => {
    const taxonomy = await loadTaxonomy(dir);
    expect(taxonomy.practiceTagger).toBeUndefined();
    expect(taxonomy.practices.length).toBeGreaterThan(500);
  });

  it('refuses a file that is not a model, naming it and how to mend it', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'kg-taxonomy-broken-'));
    try {
      await cp(dir, broken, { recursive: true });
      await writeFile(join(broken, PRACTICE_TAGGER_FILE), '{"format": "practice-tagger/1"');
      await expect(loadTaxonomy(broken)).rejects.toThrow(/practice-tagger\.json is not valid JSON.*train:tagger/);
      await writeFile(join(broken, PRACTICE_TAGGER_FILE), '{"format": "practice-tagger/0"}');
      await expect(loadTaxonomy(broken)).rejects.toThrow(/format is "practice-tagger\/0"/);
      // The trainer reads by the rules alone, whatever model lies there (an older one it replaces).
      const rules = await loadTaxonomy(broken, { tagger: false });
      expect(rules.practiceTagger).toBeUndefined();
      expect(rules.practices.length).toBeGreaterThan(500);
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });
});
