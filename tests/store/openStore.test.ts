import { describe, expect, it } from 'vitest';
import { defaultStoreChoice, describeStore, openStore } from '../../src/store/openStore.js';
import { StoreError } from '../../src/store/StoreError.js';

const neo4j = { uri: 'neo4j://localhost:7687', username: 'neo4j', password: 'secret', database: undefined };

describe('openStore', () => {
  it('chooses Neo4j when NEO4J_URI is set and the embedded store otherwise', () => {
    expect(defaultStoreChoice({ neo4j })).toBe('neo4j');
    expect(defaultStoreChoice({ neo4j: null })).toBe('embedded');
  });

  it('says which store, and never the password', () => {
    expect(describeStore({ dataDir: '/d', neo4j: null })).toEqual({ store: 'embedded (LadybugDB)', dataDir: '/d' });
    const described = JSON.stringify(describeStore({ dataDir: '/d', neo4j }));
    expect(described).toContain('neo4j://localhost:7687');
    expect(described).not.toContain('secret');
  });

  it('refuses Neo4j without NEO4J_URI, saying what to set', async () => {
    const opening = openStore({ dataDir: '/unused', neo4j: null }, 'neo4j');
    await expect(opening).rejects.toBeInstanceOf(StoreError);
    await expect(opening).rejects.toThrow(/NEO4J_URI/);
  });
});
