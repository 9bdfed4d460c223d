import { GraphQLError } from 'graphql';

/** Every error code a client can see in `extensions.code`. */
export const ErrorCode = {
  /** An argument is malformed or out of range; the message names it and the fix. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** A region, practice, system or report named in the arguments does not exist. */
  NOT_FOUND: 'NOT_FOUND',
  /** The query is deeper or costlier than the server allows. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** The graph store is unreachable or busy; retrying later may help. */
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
  /** Anything else: the details are in the server log, never in the response. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export function badInput(argument: string, message: string): GraphQLError {
  return apiError(ErrorCode.BAD_USER_INPUT, `${argument}: ${message}`, { argument });
}
