/** Why a file was refused. Each code comes with a message naming the file and what to do. */
export type InputErrorCode = 'NOT_FOUND' | 'EMPTY' | 'BINARY' | 'ENCODING' | 'TOO_LARGE' | 'MISSING_METADATA' | 'UNREADABLE';

/** A report file that cannot be ingested. Nothing is written to the store for it. */
export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'InputError';
  }
}
