/**
 * Values across the Neo4j boundary. neo4j-driver sends every JS number as a FLOAT, so integer
 * properties (year, offsets, area, PolicyArea.id …) would be stored as floats and fail to equal
 * stored integers; it returns integers as its own `Integer` type. Parameters go in with the
 * integers the catalogue names (`CatalogueQuery.integers`) as `neo4j.int`, and rows come out with
 * every Integer as a JS number, so the rest of the product sees plain values only.
 */
import neo4j, { type Integer } from 'neo4j-driver';
import type { CatalogueQuery } from '../catalogue.js';
import { StoreError } from '../StoreError.js';

export type Neo4jParam = null | boolean | number | string | Integer | Neo4jParam[] | { [key: string]: Neo4jParam };

/** What conversion needs of a catalogue query: its name and integer parameters. */
type QueryInfo = Pick<CatalogueQuery<object, object>, 'name'> & { readonly integers?: readonly string[] };

/**
 * Parameters for the driver. A number whose name is in `query.integers` — a parameter, or a field
 * of the maps in a list parameter (`rows`) — becomes a `neo4j.int` and must be a safe integer;
 * every other number stays a float. A list declared integer holds integers. BigInt becomes an
 * Integer, a Date its ISO string, undefined null.
 */
export function toNeo4jParams(query: QueryInfo, params: object): Record<string, Neo4jParam> {
  const integers = new Set<string>(query.integers ?? []);
  const convert = (value: unknown, integer: boolean, path: string): Neo4jParam => {
    if (value === undefined || value === null) return null;
    if (typeof value === 'number') {
      if (!integer) return value;
      if (!Number.isSafeInteger(value)) {
        throw new StoreError(`query ${query.name}: parameter ${path} must be an integer, not ${value}`, 'BAD_PARAMS', false, query.name);
      }
      return neo4j.int(value);
    }
    if (typeof value === 'bigint') return neo4j.int(value);
    if (typeof value === 'string' || typeof value === 'boolean') return value;
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map((v, i) => convert(v, integer, `${path}[${i}]`));
    if (typeof value === 'object') {
      const out: Record<string, Neo4jParam> = {};
      for (const [k, v] of Object.entries(value)) out[k] = convert(v, integers.has(k), `${path}.${k}`);
      return out;
    }
    throw new StoreError(`query ${query.name}: parameter ${path} has type ${typeof value}, which cannot be sent`, 'BAD_PARAMS', false, query.name);
  };
  const out: Record<string, Neo4jParam> = {};
  for (const [k, v] of Object.entries(params)) out[k] = convert(v, integers.has(k), k);
  return out;
}

/**
 * A value the driver returned, as a plain JS value: Integer → number (refusing one beyond
 * ±2^53, which a number cannot hold), lists and maps converted throughout. Catalogue queries
 * return scalars, lists and maps only; a node, relationship or temporal value is refused.
 */
export function fromNeo4jValue(value: unknown, queryName: string): unknown {
  if (neo4j.isInt(value)) {
    if (!value.inSafeRange()) throw new StoreError(`query ${queryName} returned the integer ${value.toString()}, beyond what a JS number holds`, 'QUERY_FAILED', false, queryName);
    return value.toNumber();
  }
  if (typeof value === 'bigint') return fromNeo4jValue(neo4j.int(value), queryName);
  if (Array.isArray(value)) return value.map((v) => fromNeo4jValue(v, queryName));
  if (typeof value === 'object' && value !== null) {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      throw new StoreError(`query ${queryName} returned a ${value.constructor.name}; catalogue queries return plain values`, 'QUERY_FAILED', false, queryName);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = fromNeo4jValue(v, queryName);
    return out;
  }
  return value;
}

/** A record's fields (`record.toObject()`) as a plain row. */
export function fromNeo4jRow(fields: Record<string, unknown>, queryName: string): Record<string, unknown> {
  return fromNeo4jValue(fields, queryName) as Record<string, unknown>;
}
