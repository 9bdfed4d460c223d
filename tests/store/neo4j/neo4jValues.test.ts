import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { fromNeo4jRow, toNeo4jParams } from '../../../src/store/neo4j/neo4jValues.js';
import { StoreError } from '../../../src/store/StoreError.js';

const query = { name: 'q', integers: ['year', 'startOffset', 'ids'] };

describe('toNeo4jParams', () => {
  it('sends declared integer parameters as neo4j Integers', () => {
    const out = toNeo4jParams(query, { year: 2023, metric: '出庭应诉率' });
    expect(neo4j.isInt(out.year)).toBe(true);
    expect(neo4j.integer.toNumber(out.year as never)).toBe(2023);
    expect(out.metric).toBe('出庭应诉率');
  });

  it('sends declared fields of rows as Integers and every other number as a float', () => {
    const { rows } = toNeo4jParams(query, { rows: [{ year: 2023, startOffset: 10, value: 100 }, { year: 2022, startOffset: 0, value: 97.8 }] }) as { rows: Record<string, unknown>[] };
    for (const row of rows) {
      expect(neo4j.isInt(row.year)).toBe(true);
      expect(neo4j.isInt(row.startOffset)).toBe(true);
      expect(typeof row.value).toBe('number');
    }
    expect(rows.map((r) => r.value)).toEqual([100, 97.8]);
  });

  it('sends each element of a list declared integer as an Integer', () => {
    const { ids } = toNeo4jParams(query, { ids: [1, 2] }) as { ids: unknown[] };
    expect(ids.every((i) => neo4j.isInt(i))).toBe(true);
  });

  it('refuses a fraction where an integer is declared, naming the parameter', () => {
    expect(() => toNeo4jParams(query, { rows: [{ year: 2023.5 }] })).toThrow(/rows\[0\]\.year must be an integer/);
    let caught: unknown;
    try {
      toNeo4jParams(query, { year: Number.NaN });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StoreError);
    expect(caught).toMatchObject({ code: 'BAD_PARAMS', retriable: false, query: 'q' });
  });

  it('turns BigInt into an Integer, a Date into its ISO string and undefined into null', () => {
    const out = toNeo4jParams(query, { n: 7n, at: new Date('2024-01-31T08:30:00Z'), gone: undefined });
    expect(neo4j.isInt(out.n)).toBe(true);
    expect(out.at).toBe('2024-01-31T08:30:00.000Z');
    expect(out.gone).toBeNull();
  });
});

describe('fromNeo4jRow', () => {
  it('returns Integers as JS numbers, inside lists and maps too', () => {
    const row = fromNeo4jRow({ reports: neo4j.int(5), years: [neo4j.int(2022), neo4j.int(2023)], m: { a: neo4j.int(1) }, value: 97.8, name: '邵阳市', none: null }, 'q');
    expect(row).toEqual({ reports: 5, years: [2022, 2023], m: { a: 1 }, value: 97.8, name: '邵阳市', none: null });
  });

  it('refuses an integer beyond what a JS number holds', () => {
    expect(() => fromNeo4jRow({ n: neo4j.int('9007199254740993') }, 'q')).toThrow(StoreError);
  });

  it('refuses a driver object such as a node: catalogue queries return plain values', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Region'], { code: '430500' }, 'e1');
    expect(() => fromNeo4jRow({ g: node }, 'q')).toThrow(/returned a Node/);
  });
});
