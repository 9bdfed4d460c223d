/**
 * npm run ingest -- [--store embedded|neo4j] <file|dir>… : loads reports into the graph store —
 * by default Neo4j when NEO4J_URI is set, the embedded store (KG_DATA_DIR) otherwise.
 * Each file is one transaction; a refused file is reported with its reason and the rest load.
 * Exit code 0 when every file loaded (or was unchanged), 1 when any was refused.
 */
import { Command, Option } from 'commander';
import { ConfigError, readConfig } from '../config.js';
import { ingestReports } from '../ingest/ingestReports.js';
import { loadTaxonomy } from '../ingest/loadTaxonomy.js';
import { defaultStoreChoice, describeStore, openStore, STORE_CHOICES, type StoreChoice } from '../store/openStore.js';

const program = new Command()
  .name('npm run ingest --')
  .description('Load 法治政府建设 reports (UTF-8, GBK or saved HTML) into the graph store')
  .argument('<paths...>', 'report files, or directories of .txt/.html files')
  .addOption(new Option('--store <store>', 'store to load into (default: neo4j when NEO4J_URI is set, else embedded)').choices(STORE_CHOICES))
  .option('--data-dir <dir>', 'embedded store directory (default: KG_DATA_DIR or ./data)')
  .action(async (paths: string[], options: { dataDir?: string; store?: StoreChoice }) => {
    const config = readConfig(options.dataDir ? { ...process.env, KG_DATA_DIR: options.dataDir } : process.env);
    const choice = options.store ?? defaultStoreChoice(config);
    const taxonomy = await loadTaxonomy();
    const store = await openStore(config, choice);
    const where = Object.values(describeStore(config, choice)).join(' ');
    try {
      const results = await ingestReports(store, taxonomy, paths);
      for (const r of results) {
        if (r.ok) console.log(`${r.outcome.kind.padEnd(9)} ${r.file} → ${r.outcome.id} (${r.facts} facts)`);
        else console.error(`refused   ${r.message} [${r.code}]`);
      }
      const refused = results.filter((r) => !r.ok).length;
      console.log(`${results.length - refused} loaded, ${refused} refused, store: ${where}`);
      if (results.length === 0) console.error('no report files found under the given paths (expected .txt or .html files)');
      process.exitCode = refused > 0 || results.length === 0 ? 1 : 0;
    } finally {
      await store.close();
    }
  });

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `ingest failed: ${(error as Error).message}`);
  process.exitCode = 1;
});
