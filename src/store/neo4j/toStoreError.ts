import neo4j from 'neo4j-driver';
import { StoreError } from '../StoreError.js';

/** Where the error happened: the server and database, and the query (or step) that failed. */
export interface Neo4jErrorContext {
  uri: string;
  database: string | undefined;
  /** Catalogue query name, or a step such as `connect` or `schema`. */
  query: string;
}

/** True for an error the driver raised (connection, protocol, or a status the server sent). */
export function isDriverError(error: unknown): error is InstanceType<typeof neo4j.Neo4jError> {
  return error instanceof neo4j.Neo4jError;
}

/**
 * The one place Neo4j errors become StoreErrors, classified by the driver's error code:
 * - ServiceUnavailable, SessionExpired (no server, lost leader), Neo.TransientError.* (deadlock,
 *   leader switch, database starting) and an expired authorization: retriable — the driver already
 *   retried them inside executeRead/executeWrite, and a later request may succeed;
 * - bad credentials, a missing database: UNAVAILABLE, not retriable, naming the setting to fix;
 * - a schema statement refused: SCHEMA; a constraint violated or a query refused: QUERY_FAILED.
 * Anything that is not a driver error becomes QUERY_FAILED with the original as its cause.
 */
export function toStoreError(error: unknown, context: Neo4jErrorContext): StoreError {
  if (error instanceof StoreError) return error;
  const where = `Neo4j at ${context.uri}${context.database ? ` (database ${context.database})` : ''}`;
  const make = (message: string, code: StoreError['code'], retriable: boolean) => new StoreError(message, code, retriable, context.query, { cause: error });
  if (!isDriverError(error)) return make(`query ${context.query} failed on ${where}: ${(error as Error)?.message ?? String(error)}`, 'QUERY_FAILED', false);
  const code = error.code;
  const detail = `${error.message} [${code}]`;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return make(`${where} is unreachable (${detail}); is it running, and is NEO4J_URI right (bolt:// or neo4j:// with the Bolt port, 7687 by default)?`, 'UNAVAILABLE', true);
  }
  if (code.startsWith('Neo.TransientError.')) {
    const locked = /Deadlock|Lock/.test(code);
    return make(`query ${context.query} failed for now on ${where}: ${detail}`, locked ? 'LOCKED' : 'UNAVAILABLE', true);
  }
  if (code === 'Neo.ClientError.Security.AuthorizationExpired') return make(`${where}: ${detail}`, 'UNAVAILABLE', true);
  if (code.startsWith('Neo.ClientError.Security.')) {
    return make(`${where} refused the credentials (${detail}); check NEO4J_USERNAME and NEO4J_PASSWORD`, 'UNAVAILABLE', false);
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return make(`${where}: no such database (${detail}); check NEO4J_DATABASE`, 'UNAVAILABLE', false);
  }
  if (code.startsWith('Neo.ClientError.Schema.') && code !== 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return make(`schema statement refused by ${where}: ${detail}`, 'SCHEMA', false);
  }
  return make(`query ${context.query} failed on ${where}: ${detail}`, 'QUERY_FAILED', false);
}
