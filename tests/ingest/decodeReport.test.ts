import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeReport } from '../../src/ingest/decodeReport.js';
import { InputError } from '../../src/ingest/InputError.js';
import { readReportFile } from '../../src/ingest/readReportFile.js';

const SAMPLE = '紫阳县2023年法治政府建设工作总结';

/** GBK bytes of SAMPLE (the first GBK test checks them with TextDecoder('gbk')). */
const GBK_SAMPLE = Uint8Array.from([
  0xd7, 0xcf, 0xd1, 0xf4, 0xcf, 0xd8, 0x32, 0x30, 0x32, 0x33, 0xc4, 0xea, 0xb7, 0xa8, 0xd6, 0xce, 0xd5, 0xfe, 0xb8, 0xae, 0xbd, 0xa8, 0xc9, 0xe8, 0xb9, 0xa4, 0xd7, 0xf7, 0xd7, 0xdc, 0xbd, 0xe1,
]);

const expectInputError = (f: () => unknown, code: string) => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe(code);
    expect((error as InputError).message).toContain('report.txt');
    return;
  }
  throw new Error('expected an InputError');
};

describe('decodeReport', () => {
  it('decodes UTF-8 and drops a BOM', () => {
    expect(decodeReport(new TextEncoder().encode(`\uFEFF${SAMPLE}`), 'report.txt')).toBe(SAMPLE);
  });

  it('decodes GBK', () => {
    expect(new TextDecoder('gbk').decode(GBK_SAMPLE)).toBe(SAMPLE);
    expect(decodeReport(GBK_SAMPLE, 'report.txt')).toBe(SAMPLE);
  });

  it('refuses an empty file', () => expectInputError(() => decodeReport(new Uint8Array(), 'report.txt'), 'EMPTY'));
  it('refuses a whitespace-only file', () => expectInputError(() => decodeReport(new TextEncoder().encode(' \n\t '), 'report.txt'), 'EMPTY'));
  it('refuses binary content', () => expectInputError(() => decodeReport(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]), 'report.txt'), 'BINARY'));
  it('refuses bytes that are neither UTF-8 nor GB18030', () => expectInputError(() => decodeReport(Uint8Array.from([0x41, 0x80, 0x20, 0xff, 0x30]), 'report.txt'), 'ENCODING'));
});

describe('readReportFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kg-read-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('names a missing file', async () => {
    await expect(readReportFile(join(dir, 'missing.txt'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('hashes the bytes of the file', async () => {
    const path = join(dir, 'r.txt');
    await writeFile(path, SAMPLE);
    const read = await readReportFile(path);
    expect(read.raw).toBe(SAMPLE);
    expect(read.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
