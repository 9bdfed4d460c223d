import type { CatalogueQuery } from './catalogue.js';

/** Runs catalogue queries inside one write transaction. */
export interface WriteTransaction {
  run<P extends object, Row extends object>(query: CatalogueQuery<P, Row>, params: P): Promise<Row[]>;
}

/**
 * The store port: the only way the rest of the product touches the graph. Adapters execute
 * catalogue entries (never other Cypher) and return plain JS values (numbers, strings, booleans,
 * null — no driver Integers or BigInts).
 */
export interface GraphStore {
  /** Which adapter this is, for logs and tests. */
  readonly kind: 'ladybug' | 'neo4j';
  /** Runs a read query. */
  read<P extends object, Row extends object>(query: CatalogueQuery<P, Row>, params: P): Promise<Row[]>;
  /**
   * Runs `work` in one write transaction: all of it is committed, or none of it (the
   * transaction is rolled back when `work` throws, and the error is rethrown).
   */
  writeTransaction<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T>;
  /** Number of catalogue queries executed so far (for tests of round-trips per request). */
  readonly queryCount: number;
  close(): Promise<void>;
}
