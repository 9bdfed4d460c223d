import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { Logger } from 'pino';
import type { Taxonomy } from '../model/taxonomy.js';
import type { GraphStore } from '../store/GraphStore.js';
import type { ApiContext } from './context.js';
import { createServer, type ApiLimits } from './createServer.js';
import { createGraphiqlLandingPage } from './graphiqlPlugin.js';
import { createLoaders } from './loaders.js';

export const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));
export const GRAPHIQL_DIR = fileURLToPath(new URL('../../dist/graphiql/', import.meta.url));

/** The SDL from schema/*.graphql, concatenated in file-name order. */
export async function readTypeDefs(dir: string = SCHEMA_DIR): Promise<string> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.graphql')).sort();
  return (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))).join('\n');
}

/** Practice synonyms → canonical names, quotes and spaces removed, for argument lookup. */
export function practiceAliases(taxonomy: Taxonomy): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const p of taxonomy.practices) for (const s of [p.name, ...p.synonyms]) aliases.set(s.replace(/[“”"'‘’\s]/g, ''), p.name);
  return aliases;
}

export interface StartApiOptions {
  store: GraphStore;
  taxonomy: Taxonomy;
  logger: Logger;
  port: number;
  host?: string;
  limits?: ApiLimits;
  /** Serve the offline GraphiQL page (needs dist/graphiql, built by `npm run build:graphiql`). */
  graphiql?: boolean;
}

/**
 * Fails with the listen error (EADDRINUSE, EACCES) when the port cannot be bound. Apollo's
 * standalone server emits that error on its HTTP server instead of rejecting, which would end
 * the process with an unhandled 'error' event rather than a message.
 */
function assertPortFree(port: number, host: string | undefined): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen({ port, ...(host ? { host } : {}) }, () => probe.close(() => resolve()));
  });
}

/** Starts the HTTP server; returns its URL and a stop function. */
export async function startApi(options: StartApiOptions): Promise<{ url: string; stop: () => Promise<void> }> {
  await assertPortFree(options.port, options.host);
  const server = createServer({
    typeDefs: await readTypeDefs(),
    logger: options.logger,
    ...(options.limits ? { limits: options.limits } : {}),
    plugins: options.graphiql === false ? [] : [createGraphiqlLandingPage({ assetDir: GRAPHIQL_DIR })],
  });
  const aliases = practiceAliases(options.taxonomy);
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port, ...(options.host ? { host: options.host } : {}) },
    context: async (): Promise<ApiContext> => ({
      store: options.store,
      loaders: createLoaders(options.store),
      logger: options.logger,
      practiceAliases: aliases,
    }),
  });
  return { url, stop: () => server.stop() };
}
