/**
 * npm run copy-to-neo4j [-- --data-dir <dir>] : copies the embedded graph (KG_DATA_DIR) into the
 * Neo4j server of NEO4J_URI — explore locally, then publish to a shared server. The graph is read
 * through the catalogue's export queries and written through the ingest write path, one
 * transaction per report: reports Neo4j already holds stay unchanged, a report of the same region
 * and year with another text is replaced, other reports in Neo4j are kept. Running it again is a
 * no-op. Exit code 0 when everything was copied.
 */
import { Command } from 'commander';
import { ConfigError, readConfig } from '../config.js';
import * as q from '../store/catalogue.js';
import { copyGraph } from '../store/copyGraph.js';
import { describeStore, openStore } from '../store/openStore.js';

const program = new Command()
  .name('npm run copy-to-neo4j --')
  .description('Copy the embedded graph store into Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE)')
  .option('--data-dir <dir>', 'embedded store directory to copy from (default: KG_DATA_DIR or ./data)')
  .action(async (options: { dataDir?: string }) => {
    const config = readConfig(options.dataDir ? { ...process.env, KG_DATA_DIR: options.dataDir } : process.env);
    const to = await openStore(config, 'neo4j');
    try {
      const from = await openStore(config, 'embedded');
      try {
        console.log(`copying ${Object.values(describeStore(config, 'embedded')).join(' ')} → ${Object.values(describeStore(config, 'neo4j')).join(' ')}`);
        const outcomes = await copyGraph(from, to, (o) => console.log(`${o.kind.padEnd(9)} ${o.id}`));
        const [source] = await from.read(q.countGraph, {});
        const [target] = await to.read(q.countGraph, {});
        const created = outcomes.filter((o) => o.kind !== 'unchanged').length;
        console.log(`${outcomes.length} reports copied (${created} written, ${outcomes.length - created} already there)`);
        console.log(`embedded: ${JSON.stringify(source)}`);
        console.log(`neo4j:    ${JSON.stringify(target)}`);
      } finally {
        await from.close();
      }
    } finally {
      await to.close();
    }
  });

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `copy-to-neo4j failed: ${(error as Error).message}`);
  process.exitCode = 1;
});
