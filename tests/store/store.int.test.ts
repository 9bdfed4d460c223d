/**
 * The store contract, written once against the port and run on every available store: the
 * embedded store (LadybugDB in a temporary directory) always, and Neo4j when NEO4J_URI is set
 * (an empty scratch database, emptied again afterwards). Every catalogue query runs; ingest is one
 * transaction per report, idempotent, and replaces a corrected text's facts only; a failing write
 * changes nothing; parameters survive each store's binding rules (LadybugDB's bugs, Neo4j's
 * integers); a graph copies from the embedded store through the write path.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract/index.js';
import { toReportRecord } from '../../src/model/graph.js';
import * as q from '../../src/store/catalogue.js';
import { copyGraph } from '../../src/store/copyGraph.js';
import type { GraphStore } from '../../src/store/GraphStore.js';
import { StoreError } from '../../src/store/StoreError.js';
import { writeReport } from '../../src/store/writeReport.js';
import { NEO4J_SKIPPED, OPEN_TIMEOUT_MS, openTempStore, SEED, SEED_DIR, storeTargets, type TempStore } from '../helpers/seedGraph.js';

/** Example parameters for every read query, so each one is executed. */
const READ_PARAMS: Record<string, object> = {
  findReportsOfRegionYear: { regionCode: '430500', year: 2023 },
  listReportedRegions: {},
  findRegions: { keys: ['430500', '紫阳县'] },
  listReports: {},
  findReports: { ids: ['none'] },
  regionFacts: { codes: ['430500'] },
  reportsOfRegions: { codes: ['430500'] },
  findPractices: { names: ['行政执法三项制度'] },
  practiceMentions: { names: ['包容审慎监管'] },
  narrowerPractices: { names: ['包容审慎监管'] },
  practiceAdoption: { statuses: ['IMPLEMENTED'], codes: [], anyRegion: true, curatedOnly: false, foundBy: ['MODEL'], anyFoundBy: false },
  metricObservations: { metric: '出庭应诉率', year: 0, anyYear: true },
  problemEvidence: {},
  listMetrics: {},
  listPractices: {},
  listPolicyAreas: {},
  searchEvidence: { text: '法律明白人', reading: '法律明白人' },
  countGraph: {},
  exportRegions: {},
  exportBroader: {},
  exportComponents: {},
  exportPracticeAreas: {},
  exportMentions: { ids: ['none'] },
  exportObservations: { ids: ['none'] },
  exportAwards: { ids: ['none'] },
  exportProblems: { ids: ['none'] },
  countNodes: {},
};

/** Rows in a stable order, to compare two stores' answers to one query. */
const sorted = (rows: object[]) => rows.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();

/** Every parameterless read query, and the facts of every region: what a copy must reproduce. */
async function snapshot(store: GraphStore): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const entry of q.catalogue.filter((e) => e.mode === 'read' && e.params.length === 0)) out[entry.name] = sorted(await store.read(entry, {}));
  const codes = (await store.read(q.listReportedRegions, {})).map((r) => r.code);
  out.regionFacts = sorted(await store.read(q.regionFacts, { codes }));
  return out;
}

const targets = storeTargets();
if (!targets.some((t) => t.name === 'neo4j')) console.log(NEO4J_SKIPPED);

for (const target of targets) {
  describe(`${target.name} store`, () => {
    let temp: TempStore;

    beforeAll(async () => {
      temp = await target.open();
    }, OPEN_TIMEOUT_MS);

    afterAll(async () => {
      await temp?.cleanup();
    });

    const counts = async () => (await temp.store.read(q.countGraph, {}))[0];

    describe('contract', () => {
      it('loads the five seed reports, one transaction each', async () => {
        const results = await temp.ingest([SEED_DIR]);
        expect(results.map((r) => r.ok && r.outcome.kind)).toEqual(['created', 'created', 'created', 'created', 'created']);
        const c = await counts();
        expect(c?.reports).toBe(5);
        expect(c?.mentions).toBeGreaterThan(500);
        expect(c?.observations).toBeGreaterThan(250);
      });

      it('runs every read query of the catalogue', async () => {
        const reads = q.catalogue.filter((entry) => entry.mode === 'read');
        expect(reads.map((e) => e.name).sort()).toEqual(Object.keys(READ_PARAMS).sort());
        for (const entry of reads) {
          const params = READ_PARAMS[entry.name] ?? {};
          expect(Object.keys(params).sort()).toEqual([...entry.params].sort());
          await expect(temp.store.read(entry, params)).resolves.toBeInstanceOf(Array);
        }
      });

      it('re-ingesting the same files changes nothing', async () => {
        const before = await counts();
        const results = await temp.ingest([SEED_DIR]);
        expect(results.every((r) => r.ok && r.outcome.kind === 'unchanged')).toBe(true);
        expect(await counts()).toEqual(before);
      });

      it('a corrected text replaces that report’s facts and no other report’s', async () => {
        const original = await readFile(SEED.ziyang, 'utf8');
        const corrected = join(temp.dir, 'ziyang-corrected.txt');
        await writeFile(corrected, original.replace('按期办结率100%', '按期办结率99%'));
        const before = await counts();
        const [result] = await temp.ingest([corrected]);
        expect(result?.ok && result.outcome.kind).toBe('replaced');
        const after = await counts();
        expect(after?.reports).toBe(5);
        expect(after?.observations).toBe(before?.observations);
        const reports = await temp.store.read(q.reportsOfRegions, { codes: ['610924'] });
        expect(reports).toHaveLength(1);
        expect(reports[0]?.source).toBe('ziyang-corrected.txt');
        const values = (await temp.store.read(q.regionFacts, { codes: ['610924'] })).filter((f) => f.kind === 'metric' && f.surface.includes('按期办结率'));
        expect(values.map((v) => v.value)).toEqual([99]);
        expect((await temp.store.read(q.reportsOfRegions, { codes: ['430500'] }))).toHaveLength(1);
        await temp.ingest([SEED.ziyang]);
      });

      it('a write that fails half-way leaves the store as it was', async () => {
        const before = await counts();
        const raw = (await readFile(SEED.nanyang, 'utf8')).replace('南阳市人民政府关于2023年', '南阳市人民政府关于2023年度');
        const extraction = extractReport(raw, temp.taxonomy);
        const record = toReportRecord(extraction, { source: 'broken.txt', sha256: 'x' }, () => ({ section: '', sentence: '', reading: null, area: null }));
        // Two observations with one id: the primary key refuses the second, after the old report was deleted.
        const [first] = record.observations;
        record.observations.push({ ...(first as (typeof record.observations)[number]) });
        await expect(writeReport(temp.store, record)).rejects.toBeInstanceOf(StoreError);
        expect(await counts()).toEqual(before);
        const nanyang = await temp.store.read(q.reportsOfRegions, { codes: ['411300'] });
        expect(nanyang.map((r) => r.source)).toEqual(['004_baf67c33786e3299.txt']);
      });

      it('queues concurrent write transactions instead of failing them', async () => {
        const writes = Array.from({ length: 4 }, (_, i) =>
          temp.store.writeTransaction((tx) => tx.run(q.mergeMetrics, { rows: [{ name: `并发测试指标${i}` }] })),
        );
        await expect(Promise.all(writes)).resolves.toHaveLength(4);
      });
    });

    describe('parameter binding', () => {
      it('keeps each value with its key when rows list keys in different orders', async () => {
        await temp.store.writeTransaction(async (tx) => {
          await tx.run(q.mergeRegions, {
            rows: [
              { code: '999901', name: '甲测试区', level: 'DISTRICT', parentCode: null, parentName: null, province: '测试省' },
              { province: '测试省', parentName: null, parentCode: null, level: 'COUNTY', name: '乙测试县', code: '999902' },
            ],
          });
        });
        const rows = await temp.store.read(q.findRegions, { keys: ['999901', '999902'] });
        expect(rows.map((r) => [r.code, r.name, r.level]).sort()).toEqual([
          ['999901', '甲测试区', 'DISTRICT'],
          ['999902', '乙测试县', 'COUNTY'],
        ]);
      });

      it('stores integer and decimal values of one field in one write', async () => {
        const rows = await temp.store.read(q.metricObservations, { metric: '行政机关负责人出庭应诉率', year: 0, anyYear: true });
        const values = rows.map((r) => r.value);
        expect(values).toContain(97.8);
        expect(values).toContain(100);
      });

      it('returns counts as plain numbers', async () => {
        const [c] = await temp.store.read(q.countGraph, {});
        expect(typeof c?.reports).toBe('number');
      });

      it('treats an empty list parameter as matching nothing', async () => {
        await expect(temp.store.read(q.findRegions, { keys: [] })).resolves.toEqual([]);
      });
    });

    describe('copy', () => {
      it('copies a graph from the embedded store through the write path, and again without change', async () => {
        const source = await openTempStore();
        try {
          expect((await source.ingest([SEED_DIR])).every((r) => r.ok)).toBe(true);
          await temp.store.writeTransaction((tx) => tx.run(q.clearGraph, {}));
          const expected = await snapshot(source.store);
          const outcomes = await copyGraph(source.store, temp.store);
          expect(outcomes.map((o) => o.kind)).toEqual(['created', 'created', 'created', 'created', 'created']);
          expect(await snapshot(temp.store)).toEqual(expected);
          const again = await copyGraph(source.store, temp.store);
          expect(again.every((o) => o.kind === 'unchanged')).toBe(true);
          expect(await snapshot(temp.store)).toEqual(expected);
        } finally {
          await source.cleanup();
        }
      });
    });
  });
}
