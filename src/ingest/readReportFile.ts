import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { decodeReport, MAX_REPORT_BYTES } from './decodeReport.js';
import { InputError } from './InputError.js';

export interface ReportFile {
  path: string;
  /** Decoded text, before normalisation. */
  raw: string;
  /** sha256 of the file's bytes, hex. */
  sha256: string;
}

/** Reads and decodes one report file; throws InputError naming the file and the reason. */
export async function readReportFile(path: string): Promise<ReportFile> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputError('UNREADABLE', path, 'not a regular file; pass a report file or a directory of them');
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError('NOT_FOUND', path, 'no such file; check the path');
  }
  if (size > MAX_REPORT_BYTES) {
    throw new InputError('TOO_LARGE', path, `the file has ${size} bytes, more than the ${MAX_REPORT_BYTES} a report may have; split it into one file per report`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new InputError('UNREADABLE', path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); check its permissions`);
  }
  const raw = decodeReport(bytes, path);
  return { path, raw, sha256: createHash('sha256').update(bytes).digest('hex') };
}
