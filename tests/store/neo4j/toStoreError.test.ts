import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toStoreError } from '../../../src/store/neo4j/toStoreError.js';
import { StoreError } from '../../../src/store/StoreError.js';

const context = { uri: 'neo4j://db.example:7687', database: 'neo4j', query: 'regionFacts' };
const driverError = (code: string) => new neo4j.Neo4jError(`server said ${code}`, code as never, '50N42', 'general processing exception');

describe('toStoreError', () => {
  it.each([
    ['ServiceUnavailable', 'UNAVAILABLE', true],
    ['SessionExpired', 'UNAVAILABLE', true],
    ['Neo.TransientError.Transaction.DeadlockDetected', 'LOCKED', true],
    ['Neo.TransientError.Transaction.LockClientStopped', 'LOCKED', true],
    ['Neo.TransientError.General.DatabaseUnavailable', 'UNAVAILABLE', true],
    ['Neo.TransientError.Cluster.NotALeader', 'UNAVAILABLE', true],
    ['Neo.ClientError.Security.AuthorizationExpired', 'UNAVAILABLE', true],
    ['Neo.ClientError.Security.Unauthorized', 'UNAVAILABLE', false],
    ['Neo.ClientError.Database.DatabaseNotFound', 'UNAVAILABLE', false],
    ['Neo.ClientError.Schema.ConstraintValidationFailed', 'QUERY_FAILED', false],
    ['Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists', 'SCHEMA', false],
    ['Neo.ClientError.Statement.SyntaxError', 'QUERY_FAILED', false],
    ['Neo.DatabaseError.General.UnknownError', 'QUERY_FAILED', false],
  ] as const)('classifies %s as %s, retriable %s', (code, storeCode, retriable) => {
    const error = toStoreError(driverError(code), context);
    expect(error).toBeInstanceOf(StoreError);
    expect(error.code).toBe(storeCode);
    expect(error.retriable).toBe(retriable);
    expect(error.query).toBe('regionFacts');
    expect(error.message).toContain(code);
  });

  it('names the URI and database of a server it cannot reach', () => {
    expect(toStoreError(driverError('ServiceUnavailable'), context).message).toContain('Neo4j at neo4j://db.example:7687 (database neo4j) is unreachable');
  });

  it('names the settings to fix for refused credentials and a missing database', () => {
    expect(toStoreError(driverError('Neo.ClientError.Security.Unauthorized'), context).message).toContain('NEO4J_USERNAME and NEO4J_PASSWORD');
    expect(toStoreError(driverError('Neo.ClientError.Database.DatabaseNotFound'), context).message).toContain('NEO4J_DATABASE');
  });

  it('keeps a StoreError as it is and wraps any other error as QUERY_FAILED with its cause', () => {
    const own = new StoreError('bad', 'BAD_PARAMS', false, 'x');
    expect(toStoreError(own, context)).toBe(own);
    const other = new TypeError('oops');
    const wrapped = toStoreError(other, context);
    expect(wrapped.code).toBe('QUERY_FAILED');
    expect(wrapped.retriable).toBe(false);
    expect(wrapped.cause).toBe(other);
  });
});
