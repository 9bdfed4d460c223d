import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import depthLimit from 'graphql-depth-limit';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { createComplexityRule, simpleEstimator } from 'graphql-query-complexity';
import type { Logger } from 'pino';
import { StoreError } from '../store/StoreError.js';
import type { ApiContext } from './context.js';
import { ErrorCode } from './errors.js';
import { resolvers } from './resolvers.js';

export interface ApiLimits {
  /** Deepest selection nesting allowed. */
  maxDepth: number;
  /** Most fields (each field costs 1) one operation may select. */
  maxCost: number;
}

export const DEFAULT_LIMITS: ApiLimits = { maxDepth: 10, maxCost: 5000 };

export interface CreateServerOptions {
  typeDefs: string;
  logger: Logger;
  limits?: ApiLimits;
  plugins?: ApolloServerPlugin<ApiContext>[];
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Errors out: ours and GraphQL's own (syntax, validation) pass with their code; a store that is
 * down becomes STORE_UNAVAILABLE; anything else is masked as INTERNAL_SERVER_ERROR and logged
 * with its stack, never shown to the client.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    if (/exceeds maximum operation depth/.test(formatted.message)) {
      return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.QUERY_TOO_COMPLEX } };
    }
    if (original instanceof StoreError) {
      logger.error({ err: original, query: original.query }, 'store error');
      if (original.retriable || original.code === 'UNAVAILABLE' || original.code === 'LOCKED') {
        return { message: 'the graph store is unavailable; retry shortly', extensions: { code: ErrorCode.STORE_UNAVAILABLE }, ...(formatted.path ? { path: formatted.path } : {}) };
      }
    } else if (typeof code === 'string' && (KNOWN_CODES.has(code) || code.startsWith('GRAPHQL_') || code === 'BAD_REQUEST' || code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'OPERATION_RESOLUTION_FAILURE')) {
      return formatted;
    } else {
      logger.error({ err: original }, 'unexpected error in a resolver');
    }
    return {
      message: 'internal error; it has been logged',
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
    };
  };
}

/** The Apollo server: schema-first SDL, our resolvers, depth and cost limits, masked errors. */
export function createServer(options: CreateServerOptions): ApolloServer<ApiContext> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const costRule = createComplexityRule({
    maximumComplexity: limits.maxCost,
    estimators: [simpleEstimator({ defaultComplexity: 1 })],
    createError: (max, actual) =>
      new GraphQLError(`the query costs ${actual}, more than the ${max} allowed; select fewer fields or split it`, {
        extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, cost: actual, maxCost: max },
      }),
  });
  const depthRule = depthLimit(limits.maxDepth, {}, () => undefined);
  return new ApolloServer<ApiContext>({
    typeDefs: options.typeDefs,
    resolvers: resolvers as never,
    validationRules: [depthRule, costRule],
    formatError: createErrorFormatter(options.logger),
    includeStacktraceInErrorResponses: false,
    plugins: [...(options.plugins ?? [])],
  });
}
