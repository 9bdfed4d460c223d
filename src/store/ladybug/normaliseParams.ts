/**
 * Parameter normalisation for LadybugDB 0.19.1, whose binder has silent bugs (FIELD-NOTES.md):
 * - a list of maps whose keys come in different orders gets values swapped between keys
 *   → every map is rebuilt with its keys in one sorted order;
 * - a key missing in some rows fails → missing keys are filled with null;
 * - a field that is an integer in one row and a float in another fails → rows are split into
 *   batches of one numeric shape each (see `splitByShape`);
 * - BigInt (even 0n) binds as garbage → converted to number;
 * - a JS Date loses its time → passed as an ISO string;
 * - an empty list fails to bind → callers skip empty batches (`isEmptyBatch`).
 */
export type Param = null | boolean | number | string | Param[] | { [key: string]: Param };

export function normaliseValue(value: unknown): Param {
  if (value === undefined || value === null) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return normaliseList(value);
  if (typeof value === 'object') {
    const out: { [key: string]: Param } = {};
    for (const key of Object.keys(value).sort()) out[key] = normaliseValue((value as Record<string, unknown>)[key]);
    return out;
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  throw new TypeError(`cannot bind a parameter of type ${typeof value}`);
}

function isPlainMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** A list of maps gets one key set, sorted, with null where a row lacks a key. */
function normaliseList(list: unknown[]): Param[] {
  if (!list.every(isPlainMap)) return list.map(normaliseValue);
  const keys = [...new Set(list.flatMap((row) => Object.keys(row)))].sort();
  return list.map((row) => {
    const out: { [key: string]: Param } = {};
    for (const key of keys) out[key] = normaliseValue(row[key]);
    return out;
  });
}

export function normaliseParams(params: object): Record<string, Param> {
  const out: Record<string, Param> = {};
  for (const [key, value] of Object.entries(params)) out[key] = normaliseValue(value);
  return out;
}

/** The numeric shape of a row: for each number field, whether it is an integer. */
function shapeOf(row: Param): string {
  if (!isPlainMap(row)) return typeof row;
  return Object.entries(row)
    .map(([k, v]) => `${k}:${typeof v === 'number' ? (Number.isInteger(v) ? 'i' : 'f') : v === null ? 'n' : typeof v}`)
    .join(',');
}

/**
 * Splits the `rows` list parameter into batches whose rows share one shape (integers where
 * integers, floats where floats, nulls where nulls), so each batch binds to one struct type.
 * Other parameters are copied into every batch. Without a `rows` list, returns the params as is.
 */
export function splitByShape(params: Record<string, Param>): Record<string, Param>[] {
  const rows = params.rows;
  if (!Array.isArray(rows)) return [params];
  const groups = new Map<string, Param[]>();
  for (const row of rows) {
    const shape = shapeOf(row);
    groups.set(shape, [...(groups.get(shape) ?? []), row]);
  }
  return [...groups.values()].map((group) => ({ ...params, rows: group }));
}

/** True when a write's `rows` list is empty: nothing to do, and LadybugDB cannot bind []. */
export function isEmptyBatch(params: Record<string, Param>): boolean {
  return Array.isArray(params.rows) && params.rows.length === 0;
}

/** Plain JS values out: BigInt (sum, count on some versions) → number; nested values too. */
export function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  return value;
}
