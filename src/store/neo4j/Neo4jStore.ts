import neo4j, { type BookmarkManager, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { cypherFor, schema, type CatalogueQuery } from '../catalogue.js';
import type { GraphStore, WriteTransaction } from '../GraphStore.js';
import { StoreError } from '../StoreError.js';
import { fromNeo4jRow, toNeo4jParams } from './neo4jValues.js';
import { isDriverError, toStoreError } from './toStoreError.js';

export interface Neo4jStoreOptions {
  /** neo4j:// (routing: a cluster or Aura), bolt:// (one server), or their +s / +ssc forms. */
  uri: string;
  username: string;
  password: string;
  /** Database name; the server's default (home) database when undefined. */
  database: string | undefined;
  /** How long to wait for a connection, in ms (driver default 30 s). */
  connectionTimeoutMs?: number;
}

/** Sent with every transaction, so that the server's query log says where a query came from. */
const APP = 'rule-of-law-kg';

/**
 * The Neo4j store (neo4j-driver 6). Reads run in `executeRead` (in a cluster they go to
 * followers), writes in `executeWrite` (the leader); both retry transient errors (deadlocks,
 * leader switches, a server restarting) within the driver's retry time. All sessions share one
 * bookmark manager, so a read sees every write this process committed before it, on any member.
 */
export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  #queryCount = 0;
  readonly #bookmarks: BookmarkManager = neo4j.bookmarkManager();

  private constructor(
    private readonly driver: Driver,
    private readonly options: Neo4jStoreOptions,
  ) {}

  /**
   * Connects, checks the server and database answer, and creates the constraints and indexes
   * (`schema.neo4j`: each idempotent). The driver is closed again when any of this fails.
   */
  static async open(options: Neo4jStoreOptions): Promise<Neo4jStore> {
    const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.username, options.password), {
      userAgent: `${APP}/neo4j-driver`,
      ...(options.connectionTimeoutMs ? { connectionTimeout: options.connectionTimeoutMs } : {}),
    });
    const store = new Neo4jStore(driver, options);
    let step = 'connect';
    try {
      await driver.verifyConnectivity(options.database ? { database: options.database } : {});
      step = 'schema';
      const session = store.#session('WRITE');
      try {
        for (const statement of schema.neo4j) await session.executeWrite((tx) => tx.run(statement), { metadata: { app: APP, step } });
      } finally {
        await session.close();
      }
      return store;
    } catch (error) {
      await driver.close().catch(() => undefined);
      throw store.#error(error, step);
    }
  }

  get queryCount(): number {
    return this.#queryCount;
  }

  async read<P extends object, Row extends object>(query: CatalogueQuery<P, Row>, params: P): Promise<Row[]> {
    if (query.mode !== 'read') throw new StoreError(`${query.name} is a write query; run it in writeTransaction`, 'BAD_PARAMS', false, query.name);
    this.#queryCount++;
    const session = this.#session('READ');
    try {
      return await session.executeRead((tx) => this.#run(tx, query, params), { metadata: { app: APP, query: query.name } });
    } catch (error) {
      throw this.#error(error, query.name);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs `work` in one write transaction. On a transient error the driver rolls back and runs
   * `work` again (so `work` must do nothing outside the transaction it is given); on any other
   * error the transaction is rolled back and the error rethrown — a driver error as a StoreError
   * naming the query that failed, any other error as it was.
   */
  async writeTransaction<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    // Driver errors cross executeWrite untouched, so that it can recognise and retry transient
    // ones; `current` remembers which query failed, for the message.
    let current = 'writeTransaction';
    const session = this.#session('WRITE');
    try {
      return await session.executeWrite(
        (tx) =>
          work({
            run: async <P extends object, Row extends object>(query: CatalogueQuery<P, Row>, params: P): Promise<Row[]> => {
              this.#queryCount++;
              current = query.name;
              // An empty batch writes nothing: skip the round-trip (as the embedded store does).
              const rows = (params as { rows?: unknown }).rows;
              if (Array.isArray(rows) && rows.length === 0) return [];
              return this.#run(tx, query, params);
            },
          }),
        { metadata: { app: APP, step: 'writeTransaction' } },
      );
    } catch (error) {
      throw isDriverError(error) ? this.#error(error, current) : error;
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  async #run<P extends object, Row extends object>(tx: ManagedTransaction, query: CatalogueQuery<P, Row>, params: P): Promise<Row[]> {
    const result = await tx.run(cypherFor(query, 'neo4j'), toNeo4jParams(query, params));
    return result.records.map((record) => fromNeo4jRow(record.toObject(), query.name) as Row);
  }

  #session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.#bookmarks,
      ...(this.options.database ? { database: this.options.database } : {}),
    });
  }

  #error(error: unknown, query: string): StoreError {
    return toStoreError(error, { uri: this.options.uri, database: this.options.database, query });
  }
}
