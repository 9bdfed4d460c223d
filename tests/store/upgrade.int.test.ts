/**
 * An embedded store made by an earlier version opens with the current schema: its MENTIONS table,
 * made before mentions kept a sentence's simplified reading and how they were found, and its
 * Report table, made before reports kept a hash of their facts, gain the columns; reports load,
 * are found by text search in either script, and say how their practices were read.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Converter } from 'opencc-js/cn2t';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestReports } from '../../src/ingest/ingestReports.js';
import { loadTaxonomy } from '../../src/ingest/loadTaxonomy.js';
import * as q from '../../src/store/catalogue.js';
import { DATABASE_FILE, LadybugStore } from '../../src/store/ladybug/LadybugStore.js';
import { SEED } from '../helpers/seedGraph.js';

interface Lbug {
  Database: new (path: string) => { init(): Promise<void>; close(): Promise<void> };
  Connection: new (db: unknown) => { init(): Promise<void>; query(cypher: string): Promise<unknown>; close(): Promise<void> };
}

/** The schema as it was before the `reading`, `foundBy` and `factsHash` columns: today's DDL without them, and no ALTER. */
const EARLIER_SCHEMA = q.schema.ladybug
  .filter((s) => !s.startsWith('ALTER'))
  .map((s) => s.replace(', reading STRING', '').replace(', foundBy STRING', '').replace(', factsHash STRING', ''));

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kg-upgrade-'));
  const lbug = createRequire(import.meta.url)('@ladybugdb/core') as Lbug;
  const db = new lbug.Database(join(dir, DATABASE_FILE));
  await db.init();
  const c = new lbug.Connection(db);
  await c.init();
  for (const statement of EARLIER_SCHEMA) await c.query(statement);
  await c.close();
  await db.close();
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('opening an embedded store made before mentions kept readings', () => {
  it('was made without the column', () => {
    expect(EARLIER_SCHEMA.some((s) => s.includes('reading') || s.includes('foundBy') || s.includes('factsHash'))).toBe(false);
  });

  it('adds the column, loads a traditional-character copy and finds it by simplified words', async () => {
    const store = await LadybugStore.open({ dataDir: dir });
    try {
      const copy = join(dir, 'shaoyang-traditional.txt');
      await writeFile(copy, Converter({ from: 'cn', to: 'tw' })(await readFile(SEED.shaoyang, 'utf8')));
      const [result] = await ingestReports(store, await loadTaxonomy(), [copy]);
      expect(result).toMatchObject({ ok: true, region: '430500' });
      const rows = await store.read(q.searchEvidence, { text: '行政复议', reading: '行政复议' });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.sentence.includes('行政複議'))).toBe(true);
      const adoption = await store.read(q.practiceAdoption, { statuses: ['IMPLEMENTED'], codes: [], anyRegion: true, curatedOnly: false, foundBy: ['TAXONOMY'], anyFoundBy: false });
      expect(adoption.map((a) => a.practice)).toContain('行政执法三项制度');
    } finally {
      await store.close();
    }
  });
});
