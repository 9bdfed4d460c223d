/**
 * Composition root: reads the settings, opens the store (Neo4j when NEO4J_URI is set, the
 * embedded store otherwise), loads the seed reports into an empty store, and serves the GraphQL
 * API with its offline GraphiQL page. On SIGINT/SIGTERM it stops the server and closes the store
 * (for Neo4j: the driver and its connections).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { GRAPHIQL_DIR, startApi } from './api/startApi.js';
import { ConfigError, readConfig } from './config.js';
import { ingestReports } from './ingest/ingestReports.js';
import { loadTaxonomy } from './ingest/loadTaxonomy.js';
import * as q from './store/catalogue.js';
import { describeStore, openStore } from './store/openStore.js';

async function main(): Promise<void> {
  const config = readConfig();
  const logger = pino({ level: config.logLevel });
  const taxonomy = await loadTaxonomy();
  const store = await openStore(config);
  logger.info(describeStore(config), 'store opened');

  const [counts] = await store.read(q.countGraph, {});
  if ((counts?.reports ?? 0) === 0) {
    logger.info({ seedDir: config.seedDir }, 'store is empty: loading the seed reports');
    for (const r of await ingestReports(store, taxonomy, [config.seedDir])) {
      if (r.ok) logger.info({ file: r.file, region: r.region, year: r.year, facts: r.facts, outcome: r.outcome.kind }, 'ingested');
      else logger.warn({ file: r.file, code: r.code }, r.message);
    }
  }

  if (!existsSync(join(GRAPHIQL_DIR, 'index.html'))) {
    logger.info('building the offline GraphiQL page (first start only)');
    const { buildGraphiql } = await import('../scripts/buildGraphiql.js');
    await buildGraphiql(GRAPHIQL_DIR);
  }

  const api = await startApi({ store, taxonomy, logger, port: config.port, host: config.host, limits: { maxDepth: config.maxDepth, maxCost: config.maxCost } });
  const [after] = await store.read(q.countGraph, {});
  logger.info({ ...after }, 'graph');
  console.log(`GraphQL API and GraphiQL at ${api.url.replace('0.0.0.0', 'localhost')}graphql`);

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await api.stop();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error(`PORT: ${process.env.PORT ?? 4000} is already in use; stop the other server or set PORT to a free port`);
  else console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exit(1);
});
