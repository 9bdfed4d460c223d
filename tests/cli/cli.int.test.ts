/**
 * The command-line contracts other tools rely on, run as real processes:
 * `npm run extract -- <file> --json` and `npm run eval -- --gold <dir>`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
    // The practices once more, by how they were read: the taxonomy found the one gold practice.
    expect(stdout).toContain('practices by how they were read');
    expect(stdout).toMatch(/^TAXONOMY +1 +1 +1 +1 +1\.00 +1\.00 +1\.00$/m);
    expect(stdout).toMatch(/^MODEL +1 +0 +0 +0 +1\.00 +0\.00 +0\.00$/m);
  });
});

describe('train:tagger', () => {
  /** Two small gold files in the seed format, written for the test. */
  async function goldDir(): Promise<string> {
    const gold = join(dir, 'train-gold');
    await run('mkdir', ['-p', gold]);
    const files = [
      { id: 'one', text: '紫阳县2023年法治政府建设工作总结\n\n全面推行首违不罚清单制度,持续开展法治夜校活动。', practices: ['首违不罚清单制度', '法治夜校活动'] },
      { id: 'two', text: '邵阳市2023年法治政府建设情况报告\n\n建立府院联动机制,开展送法进企业活动,压实工作责任。', practices: ['府院联动机制', '送法进企业活动'] },
    ];
    for (const f of files) {
      const practices = f.practices.map((surface) => ({ surface, canonical: surface, system: false }));
      await writeFile(join(gold, `${f.id}.json`), JSON.stringify({ id: f.id, region: { name: f.id }, year: 2023, url: `https://example.org/${f.id}`, text: f.text, practices }));
    }
    return gold;
  }

  it('writes a model and the list of texts it learnt from, the same model each time', async () => {
    const gold = await goldDir();
    const out = join(dir, 'tagger.json');
    const first = await cli('trainTagger.ts', ['--gold', gold, '--out', out, '--epochs', '3', '--prune', '0']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/2 texts \(\d+ characters, 4 practice mentions\) → .*tagger\.json: \d+ features/);
    const model = JSON.parse(await readFile(out, 'utf8'));
    expect(model.format).toBe('practice-tagger/2');
    expect(model.trainedOn).toMatchObject({ texts: 2, epochs: 3, seed: 1, bias: 60, prune: 0, sources: 'tagger.sources.tsv' });
    expect(Object.keys(model.features).length).toBeGreaterThan(0);
    const sources = (await readFile(join(dir, 'tagger.sources.tsv'), 'utf8')).trim().split('\n');
    expect(sources[0]).toBe('file\tid\tregion\tyear\turl\tsha256\tpractices');
    expect(sources.slice(1).map((l) => l.split('\t').slice(1, 5))).toEqual([
      ['one', 'one', '2023', 'https://example.org/one'],
      ['two', 'two', '2023', 'https://example.org/two'],
    ]);
    const again = await cli('trainTagger.ts', ['--gold', gold, '--out', out, '--epochs', '3', '--prune', '0']);
    expect(again.code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual(model);
  });

  it('refuses a bad setting naming it, with exit code 2', async () => {
    const gold = await goldDir();
    const zero = await cli('trainTagger.ts', ['--gold', gold, '--out', join(dir, 'x.json'), '--epochs', '0']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('--epochs 0: give a whole number of at least 1');
    const missing = await cli('trainTagger.ts', ['--gold', join(dir, 'no-such-dir')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('not a directory');
  });
});

