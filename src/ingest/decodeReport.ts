import { InputError } from './InputError.js';

/** Reports larger than this are refused: a single report is tens of kilobytes, not megabytes. */
export const MAX_REPORT_BYTES = 5 * 1024 * 1024;

/**
 * Bytes of a report file → text. Accepts UTF-8 (with or without BOM), UTF-16 with BOM, and
 * GBK/GB18030 (common on older government sites). Refuses empty files, binary files (NUL bytes
 * or control characters: PDF, Word, images) and text that is neither valid UTF-8 nor GB18030.
 */
export function decodeReport(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new InputError('EMPTY', file, 'the file is empty; pass a report saved as text or HTML');
  if (bytes.length > MAX_REPORT_BYTES) {
    throw new InputError('TOO_LARGE', file, `the file has ${bytes.length} bytes, more than the ${MAX_REPORT_BYTES} a report may have; split it into one file per report`);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (looksBinary(bytes)) {
    throw new InputError('BINARY', file, 'the file is binary (e.g. PDF, Word or an image), not text; save the report as plain text or HTML first');
  }
  const text = decodeAs('utf-8', bytes) ?? decodeAs('gb18030', bytes);
  if (text === null) {
    throw new InputError('ENCODING', file, 'the bytes are neither UTF-8 nor GBK/GB18030; re-save the file as UTF-8');
  }
  if (text.replace(/^\uFEFF/, '').trim().length === 0) throw new InputError('EMPTY', file, 'the file holds only whitespace; pass a report with text');
  return text.replace(/^\uFEFF/, '');
}

function decodeAs(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** NUL bytes, or many C0 control characters other than tab/newline/return/form feed. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control > sample.length * 0.02;
}
