import DataLoader from 'dataloader';
import * as q from '../store/catalogue.js';
import type { GraphStore } from '../store/GraphStore.js';
import { groupBy } from './groupBy.js';

/** Suffixes tried after a region stem, in this order. */
const REGION_SUFFIXES = ['市', '县', '区', '省', '自治区', '旗'];

export type RegionFactRow = Awaited<ReturnType<typeof readRegionFacts>>[number];

function readRegionFacts(store: GraphStore, codes: string[]) {
  return store.read(q.regionFacts, { codes });
}

/**
 * Per-request loaders: every key asked for in one tick of a request becomes one catalogue query,
 * so a request costs a bounded number of store round-trips however many nodes it touches.
 */
export function createLoaders(store: GraphStore) {
  return {
    /** Regions by code, exact name, or name stem (邵阳 → 邵阳市). */
    region: new DataLoader<string, q.RegionResult | null>(async (keys) => {
      const expanded = keys.flatMap((k) => [k, ...REGION_SUFFIXES.map((s) => k + s)]);
      const rows = await store.read(q.findRegions, { keys: expanded });
      return keys.map(
        (k) => rows.find((r) => r.code === k) ?? rows.find((r) => r.name === k) ?? rows.find((r) => REGION_SUFFIXES.some((s) => r.name === k + s)) ?? null,
      );
    }),
    /** Every fact of a region (practices, metrics, awards, problems) by region code. */
    regionFacts: new DataLoader<string, RegionFactRow[]>(async (codes) => {
      const groups = groupBy(await readRegionFacts(store, [...codes]), (r) => r.regionCode);
      return codes.map((c) => groups.get(c) ?? []);
    }),
    reportsOfRegion: new DataLoader<string, q.ReportResult[]>(async (codes) => {
      const groups = groupBy(await store.read(q.reportsOfRegions, { codes: [...codes] }), (r) => r.regionCode);
      return codes.map((c) => groups.get(c) ?? []);
    }),
    report: new DataLoader<string, (q.ReportResult & { text: string }) | null>(async (ids) => {
      const rows = await store.read(q.findReports, { ids: [...ids] });
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }),
    /** Practice rows by name; a system has one row per component. */
    practice: new DataLoader<string, q.PracticeResult[]>(async (names) => {
      const groups = groupBy(await store.read(q.findPractices, { names: [...names] }), (r) => r.name);
      return names.map((n) => groups.get(n) ?? []);
    }),
    /** Mentions of a practice and of its narrower concepts. */
    practiceMentions: new DataLoader<string, Awaited<ReturnType<typeof store.read<{ names: string[] }, q.EvidenceResult & { practice: string; mentioned: string; componentOf: string | null }>>>>(async (names) => {
      const groups = groupBy(await store.read(q.practiceMentions, { names: [...names] }), (r) => r.practice);
      return names.map((n) => groups.get(n) ?? []);
    }),
    narrower: new DataLoader<string, string[]>(async (names) => {
      const groups = groupBy(await store.read(q.narrowerPractices, { names: [...names] }), (r) => r.practice);
      return names.map((n) => (groups.get(n) ?? []).map((r) => r.narrower));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
