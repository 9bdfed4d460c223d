/**
 * The command-line contracts other tools rely on, run as real processes:
 * `npm run extract -- <file> --json` and `npm run eval -- --gold <dir>`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '../helpers/seedGraph.js';

const run = promisify(execFile);
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

async function cli(script: string, args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(TSX, [join('src', 'cli', script), ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kg-cli-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

interface ExtractJson {
  text: string;
  report: { region: { code: string; name: string } | null; year: number | null };
  facts: { kind: string; name: string; spans: [number, number][]; status: string; value?: number; unit?: string; qualifier?: string }[];
}

describe('extract --json', () => {
  it('prints the normalised text, the report and facts whose spans point into the text', async () => {
    const { stdout, code } = await cli('extract.ts', [SEED.anshan, '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as ExtractJson;
    expect(out.report.region?.code).toBe('210300');
    expect(out.report.year).toBe(2023);
    const rate = out.facts.find((f) => f.kind === 'metric' && f.name === '行政机关负责人出庭应诉率');
    expect(rate).toMatchObject({ value: 95, unit: '%', qualifier: 'GTE', status: 'IMPLEMENTED' });
    for (const f of out.facts) for (const [start, end] of f.spans) expect(end <= out.text.length && start < end).toBe(true);
    const [start, end] = rate?.spans[0] ?? [0, 0];
    expect(out.text.slice(start, end)).toContain('95%');
  });

  it('works on an excerpt with no region or year', async () => {
    const excerpt = join(dir, 'excerpt.txt');
    await writeFile(excerpt, '全面落实行政执法“三项制度”，行政复议纠错率为12.5%。');
    const { stdout, code } = await cli('extract.ts', [excerpt, '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as ExtractJson;
    expect(out.report.region).toBeNull();
    expect(out.facts.map((f) => f.name)).toEqual(expect.arrayContaining(['行政执法三项制度']));
  });

  it('refuses a binary file naming it, with exit code 1', async () => {
    const binary = join(dir, 'scan.pdf');
    await writeFile(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]));
    const { stderr, code } = await cli('extract.ts', [binary, '--json']);
    expect(code).toBe(1);
    expect(stderr).toContain('scan.pdf');
  });
});

describe('eval', () => {
  it('scores a gold directory and ends with the summary line', async () => {
    const gold = join(dir, 'gold');
    const text = '紫阳县2023年法治政府建设工作总结\n\n全面落实行政执法“三项制度”，行政复议纠错率为12.5%。';
    await run('mkdir', ['-p', gold]);
    await writeFile(
      join(gold, 'mini.json'),
      JSON.stringify({
        id: 'mini',
        text,
        practices: [{ surface: '行政执法“三项制度”', canonical: '行政执法三项制度', system: true }],
        metrics: [{ surface: '行政复议纠错率为12.5%', name: '行政复议纠错率', value: 12.5, unit: '%', qualifier: 'eq' }],
      }),
    );
    const { stdout, code } = await cli('eval.ts', ['--gold', gold]);
    expect(code).toBe(0);
    const last = stdout.trim().split('\n').pop();
    expect(last).toBe('practices R=1.00 P=1.00 metrics R=1.00 P=1.00');
  });
});
