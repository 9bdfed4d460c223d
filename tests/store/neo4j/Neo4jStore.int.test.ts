/**
 * The Neo4j adapter against a real driver and a real TCP port where nothing listens (no Neo4j
 * server can run on these machines; the contract suite runs on one when NEO4J_URI is set).
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Neo4jStore } from '../../../src/store/neo4j/Neo4jStore.js';
import { StoreError } from '../../../src/store/StoreError.js';

/** A local port that was free a moment ago: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Neo4jStore.open', () => {
  it.each(['bolt', 'neo4j'])('fails with a retriable UNAVAILABLE StoreError naming a %s:// URI nothing answers', async (scheme) => {
    const uri = `${scheme}://127.0.0.1:${await closedPort()}`;
    const opening = Neo4jStore.open({ uri, username: 'neo4j', password: 'not-used', database: 'neo4j', connectionTimeoutMs: 2000 });
    await expect(opening).rejects.toBeInstanceOf(StoreError);
    await expect(opening).rejects.toMatchObject({ code: 'UNAVAILABLE', retriable: true, query: 'connect', message: expect.stringContaining(`Neo4j at ${uri} (database neo4j) is unreachable`) });
  });
});
