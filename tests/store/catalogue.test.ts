/**
 * The catalogue as the Neo4j adapter and the linter see it: every query is listed (so that
 * `npm run lint:cypher` lints it), and the write path sends integers exactly where the catalogue
 * declares them (neo4j-driver would otherwise store every JS number as a float).
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { ingestReports } from '../../src/ingest/ingestReports.js';
import { loadTaxonomy } from '../../src/ingest/loadTaxonomy.js';
import * as q from '../../src/store/catalogue.js';
import type { GraphStore, WriteTransaction } from '../../src/store/GraphStore.js';
import { toNeo4jParams } from '../../src/store/neo4j/neo4jValues.js';
import { SEED_DIR } from '../helpers/seedGraph.js';

const isQuery = (v: unknown): v is q.CatalogueQuery<object, object> =>
  typeof v === 'object' && v !== null && 'name' in v && 'mode' in v && 'cypher' in v && 'params' in v;

describe('catalogue', () => {
  it('lists every query it exports, once, so the linter sees each', () => {
    const exported = Object.values(q).filter(isQuery);
    expect(exported.length).toBeGreaterThan(40);
    expect(new Set(q.catalogue)).toEqual(new Set(exported));
    const names = q.catalogue.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('declares as integers only parameters or row fields a query takes', () => {
    for (const entry of q.catalogue) {
      for (const name of entry.integers ?? []) expect(entry.params.includes(name as never) || entry.params.includes('rows' as never), `${entry.name}.${name}`).toBe(true);
    }
  });
});

/** Records the queries and parameters the write path sends, without a database behind it. */
function recordWrites(): { store: GraphStore; calls: { query: q.CatalogueQuery<object, object>; params: object }[] } {
  const calls: { query: q.CatalogueQuery<object, object>; params: object }[] = [];
  const tx: WriteTransaction = {
    run: async (query, params) => {
      calls.push({ query: query as unknown as q.CatalogueQuery<object, object>, params });
      return [];
    },
  };
  const store: GraphStore = {
    kind: 'neo4j',
    queryCount: 0,
    read: () => Promise.reject(new Error('the write path does not read outside its transaction')),
    writeTransaction: (work) => work(tx),
    close: async () => {},
  };
  return { store, calls };
}

/** `query.field` of every number in the converted parameters, split by how it would be sent. */
function numberFields(query: q.CatalogueQuery<object, object>, params: object): { integers: Set<string>; floats: Set<string> } {
  const integers = new Set<string>();
  const floats = new Set<string>();
  const walk = (value: unknown, field: string) => {
    if (neo4j.isInt(value)) integers.add(`${query.name}.${field}`);
    else if (typeof value === 'number') floats.add(`${query.name}.${field}`);
    else if (Array.isArray(value)) for (const v of value) walk(v, field);
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  for (const [k, v] of Object.entries(toNeo4jParams(query, params))) walk(v, k);
  return { integers, floats };
}

describe('integers on the Neo4j write path', () => {
  it('sends every integer property of the five seed reports as an Integer, and only observation values as floats', async () => {
    const { store, calls } = recordWrites();
    const results = await ingestReports(store, await loadTaxonomy(), [SEED_DIR]);
    expect(results.every((r) => r.ok)).toBe(true);
    const integers = new Set<string>();
    const floats = new Set<string>();
    for (const { query, params } of calls) {
      const fields = numberFields(query, params);
      for (const f of fields.integers) integers.add(f);
      for (const f of fields.floats) floats.add(f);
    }
    expect([...floats]).toEqual(['createObservations.value']);
    const declared = calls.filter((c) => !(Array.isArray((c.params as { rows?: unknown[] }).rows) && (c.params as { rows: unknown[] }).rows.length === 0));
    const expected = new Set(declared.flatMap(({ query }) => (query.integers ?? []).map((f) => `${query.name}.${f}`)));
    expect([...integers].sort()).toEqual([...expected].sort());
  });
});
