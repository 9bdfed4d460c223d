import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraphiql } from '../../scripts/buildGraphiql.js';
import { createGraphiqlLandingPage } from '../../src/api/graphiqlPlugin.js';

const typeDefs = /* GraphQL */ `
  type Region {
    name: String!
    code: String!
    level: String!
  }
  type Query {
    regions: [Region!]!
  }
`;
const resolvers = {
  Query: { regions: () => [{ name: '北京市', code: '110000', level: 'province' }] },
};

describe('GraphiQL landing page plugin', () => {
  let assetDir: string;
  let server: ApolloServer;
  let url: string;

  beforeAll(async () => {
    // Build fresh (≈2–4 s) so the test checks the current build script, not a stale dist/.
    assetDir = await mkdtemp(path.join(tmpdir(), 'graphiql-'));
    await buildGraphiql(assetDir);
    server = new ApolloServer({ typeDefs, resolvers, plugins: [createGraphiqlLandingPage({ assetDir })] });
    ({ url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } }));
  });

  afterAll(async () => {
    await server?.stop();
    if (assetDir) await rm(assetDir, { recursive: true, force: true });
  });

  it('serves the self-contained GraphiQL page to browsers at /graphql', async () => {
    const res = await fetch(new URL('/graphql', url), { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();

    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<div id="graphiql">');
    // the bundle is inlined: GraphiQL, Monaco and the worker sources are in the page itself
    expect(html).toContain('graphiql-container');
    expect(html).not.toContain('__GRAPHIQL_MONACO_WORKERS__');
    expect(html.length).toBeGreaterThan(1_000_000);

    // nothing is fetched from elsewhere: no external scripts, stylesheets, CSS imports or fonts
    expect(html).not.toMatch(/<script\b[^>]*\bsrc\s*=/i);
    expect(html).not.toMatch(/<link\b[^>]*\bhref\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import\s+(url\()?\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?https?:\/\//i);
    expect(html).not.toMatch(/apollo-server-landing-page|embeddable-sandbox|cdn\.jsdelivr|unpkg\.com|esm\.sh/i);
  });

  it('still answers GraphQL requests on the same path', async () => {
    const res = await fetch(new URL('/graphql', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ regions { name code level } }' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      data: { regions: [{ name: '北京市', code: '110000', level: 'province' }] },
    });
  });

  it('refuses to start when the page has not been built', async () => {
    const emptyDir = await mkdtemp(path.join(tmpdir(), 'graphiql-missing-'));
    const broken = new ApolloServer({
      typeDefs,
      resolvers,
      plugins: [createGraphiqlLandingPage({ assetDir: emptyDir })],
    });
    try {
      await expect(broken.start()).rejects.toThrow(/npm run build:graphiql/);
    } finally {
      await rm(emptyDir, { recursive: true, force: true });
    }
  });
});
