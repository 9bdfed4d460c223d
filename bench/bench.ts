/**
 * Benchmarks (never run by the tests): extraction throughput, ingest time, API latency.
 *
 *   npm run bench                 # all three
 *   npm run bench:extract         # extraction only: MB/s of text per core
 *
 * Figures depend on the machine; compare runs on the same machine only.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startApi } from '../src/api/startApi.js';
import { extractReport } from '../src/extract/index.js';
import { ingestReports } from '../src/ingest/ingestReports.js';
import { loadTaxonomy } from '../src/ingest/loadTaxonomy.js';
import { LadybugStore } from '../src/store/ladybug/LadybugStore.js';

const SEED_DIR = new URL('../seed/reports/', import.meta.url).pathname;

const ms = (t0: number) => performance.now() - t0;
const fmt = (x: number, digits = 1) => x.toFixed(digits);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function seedTexts(): Promise<string[]> {
  const files = (await readdir(SEED_DIR)).filter((f) => f.endsWith('.txt')).sort();
  return Promise.all(files.map((f) => readFile(join(SEED_DIR, f), 'utf8')));
}

/** Extraction throughput on one core: the seed texts, repeated. */
async function benchExtract(): Promise<void> {
  const taxonomy = await loadTaxonomy();
  const texts = await seedTexts();
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  for (const t of texts) extractReport(t, taxonomy); // warm-up (region data, JIT)
  const rounds = 20;
  const t0 = performance.now();
  let facts = 0;
  for (let i = 0; i < rounds; i++) for (const t of texts) facts += extractReport(t, taxonomy).facts.length;
  const seconds = ms(t0) / 1000;
  const mb = (bytes * rounds) / 1e6;
  console.log(`extract  ${fmt(mb / seconds, 2)} MB/s per core  (${rounds}×${texts.length} reports, ${fmt(mb, 2)} MB UTF-8, ${fmt(seconds, 2)} s, ${Math.round(facts / rounds)} facts per pass, ${fmt((seconds * 1000) / (rounds * texts.length))} ms/report)`);
}

/** Ingest of the seed reports into a fresh embedded store, then a no-op re-ingest. */
async function benchIngest(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'kg-bench-'));
  const store = await LadybugStore.open({ dataDir: dir });
  const taxonomy = await loadTaxonomy();
  try {
    let t0 = performance.now();
    const results = await ingestReports(store, taxonomy, [SEED_DIR]);
    const first = ms(t0);
    t0 = performance.now();
    await ingestReports(store, taxonomy, [SEED_DIR]);
    const again = ms(t0);
    const loaded = results.filter((r) => r.ok).length;
    console.log(`ingest   ${fmt(first / loaded)} ms/report into an empty store (${loaded} reports, ${fmt(first)} ms incl. taxonomy); re-ingest unchanged ${fmt(again / loaded)} ms/report`);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const QUESTIONS: Record<string, string> = {
  'Q1 system coverage': '{ system(name: "行政执法三项制度") { components { name } coverage { region { name } status namesSystem evidence { sentence start end } } } }',
  'Q2 metricComparison': '{ metricComparison(metric: "行政机关负责人出庭应诉率") { region { name } value unit qualifier evidence { sentence } } }',
  'Q3 sharedPractices': '{ sharedPractices(minRegions: 3, status: null) { count practice { name } regions { name } } }',
  'Q4 commonProblems': '{ commonProblems(minRegions: 2) { theme regions { name } evidence { sentence } } }',
  'Q5 region profile': '{ region(name: "邵阳市") { code level province { name } parent { name } reports { id } awards { name year } problems { theme } practices(status: IMPLEMENTED) { name } } }',
  'Q6 similarRegions': '{ similarRegions(limit: 10) { a { name } b { name } jaccard } }',
  'Q7 practice evidence': '{ practice(name: "法律明白人") { adopters { region { name } status evidence { report { id } section sentence start end } } } }',
};

/** Latency of the seven questions over HTTP on loopback (sequential requests). */
async function benchApi(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'kg-bench-'));
  const store = await LadybugStore.open({ dataDir: dir });
  const taxonomy = await loadTaxonomy();
  await ingestReports(store, taxonomy, [SEED_DIR]);
  const api = await startApi({ store, taxonomy, logger: pino({ level: 'silent' }), port: 0, host: '127.0.0.1', graphiql: false });
  try {
    const runs = 50;
    for (const [label, query] of Object.entries(QUESTIONS)) {
      const times: number[] = [];
      let trips = 0;
      for (let i = 0; i < runs; i++) {
        const before = store.queryCount;
        const t0 = performance.now();
        const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
        const body = (await res.json()) as { errors?: unknown[] };
        times.push(ms(t0));
        trips = store.queryCount - before;
        if (body.errors) throw new Error(`${label}: ${JSON.stringify(body.errors)}`);
      }
      times.sort((a, b) => a - b);
      console.log(`api      ${label.padEnd(22)} p50 ${fmt(percentile(times, 50))} ms  p95 ${fmt(percentile(times, 95))} ms  (${trips} store round-trips)`);
    }
  } finally {
    await api.stop();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const which = process.argv[2] ?? 'all';
if (which === 'extract' || which === 'all') await benchExtract();
if (which === 'ingest' || which === 'all') await benchIngest();
if (which === 'api' || which === 'all') await benchApi();
console.log(`rss      ${fmt(process.memoryUsage().rss / 1e6, 0)} MB at the end`);
