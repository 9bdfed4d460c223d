import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract/index.js';
import { statusOfHeading } from '../../src/extract/parseStructure.js';
import { loadTaxonomy } from '../../src/ingest/loadTaxonomy.js';

describe('statusOfHeading', () => {
  it.each([
    ['存在的不足', 'PROBLEM'],
    ['存在的主要问题', 'PROBLEM'],
    ['面临的困难和问题', 'PROBLEM'],
    ['问题与不足', 'PROBLEM'],
    ['上一年度存在的不足、原因和问题整改情况', 'PROBLEM'],
    ['2024年重点工作', 'PLANNED'],
    ['下一步工作打算', 'PLANNED'],
    ['2023年工作安排', 'PLANNED'],
    ['今后工作思路', 'PLANNED'],
    ['工作重点', 'PLANNED'],
    ['2023年主要工作', null],
    ['主要举措和成效', null],
    ['聚力重点任务落实,开创法治政府建设工作新局面', null],
    ['聚焦群众关心问题,提升政务服务水平', null],
  ])('%s → %s', (heading, status) => {
    expect(statusOfHeading(heading, 2023)).toBe(status);
  });
});

describe('paragraph status inside a report of work done', () => {
  it('reads a paragraph opening with 存在的问题 as problems and one opening with 下一步 as plans', async () => {
    const taxonomy = await loadTaxonomy();
    const e = extractReport(
      '某县2023年法治政府建设工作总结\n\n2023年，紫阳县推行证明事项告知承诺制。\n存在的问题：基层执法力量薄弱。\n下一步，我县将全面推行证明事项告知承诺制。',
      taxonomy,
    );
    const statuses = e.facts.filter((f) => f.kind !== 'place').map((f) => `${f.kind}:${f.status}`);
    expect(statuses).toEqual(['practice:IMPLEMENTED', 'problem:PROBLEM', 'practice:PLANNED']);
  });
});
