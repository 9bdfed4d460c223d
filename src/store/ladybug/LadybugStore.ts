import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { CatalogueQuery } from '../catalogue.js';
import { cypherFor, schema } from '../catalogue.js';
import type { GraphStore, WriteTransaction } from '../GraphStore.js';
import { StoreError } from '../StoreError.js';
import { isEmptyBatch, normaliseParams, splitByShape, toPlain, type Param } from './normaliseParams.js';

type Lbug = typeof import('@ladybugdb/core');
type Connection = InstanceType<Lbug['Connection']>;
type Database = InstanceType<Lbug['Database']>;
type PreparedStatement = Awaited<ReturnType<Connection['prepare']>>;

/**
 * Loads LadybugDB. Its install script copies the native binary from the platform package into
 * place; when install scripts were skipped (`--ignore-scripts`) the platform package itself
 * exports the same API, so fall back to it.
 */
function loadLadybug(): Lbug {
  const require = createRequire(import.meta.url);
  try {
    return require('@ladybugdb/core') as Lbug;
  } catch (first) {
    try {
      return require(`@ladybugdb/core-${process.platform}-${process.arch}`) as Lbug;
    } catch {
      throw new StoreError(
        `LadybugDB cannot be loaded on ${process.platform}-${process.arch}: ${(first as Error).message}. Run \`npm ci\` (with install scripts enabled).`,
        'UNAVAILABLE',
        false,
      );
    }
  }
}

export interface LadybugStoreOptions {
  /** Directory that holds the database file (created if missing). */
  dataDir: string;
  /** Read connections kept open for parallel reads. Default 2. */
  readConnections?: number;
}

/** The file inside the data directory that holds the graph. */
export const DATABASE_FILE = 'graph.lbug';

/**
 * The embedded store: LadybugDB in-process. One write connection, used by one transaction at a
 * time (LadybugDB allows one writer; later writers queue here), and a few read connections.
 */
export class LadybugStore implements GraphStore {
  readonly kind = 'ladybug' as const;
  #queryCount = 0;
  #writeQueue: Promise<unknown> = Promise.resolve();
  #nextReader = 0;
  readonly #prepared = new Map<Connection, Map<string, PreparedStatement>>();

  private constructor(
    private readonly db: Database,
    private readonly writer: Connection,
    private readonly readers: Connection[],
  ) {}

  /** Opens (creating if needed) the database in `dataDir` and its schema. */
  static async open(options: LadybugStoreOptions): Promise<LadybugStore> {
    const lbug = loadLadybug();
    try {
      await mkdir(options.dataDir, { recursive: true });
    } catch (error) {
      throw new StoreError(`cannot create the data directory ${options.dataDir}: ${(error as Error).message}; set KG_DATA_DIR to a writable directory`, 'UNAVAILABLE', false);
    }
    const path = join(options.dataDir, DATABASE_FILE);
    const db = new lbug.Database(path);
    try {
      await db.init();
    } catch (error) {
      const message = (error as Error).message;
      const locked = /lock/i.test(message);
      const wal = /wal/i.test(message);
      throw new StoreError(
        locked
          ? `the embedded store at ${path} is in use by another process (is \`npm start\` running?); stop it, or point KG_DATA_DIR elsewhere`
          : wal
            ? `the embedded store at ${path} has an unreadable write-ahead log (${message}); move ${path}.wal aside to open the store as of its last checkpoint, then re-ingest the reports loaded since`
            : `cannot open the embedded store at ${path}: ${message}`,
        locked ? 'LOCKED' : 'UNAVAILABLE',
        locked,
        undefined,
        { cause: error },
      );
    }
    const connect = async () => {
      const c = new lbug.Connection(db);
      await c.init();
      return c;
    };
    const writer = await connect();
    const readers = await Promise.all(Array.from({ length: options.readConnections ?? 2 }, connect));
    const store = new LadybugStore(db, writer, readers);
    for (const statement of schema.ladybug) await store.#execute(writer, 'schema', statement, {});
    // LadybugDB: after a schema change on an existing store (ALTER TABLE … ADD), the first write
    // transaction's checkpoint fails ("Error renaming file ….wal to ….wal.checkpoint") unless the
    // schema change was checkpointed on its own first.
    await store.#execute(writer, 'CHECKPOINT', 'CHECKPOINT', {});
    return store;
  }

  get queryCount(): number {
    return this.#queryCount;
  }

  async read<P extends object, Row extends object>(query: CatalogueQuery<P, Row>, params: P): Promise<Row[]> {
    if (query.mode !== 'read') throw new StoreError(`${query.name} is a write query; run it in writeTransaction`, 'BAD_PARAMS', false, query.name);
    const reader = this.readers[this.#nextReader++ % this.readers.length] ?? this.writer;
    this.#queryCount++;
    return (await this.#execute(reader, query.name, cypherFor(query, 'ladybug'), normaliseReadParams(params))) as Row[];
  }

  async writeTransaction<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      await this.#execute(this.writer, 'BEGIN', 'BEGIN TRANSACTION', {});
      const tx: WriteTransaction = {
        run: async <P extends object, Row extends object>(query: CatalogueQuery<P, Row>, params: P): Promise<Row[]> => {
          this.#queryCount++;
          const normalised = normaliseParams(params);
          if (isEmptyBatch(normalised)) return [];
          const rows: Row[] = [];
          for (const batch of splitByShape(normalised)) rows.push(...((await this.#execute(this.writer, query.name, cypherFor(query, 'ladybug'), batch)) as Row[]));
          return rows;
        },
      };
      try {
        const result = await work(tx);
        await this.#execute(this.writer, 'COMMIT', 'COMMIT', {});
        // Fold the write-ahead log into the database file now. LadybugDB 0.19 cannot replay a log
        // that holds a string value of 4 KiB or more (a report's text always is): a process
        // that dies before closing leaves a store that refuses to open ("Corrupted wal file"),
        // losing every report (tests/store/durability.int.test.ts). Costs ~0.5 s per report.
        await this.#execute(this.writer, 'CHECKPOINT', 'CHECKPOINT', {});
        return result;
      } catch (error) {
        // A failed statement has already aborted the transaction; ROLLBACK then finds none.
        await this.writer.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    };
    const next = this.#writeQueue.then(run, run);
    this.#writeQueue = next.catch(() => undefined);
    return next;
  }

  async #execute(connection: Connection, name: string, cypher: string, params: Record<string, Param>): Promise<object[]> {
    try {
      if (Object.keys(params).length === 0 && !cypher.includes('$')) {
        return await collect(await connection.query(cypher));
      }
      let cache = this.#prepared.get(connection);
      if (!cache) this.#prepared.set(connection, (cache = new Map()));
      let statement = cache.get(cypher);
      if (!statement) {
        statement = await connection.prepare(cypher);
        if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
        cache.set(cypher, statement);
      }
      return await collect(await connection.execute(statement, params as never));
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError(`query ${name} failed on the embedded store: ${(error as Error).message}`, 'QUERY_FAILED', false, name, { cause: error });
    }
  }

  async close(): Promise<void> {
    await this.#writeQueue;
    for (const c of [...this.readers, this.writer]) await c.close();
    await this.db.close();
  }
}

/**
 * Read parameters: normalised like writes; an empty list (which LadybugDB cannot bind) becomes a
 * list holding one string no key can equal, so `x IN $list` stays false as it would for [].
 */
function normaliseReadParams(params: object): Record<string, Param> {
  const out = normaliseParams(params);
  for (const [key, value] of Object.entries(out)) if (Array.isArray(value) && value.length === 0) out[key] = ['\u0000'];
  return out;
}

async function collect(result: unknown): Promise<object[]> {
  const results = (Array.isArray(result) ? result : [result]) as { getAll(): Promise<object[]> }[];
  const rows: object[] = [];
  for (const r of results) rows.push(...((await r.getAll()).map((row) => toPlain(row) as object)));
  return rows;
}
