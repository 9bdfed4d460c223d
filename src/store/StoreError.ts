/** The one error type stores raise: what failed, which query, and whether retrying may help. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly code: 'UNAVAILABLE' | 'LOCKED' | 'QUERY_FAILED' | 'BAD_PARAMS' | 'SCHEMA',
    readonly retriable: boolean,
    readonly query?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}
