/**
 * Ingest on the real embedded store: GBK, traditional-character copies and saved HTML pages load
 * like UTF-8 text; bad files are refused with the file and the reason while the others in the
 * same run still load; a refused file touches nothing already stored.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { Converter } from 'opencc-js/cn2t';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestReports } from '../../src/ingest/ingestReports.js';
import * as q from '../../src/store/catalogue.js';
import { openTempStore, SEED, type TempStore } from '../helpers/seedGraph.js';

let temp: TempStore;

beforeAll(async () => {
  temp = await openTempStore();
});

afterAll(async () => {
  await temp?.cleanup();
});

const counts = async () => (await temp.store.read(q.countGraph, {}))[0];

describe('ingest', () => {
  it('reads a stored text again when it is read differently (a newer extractor or taxonomy), and only then', async () => {
    const { practiceTagger: _tagger, ...rulesOnly } = temp.taxonomy;
    const [byRules] = await ingestReports(temp.store, rulesOnly, [SEED.zhanggong]);
    expect(byRules?.ok && byRules.outcome.kind).toBe('created');
    const id = byRules?.ok ? byRules.outcome.id : '';
    const practices = async () => (await temp.store.read(q.regionFacts, { codes: ['360702'] })).filter((f) => f.kind === 'practice').length;
    const before = await practices();
    // The same text, now also read by the learned tagger: its facts are replaced under the same id.
    const [withTagger] = await temp.ingest([SEED.zhanggong]);
    expect(withTagger?.ok && withTagger.outcome).toEqual({ kind: 'replaced', id, replaced: [id] });
    expect(await practices()).toBeGreaterThan(before);
    const [again] = await temp.ingest([SEED.zhanggong]);
    expect(again?.ok && again.outcome).toEqual({ kind: 'unchanged', id });
  });

  it('loads a GBK-encoded report like its UTF-8 original', async () => {
    const gbk = join(temp.dir, 'ziyang-gbk.txt');
    await writeFile(gbk, iconv.encode(await readFile(SEED.ziyang, 'utf8'), 'gbk'));
    const [result] = await temp.ingest([gbk]);
    expect(result).toMatchObject({ ok: true, region: '610924', year: 2023 });
    // Same normalised text → same report id as the UTF-8 file: loading that is a no-op.
    const [again] = await temp.ingest([SEED.ziyang]);
    expect(again?.ok && again.outcome.kind).toBe('unchanged');
  });

  it('loads a copy in traditional characters as the same region and year, its facts named as in the original', async () => {
    const original = await readFile(SEED.shaoyang, 'utf8');
    const [first] = await temp.ingest([SEED.shaoyang]);
    const names = async () => (await temp.store.read(q.regionFacts, { codes: ['430500'] })).filter((f) => f.kind !== 'report').map((f) => `${f.kind}:${f.name}`).sort();
    const before = await names();
    const copy = join(temp.dir, 'shaoyang-traditional.txt');
    await writeFile(copy, Converter({ from: 'cn', to: 'tw' })(original));
    const [result] = await temp.ingest([copy]);
    // A different text for the same region and year: it replaces the simplified report.
    expect(result).toMatchObject({ ok: true, region: '430500', year: 2023, outcome: { kind: 'replaced', replaced: [first?.ok ? first.outcome.id : ''] } });
    expect(await names()).toEqual(before);
    const [report] = await temp.store.read(q.findReports, { ids: [result?.ok ? result.outcome.id : ''] });
    expect(report?.text).toContain('邵陽市');
  });

  it('loads a saved HTML page, without its navigation and footer', async () => {
    const text = await readFile(SEED.anshan, 'utf8');
    const paragraphs = text.split('\n').filter((l) => l.trim()).map((l) => `<p>${l.trim()}</p>`).join('\n');
    const html = `<!DOCTYPE html><html><head><title>鞍山</title><script>var x=1;</script></head><body>
      <nav><a href="/">首页</a> <a href="/gk">信息公开</a></nav>
      <div class="share">分享到:</div><div>关怀版 无障碍</div>
      <div class="article">${paragraphs}</div>
      <footer>主办单位:鞍山市人民政府办公室 ICP备12345号</footer></body></html>`;
    const page = join(temp.dir, 'anshan.html');
    await writeFile(page, html);
    const [result] = await temp.ingest([page]);
    expect(result).toMatchObject({ ok: true, region: '210300', year: 2023 });
    const [report] = await temp.store.read(q.findReports, { ids: [result?.ok ? result.outcome.id : ''] });
    expect(report?.text).not.toMatch(/分享到|主办单位|ICP备|var x/);
    expect(report?.text).toContain('公示行政执法事项3316项');
  });

  it('loads a street’s own report under its town, with the county above it', async () => {
    const file = join(temp.dir, 'dongcheng-street.txt');
    await writeFile(
      file,
      '东城街道2022年法治政府建设情况报告\n\n2022年,东城街道认真落实《清城区2022年法治政府建设工作要点》。现将我街道2022年法治政府建设的情况报告如下:\n一、主要工作\n全面推行行政执法“三项制度”,培育“法律明白人”32名。',
    );
    const [result] = await temp.ingest([file]);
    expect(result).toMatchObject({ ok: true, year: 2022 });
    const code = result?.ok ? result.region : '';
    expect(code).toMatch(/^441802\d{3}$/);
    const [town] = await temp.store.read(q.findRegions, { keys: [code] });
    expect(town).toMatchObject({ name: '东城街道', level: 'TOWN', parentCode: '441802', parentName: '清城区', province: '广东省', reportCount: 1 });
  });

  it('refuses bad files with their reason and still loads the good one', async () => {
    const before = await counts();
    const empty = join(temp.dir, 'empty.txt');
    const binary = join(temp.dir, 'scan.txt');
    const noRegion = join(temp.dir, 'notes.txt');
    await writeFile(empty, '');
    await writeFile(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0x00, 0x9c, 0x01]));
    await writeFile(noRegion, '关于加强学习的几点体会\n\n要认真学习，深入领会。');
    const results = await temp.ingest([empty, binary, noRegion, SEED.nanyang, join(temp.dir, 'missing.txt')]);
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['EMPTY', 'BINARY', 'MISSING_METADATA', 'ok', 'NOT_FOUND']);
    for (const r of results.filter((x) => !x.ok)) expect(r.ok ? '' : r.message).toContain(r.file);
    const after = await counts();
    expect(after?.reports).toBe((before?.reports ?? 0) + 1);
  });
});
