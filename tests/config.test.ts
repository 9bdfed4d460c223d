import { describe, expect, it } from 'vitest';
import { ConfigError, parseNeo4jUri, readConfig } from '../src/config.js';

describe('NEO4J_URI', () => {
  it.each(['neo4j://localhost:7687', 'bolt://localhost:7687', 'neo4j+s://abcd1234.databases.neo4j.io', 'bolt+ssc://10.0.0.5:7687', ' neo4j://db '])('accepts %s', (uri) => {
    expect(parseNeo4jUri(uri)).toBe(uri.trim());
  });

  it('refuses the browser address, naming its scheme and the Bolt port', () => {
    expect(() => parseNeo4jUri('http://localhost:7474')).toThrow(/NEO4J_URI: "http:\/\/localhost:7474" has the scheme http:\/\/ — that is the browser's address; the driver speaks Bolt, on port 7687/);
  });

  it.each([
    ['jdbc:neo4j://localhost', /has no scheme/],
    ['localhost:7687', /has no scheme/],
    ['neo4j+x://localhost', /has the scheme neo4j\+x:\/\//],
    ['neo4j://', /names no host/],
  ])('refuses %s', (uri, message) => {
    expect(() => parseNeo4jUri(uri)).toThrow(message);
  });
});

describe('readConfig: Neo4j settings', () => {
  it('uses the embedded store when NEO4J_URI is unset', () => {
    expect(readConfig({}).neo4j).toBeNull();
  });

  it('reads Aura-style variables, with neo4j as the default user and the server default database', () => {
    expect(readConfig({ NEO4J_URI: 'neo4j+s://x.databases.neo4j.io', NEO4J_PASSWORD: 'secret' }).neo4j).toEqual({
      uri: 'neo4j+s://x.databases.neo4j.io',
      username: 'neo4j',
      password: 'secret',
      database: undefined,
    });
    expect(readConfig({ NEO4J_URI: 'bolt://h', NEO4J_USERNAME: 'kg', NEO4J_PASSWORD: 'p', NEO4J_DATABASE: 'reports' }).neo4j).toMatchObject({ username: 'kg', database: 'reports' });
  });

  it('reports a bad scheme, a missing password and a bad database name at once', () => {
    let caught: unknown;
    try {
      readConfig({ NEO4J_URI: 'https://x:7473', NEO4J_DATABASE: 'no spaces' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toContain('NEO4J_URI: "https://x:7473" has the scheme https://');
    expect(problems).toContain('NEO4J_PASSWORD: required when NEO4J_URI is set');
    expect(problems).toContain('NEO4J_DATABASE: "no spaces" is not a database name');
  });
});
