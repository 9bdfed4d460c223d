import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import depthLimit from 'graphql-depth-limit';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
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

/**
 * Refuses an operation that selects more than `maxCost` fields. It runs once the operation is
 * known, with the request's variables: as a validation rule it would see no variables, and would
 * refuse every operation that declares a required one (query ($text: String!) …).
 */
function costLimit(maxCost: number): ApolloServerPlugin<ApiContext> {
  const estimators = [simpleEstimator({ defaultComplexity: 1 })];
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = getComplexity({ schema, query: document, variables: request.variables ?? {}, estimators, ...(request.operationName ? { operationName: request.operationName } : {}) });
          } catch {
            // Variables that do not fit the operation: execution refuses them with its own message.
            return;
          }
          if (cost > maxCost) {
            throw new GraphQLError(`the query costs ${cost}, more than the ${maxCost} allowed; select fewer fields or split it`, {
              extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/** The Apollo server: schema-first SDL, our resolvers, depth and cost limits, masked errors. */
export function createServer(options: CreateServerOptions): ApolloServer<ApiContext> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const depthRule = depthLimit(limits.maxDepth, {}, () => undefined);
  return new ApolloServer<ApiContext>({
    typeDefs: options.typeDefs,
    resolvers: resolvers as never,
    validationRules: [depthRule],
    formatError: createErrorFormatter(options.logger),
    includeStacktraceInErrorResponses: false,
    plugins: [costLimit(limits.maxCost), ...(options.plugins ?? [])],
  });
}
