import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestReports, type IngestResult } from '../../src/ingest/ingestReports.js';
import { loadTaxonomy } from '../../src/ingest/loadTaxonomy.js';
import type { Taxonomy } from '../../src/model/taxonomy.js';
import { LadybugStore } from '../../src/store/ladybug/LadybugStore.js';

export const SEED_DIR = fileURLToPath(new URL('../../seed/reports/', import.meta.url));

export const SEED = {
  shaoyang: join(SEED_DIR, '000_5a17b2cbc709ecaa.txt'),
  ziyang: join(SEED_DIR, '001_335ed3547a572491.txt'),
  zhanggong: join(SEED_DIR, '002_e58b04af1640b0b5.txt'),
  anshan: join(SEED_DIR, '003_af86cdcbdf7cc7d9.txt'),
  nanyang: join(SEED_DIR, '004_baf67c33786e3299.txt'),
} as const;

export interface TempStore {
  store: LadybugStore;
  taxonomy: Taxonomy;
  dir: string;
  ingest(paths: string[]): Promise<IngestResult[]>;
  cleanup(): Promise<void>;
}

/** A real embedded store in a fresh temporary directory, owned by one test file. */
export async function openTempStore(): Promise<TempStore> {
  const dir = await mkdtemp(join(tmpdir(), 'kg-test-'));
  const store = await LadybugStore.open({ dataDir: dir });
  const taxonomy = await loadTaxonomy();
  return {
    store,
    taxonomy,
    dir,
    ingest: (paths) => ingestReports(store, taxonomy, paths),
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
