import { describe, expect, it } from 'vitest';
import { isEmptyBatch, normaliseParams, splitByShape, toPlain } from '../../src/store/ladybug/normaliseParams.js';

describe('normaliseParams', () => {
  it('gives every row of a list the same keys in one sorted order', () => {
    const { rows } = normaliseParams({ rows: [{ b: 1, a: 'x' }, { a: 'y', b: 2 }] });
    expect((rows as object[]).map((r) => Object.keys(r))).toEqual([['a', 'b'], ['a', 'b']]);
  });

  it('fills a key missing in some rows with null', () => {
    const { rows } = normaliseParams({ rows: [{ a: 1 }, { a: 2, b: 'z' }] });
    expect(rows).toEqual([{ a: 1, b: null }, { a: 2, b: 'z' }]);
  });

  it('turns BigInt into number, 0n included', () => {
    expect(normaliseParams({ n: 0n, rows: [{ x: 12n }] })).toEqual({ n: 0, rows: [{ x: 12 }] });
  });

  it('passes a Date as its ISO string, keeping the time', () => {
    expect(normaliseParams({ at: new Date('2024-01-31T08:30:00Z') })).toEqual({ at: '2024-01-31T08:30:00.000Z' });
  });

  it('turns undefined into null', () => {
    expect(normaliseParams({ a: undefined, rows: [{ b: undefined }] })).toEqual({ a: null, rows: [{ b: null }] });
  });
});

describe('splitByShape', () => {
  it('puts integer and float values of one field in separate batches', () => {
    const batches = splitByShape(normaliseParams({ rows: [{ v: 100 }, { v: 97.8 }, { v: 95 }] }));
    expect(batches.map((b) => b.rows)).toEqual([[{ v: 100 }, { v: 95 }], [{ v: 97.8 }]]);
  });

  it('separates null from string values and keeps other params in every batch', () => {
    const batches = splitByShape(normaliseParams({ id: 'r1', rows: [{ s: null }, { s: 'x' }] }));
    expect(batches).toEqual([{ id: 'r1', rows: [{ s: null }] }, { id: 'r1', rows: [{ s: 'x' }] }]);
  });

  it('leaves params without rows as one batch', () => {
    expect(splitByShape({ id: 'x' })).toEqual([{ id: 'x' }]);
  });
});

describe('isEmptyBatch and toPlain', () => {
  it('knows an empty rows list', () => {
    expect(isEmptyBatch({ rows: [] })).toBe(true);
    expect(isEmptyBatch({ rows: [{}] })).toBe(false);
    expect(isEmptyBatch({ id: 'x' })).toBe(false);
  });

  it('converts BigInt results (sum) to numbers, nested too', () => {
    expect(toPlain({ s: 3n, list: [1n], m: { x: 2n } })).toEqual({ s: 3, list: [1], m: { x: 2 } });
  });
});
