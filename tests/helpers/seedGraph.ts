import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import { readConfig, type Neo4jConfig } from '../../src/config.js';
import { ingestReports, type IngestResult } from '../../src/ingest/ingestReports.js';
import { loadTaxonomy } from '../../src/ingest/loadTaxonomy.js';
import type { Taxonomy } from '../../src/model/taxonomy.js';
import * as q from '../../src/store/catalogue.js';
import type { GraphStore } from '../../src/store/GraphStore.js';
import { LadybugStore } from '../../src/store/ladybug/LadybugStore.js';
import { Neo4jStore } from '../../src/store/neo4j/Neo4jStore.js';
import type { StoreChoice } from '../../src/store/openStore.js';
import { lockDatabase } from './lockDatabase.js';

export const SEED_DIR = fileURLToPath(new URL('../../seed/reports/', import.meta.url));

export const SEED = {
  shaoyang: join(SEED_DIR, '000_5a17b2cbc709ecaa.txt'),
  ziyang: join(SEED_DIR, '001_335ed3547a572491.txt'),
  zhanggong: join(SEED_DIR, '002_e58b04af1640b0b5.txt'),
  anshan: join(SEED_DIR, '003_af86cdcbdf7cc7d9.txt'),
  nanyang: join(SEED_DIR, '004_baf67c33786e3299.txt'),
} as const;

export interface TempStore {
  store: GraphStore;
  taxonomy: Taxonomy;
  /** A temporary directory the test may write files into. */
  dir: string;
  ingest(paths: string[]): Promise<IngestResult[]>;
  cleanup(): Promise<void>;
}

async function wrap(store: GraphStore, dir: string, release: () => Promise<void>): Promise<TempStore> {
  const taxonomy = await loadTaxonomy();
  return {
    store,
    taxonomy,
    dir,
    ingest: (paths) => ingestReports(store, taxonomy, paths),
    cleanup: async () => {
      try {
        await release();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A real embedded store in a fresh temporary directory, owned by one test file. */
export async function openTempStore(): Promise<TempStore> {
  const dir = await mkdtemp(join(tmpdir(), 'kg-test-'));
  const store = await LadybugStore.open({ dataDir: dir });
  return wrap(store, dir, () => store.close());
}

/**
 * The Neo4j database of NEO4J_URI, for one suite at a time (suites in other test files wait for
 * it: they run in parallel processes). It must be empty — the suites assert exact counts, and
 * must never touch a graph someone published — and it is emptied again on cleanup.
 */
async function openNeo4jStore(config: Neo4jConfig): Promise<TempStore> {
  const where = `${config.uri} (database ${config.database ?? 'default'})`;
  const unlock = await lockDatabase(where);
  let store: Neo4jStore | undefined;
  try {
    store = await Neo4jStore.open(config);
    const [{ nodes } = { nodes: 0 }] = await store.read(q.countNodes, {});
    if (nodes > 0) {
      throw new Error(
        `the Neo4j suites need an empty database, and ${where} holds ${nodes} nodes: point NEO4J_URI / NEO4J_DATABASE at a scratch database (see "Run on Neo4j" in the README)`,
      );
    }
  } catch (error) {
    await store?.close();
    await unlock();
    throw error;
  }
  const open = store;
  const dir = await mkdtemp(join(tmpdir(), 'kg-test-'));
  return wrap(open, dir, async () => {
    try {
      await open.writeTransaction((tx) => tx.run(q.clearGraph, {}));
    } finally {
      await open.close();
      await unlock();
    }
  });
}

/** A store a suite runs against: its name and how to open a fresh, empty one. */
export interface StoreTarget {
  name: StoreChoice;
  open(): Promise<TempStore>;
}

/** Printed once per run (by the store contract suite) when the Neo4j suites do not run. */
export const NEO4J_SKIPPED =
  'Neo4j: store contract and API suites skipped — NEO4J_URI is not set (NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=… npm test runs them; see "Run on Neo4j" in the README)';

/** Always the embedded store; Neo4j too when NEO4J_URI is set (with NEO4J_PASSWORD …). */
export function storeTargets(env: NodeJS.ProcessEnv = process.env): StoreTarget[] {
  const neo4j = readConfig(env).neo4j;
  return [{ name: 'embedded', open: openTempStore }, ...(neo4j ? [{ name: 'neo4j' as const, open: () => openNeo4jStore(neo4j) }] : [])];
}

/** How long a suite may wait to open its store: a Neo4j suite may wait for another file's. */
export const OPEN_TIMEOUT_MS = 600_000;

/** The real Apollo server over a test store, on a free port, silent, without GraphiQL. */
export async function serveTestApi(temp: TempStore): Promise<{ url: string; stop: () => Promise<void> }> {
  const { startApi } = await import('../../src/api/startApi.js');
  const { pino } = await import('pino');
  return startApi({ store: temp.store, taxonomy: temp.taxonomy, logger: pino({ level: 'silent' }), port: 0, host: '127.0.0.1', graphiql: false });
}

/** A store with reports in it, served over HTTP, for the tests of one describe block. */
export interface ServedGraph {
  readonly temp: TempStore;
  readonly url: string;
}

/**
 * Opens a store of `target` before the block's tests, ingests the files `reports` names (it may
 * write them into the store's directory first), requires each to load, and serves the API; after
 * the tests, stops the server and removes the store.
 */
export function servedGraph(target: StoreTarget, reports: (temp: TempStore) => Promise<string[]>): ServedGraph {
  let temp: TempStore | undefined;
  let api: { url: string; stop: () => Promise<void> } | undefined;
  beforeAll(async () => {
    temp = await target.open();
    const results = await temp.ingest(await reports(temp));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    api = await serveTestApi(temp);
  }, OPEN_TIMEOUT_MS);
  afterAll(async () => {
    await api?.stop();
    await temp?.cleanup();
  });
  const ready = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('servedGraph: used outside the tests of its block');
    return x;
  };
  return {
    get temp() {
      return ready(temp);
    },
    get url() {
      return ready(api).url;
    },
  };
}
