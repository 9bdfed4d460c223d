import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { extractMetrics, type MetricMention } from '../../src/extract/extractMetrics.js';
import type { MetricEntry } from '../../src/model/taxonomy.js';

const SEED = fileURLToPath(new URL('../../seed/', import.meta.url));
const metrics = YAML.parse(readFileSync(`${SEED}taxonomy/metrics.yaml`, 'utf8')) as MetricEntry[];

const REPORTS = {
  shaoyang: '000_5a17b2cbc709ecaa.txt',
  ziyang: '001_335ed3547a572491.txt',
  zhanggong: '002_e58b04af1640b0b5.txt',
  anshan: '003_af86cdcbdf7cc7d9.txt',
  nanyang: '004_baf67c33786e3299.txt',
} as const;
type Report = keyof typeof REPORTS;

const texts = new Map<Report, string>();
function reportText(report: Report): string {
  let text = texts.get(report);
  if (text === undefined) {
    text = readFileSync(`${SEED}reports/${REPORTS[report]}`, 'utf8');
    texts.set(report, text);
  }
  return text;
}

const SENTENCE_END = /[。；;！？!?\n]/;

/** The sentences of a text, split as the extraction pipeline does. */
function sentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || SENTENCE_END.test(text[i] ?? '')) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

/** The sentence of a seed report holding `phrase` (which must occur exactly there). */
function sentenceWith(report: Report, phrase: string): { text: string; sentence: { start: number; end: number } } {
  const text = reportText(report);
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`${phrase} is not in ${report}`);
  const sentence = sentences(text).find((s) => s.start <= at && at + phrase.length <= s.end);
  if (!sentence) throw new Error(`${phrase} spans two sentences in ${report}`);
  return { text, sentence };
}

interface Seen extends MetricMention {
  surface: string;
}

/** Metrics of the sentence of `report` that holds `phrase`, each with its span's text. */
function metricsNear(report: Report, phrase: string): Seen[] {
  const { text, sentence } = sentenceWith(report, phrase);
  return extractMetrics(text, sentence, metrics).map((m) => ({ ...m, surface: text.slice(m.span.start, m.span.end) }));
}

/** Metrics of a whole one-sentence text written for a test. */
function metricsOf(text: string): MetricMention[] {
  return extractMetrics(text, { start: 0, end: text.length }, metrics);
}

/** The one mention with this value and unit (fails when there is none or several). */
function one(found: Seen[], value: number, unit: string): Seen {
  const hits = found.filter((m) => m.value === value && m.unit === unit);
  expect(hits, `${value}${unit} among ${JSON.stringify(found.map((m) => `${m.name}=${m.value}${m.unit}`))}`).toHaveLength(1);
  return hits[0] as Seen;
}

/** Checks a mention's fields (surface = the exact text of its span). */
function expectMetric(m: Seen, expected: Partial<Omit<Seen, 'span'>>): void {
  const actual = Object.fromEntries(Object.keys(expected).map((k) => [k, m[k as keyof Seen]]));
  expect(actual).toEqual(expected);
}

describe('行政机关负责人出庭应诉率 across the five regions', () => {
  it('邵阳: 经法院通知行政机关负责人出庭应诉率达100%', () => {
    const m = one(metricsNear('shaoyang', '出庭应诉率达100%'), 100, '%');
    expectMetric(m, { name: '行政机关负责人出庭应诉率', qualifier: 'EQ', change: false, surface: '法院通知行政机关负责人出庭应诉率达100%' });
  });

  it('紫阳: 行政机关负责人出庭应诉达100% (no 率)', () => {
    const m = one(metricsNear('ziyang', '出庭应诉达100%'), 100, '%');
    expectMetric(m, { name: '行政机关负责人出庭应诉率', qualifier: 'EQ', surface: '行政机关负责人出庭应诉达100%' });
  });

  it('章贡: 区政府行政负责人出庭应诉率100%', () => {
    const m = one(metricsNear('zhanggong', '区政府行政负责人出庭应诉率100%'), 100, '%');
    expectMetric(m, { name: '行政机关负责人出庭应诉率', qualifier: 'EQ', surface: '区政府行政负责人出庭应诉率100%' });
  });

  it('鞍山: 出庭应诉率达到95%以上 → GTE 95', () => {
    const found = metricsNear('anshan', '出庭应诉率达到95%以上');
    const m = one(found, 95, '%');
    expectMetric(m, { name: '行政机关负责人出庭应诉率', qualifier: 'GTE', change: false, surface: '行政机关负责人出庭应诉率达到95%以上' });
    // …and in the same sentence a year-over-year change of another rate.
    const d = one(found, 10, '%');
    expectMetric(d, { name: '行政诉讼败诉率同比下降', change: true, qualifier: 'EQ', surface: '行政案件败诉率较上一年度降低10%' });
  });

  it('南阳: 出庭应诉率为97.8%, 比2022年度增长2.55% — level and change kept apart', () => {
    const found = metricsNear('nanyang', '出庭应诉率为97.8%');
    expectMetric(one(found, 97.8, '%'), { name: '行政机关负责人出庭应诉率', qualifier: 'EQ', change: false, surface: '行政机关负责人出庭应诉率为97.8%' });
    expectMetric(one(found, 2.55, '%'), { name: '行政机关负责人出庭应诉率同比增长', qualifier: 'EQ', change: true, surface: '比2022年度增长2.55%' });
  });
});

describe('values: 万/亿 multiplied out, approximation markers', () => {
  it('1.19万人 → 11900 人', () => {
    const m = one(metricsNear('shaoyang', '1.19万人'), 11900, '人');
    expectMetric(m, { name: '法律明白人', qualifier: 'EQ', surface: '培训农村“法律明白人”1.19万人' });
  });

  it('565万余件 → 5650000 件, APPROX', () => {
    const m = one(metricsNear('shaoyang', '565万余件'), 5650000, '件');
    expectMetric(m, { name: '办件量', qualifier: 'APPROX', surface: '办件量565万余件' });
  });

  it('15.2亿元 → 1520000000 元 (with a space before the number)', () => {
    const found = metricsNear('shaoyang', '15.2亿元');
    expectMetric(one(found, 1520000000, '元'), { name: '减税降费', surface: '“快稳准好”退减缓税费 15.2亿元' });
    expectMetric(one(found, 364000000, '元'), { name: '增值税留抵退税', surface: '办理增值税留抵退税 3.64亿元' });
  });

  it('27余万件 (余 before 万) and 600余卷', () => {
    const found = metricsNear('nanyang', '27余万件');
    expectMetric(one(found, 270000, '件'), { qualifier: 'APPROX', surface: '运用清单办理案件27余万件' });
    expectMetric(one(metricsNear('nanyang', '600余卷'), 600, '卷'), { name: '行政执法案卷评查', qualifier: 'APPROX' });
  });

  it('约280万元 → APPROX, the qualifier word inside the span', () => {
    const m = one(metricsNear('shaoyang', '约280万元'), 2800000, '元');
    expectMetric(m, { qualifier: 'APPROX', surface: '企业优惠金额约280万元' });
  });

  it('调处成功率97%以上 → GTE; 参考率达98%以上 → GTE', () => {
    expectMetric(one(metricsNear('shaoyang', '调处成功率97%以上'), 97, '%'), { name: '矛盾纠纷调解成功率', qualifier: 'GTE', surface: '调处成功率97%以上' });
    expectMetric(one(metricsNear('ziyang', '参考率达98%以上'), 98, '%'), { qualifier: 'GTE', surface: '参考率达98%以上' });
  });
});

describe('names', () => {
  it('受理行政复议682件 and the counts after it', () => {
    const found = metricsNear('shaoyang', '受理行政复议682件');
    expectMetric(one(found, 682, '件'), { name: '行政复议案件受理', surface: '受理行政复议682件' });
    expectMetric(one(found, 579, '件'), { name: '审结', surface: '审结579件' });
    // The source lacks a comma after 62件: the next clause still gets its own name.
    expectMetric(one(found, 810, '件'), { name: '行政诉讼案件', surface: '一审行政诉讼案件810件' });
  });

  it('a count before its noun: 54家单位出台…责任清单, 15万余名国家工作人员', () => {
    const found = metricsNear('shaoyang', '54家单位');
    expectMetric(one(found, 54, '家'), { name: '单位出台年度谁执法谁普法责任清单', surface: '54家单位出台年度“谁执法谁普法”责任清单' });
    const people = one(metricsNear('shaoyang', '15万余名'), 150000, '名');
    expectMetric(people, { name: '国家工作人员', qualifier: 'APPROX', surface: '15万余名国家工作人员' });
  });

  it('words and noun on both sides: 市直33个部门, 10类行政权力事项4776项', () => {
    const found = metricsNear('nanyang', '市直33个部门');
    expectMetric(one(found, 33, '个'), { name: '市直部门', surface: '市直33个部门' });
    expectMetric(one(found, 10, '类'), { name: '行政权力事项', surface: '10类行政权力事项' });
    expectMetric(one(found, 4776, '项'), { name: '权责清单事项', surface: '行政权力事项4776项' });
  });

  it('examples ending in 等 give way to the counted noun: 城关镇等3个镇、县自然资源局等2个部门', () => {
    const found = metricsNear('ziyang', '城关镇等3个镇');
    expectMetric(one(found, 3, '个'), { name: '镇', surface: '3个镇' });
    expectMetric(one(found, 2, '个'), { name: '部门进行现场述法', surface: '2个部门进行现场述法' });
  });

  it('a bracketed list between name and number is part of the name: 法治讲座(培训、报告会)9200余场', () => {
    const text = '全市开展法治讲座(培训、报告会)9200余场。';
    const [m] = extractMetrics(text, { start: 0, end: text.length - 1 }, metrics);
    expect(m && { value: m.value, unit: m.unit, qualifier: m.qualifier, surface: text.slice(m.span.start, m.span.end) }).toEqual({
      value: 9200,
      unit: '场',
      qualifier: 'APPROX',
      surface: '法治讲座(培训、报告会)9200余场',
    });
  });

  it('one number shared by a list of verbs: 市本级统一登记、编号、发布40件', () => {
    const m = one(metricsNear('shaoyang', '发布40件'), 40, '件');
    expectMetric(m, { name: '市本级统一登记编号发布', surface: '市本级统一登记、编号、发布40件' });
  });
});

describe('lists', () => {
  it('办结率、见面率、满意率均为100% → three observations', () => {
    const found = metricsNear('shaoyang', '办结率、见面率、满意率均为100%').filter((m) => m.unit === '%');
    expect(found.map((m) => [m.name, m.value, m.qualifier, m.surface])).toEqual([
      ['办结率', 100, 'EQ', '办结率、见面率、满意率均为100%'],
      ['见面率', 100, 'EQ', '见面率、满意率均为100%'],
      ['满意率', 100, 'EQ', '满意率均为100%'],
    ]);
  });

  it('报备率、审通率均为100% → two taxonomy metrics', () => {
    const found = metricsNear('nanyang', '报备率、审通率均为100%').filter((m) => m.value === 100);
    expect(found.map((m) => m.name)).toEqual(['规范性文件报备率', '规范性文件备案审查通过率']);
  });

  it('办结率和满意率均为100% (joined by 和)', () => {
    const found = metricsNear('nanyang', '办结率和满意率均为100%').filter((m) => m.unit === '%');
    expect(found.map((m) => m.name)).toEqual(['办结率', '满意率']);
  });

  it('生产安全事故数、亡人数分别下降43.8%、47.9% → two changes, in order', () => {
    const found = metricsNear('shaoyang', '分别下降43.8%、47.9%');
    expectMetric(one(found, 43.8, '%'), { name: '生产安全事故数下降', change: true, surface: '生产安全事故数、亡人数分别下降43.8%' });
    expectMetric(one(found, 47.9, '%'), { name: '亡人数下降', change: true, surface: '亡人数分别下降43.8%、47.9%' });
  });

  it('numbers of a list share the unit written after the last one', () => {
    const scores = metricsOf('社会公众对法治政府建设满意度逐年提高,分别为73.56、76.71、80.13分。');
    expect(scores.map((m) => [m.name, m.value, m.unit, m.qualifier])).toEqual([
      ['社会公众对法治政府建设满意度', 73.56, '分', 'EQ'],
      ['社会公众对法治政府建设满意度', 76.71, '分', 'EQ'],
      ['社会公众对法治政府建设满意度', 80.13, '分', 'EQ'],
    ]);
    const cuts = metricsOf('政府投资项目、社会投资项目审批时限分别压减55、50个工作日。');
    expect(cuts.map((m) => [m.value, m.unit, m.change])).toEqual([
      [55, '个工作日', true],
      [50, '个工作日', true],
    ]);
    // Years and serial numbers before a word that is no unit stay no quantity.
    expect(metricsOf('清理2019、2020年度文件。').map((m) => m.value)).toEqual([]);
  });

  it('刑事3016件、民事704件、行政1件 → one each', () => {
    const found = metricsNear('anshan', '刑事3016件');
    expect(found.map((m) => [m.name, m.value])).toEqual([
      ['法律援助案件', 3721],
      ['刑事', 3016],
      ['民事', 704],
      ['行政', 1],
    ]);
  });
});

describe('ranges', () => {
  /** Metrics of a sentence that is not from a seed report (ranges are rare in the seeds). */
  const inSentence = (text: string) => extractMetrics(text, { start: 0, end: text.length }, metrics).map((m) => ({ ...m, surface: text.slice(m.span.start, m.span.end) }));

  it('95%-98% → at least 95 and at most 98, one name, one span', () => {
    const found = inSentence('群众满意度达到95%-98%。');
    expect(found.map((m) => [m.name, m.value, m.unit, m.qualifier, m.surface])).toEqual([
      ['群众满意度', 95, '%', 'GTE', '群众满意度达到95%-98%'],
      ['群众满意度', 98, '%', 'LTE', '群众满意度达到95%-98%'],
    ]);
  });

  it('3至5名 (the lower bound without a unit) → GTE 3 and LTE 5 名', () => {
    const found = inSentence('各乡镇配备执法人员3至5名。');
    expect(found.map((m) => [m.value, m.unit, m.qualifier])).toEqual([
      [3, '名', 'GTE'],
      [5, '名', 'LTE'],
    ]);
  });

  it('names a count after a list of examples ending in 等 when no counted noun follows', () => {
    expect(inSentence('召开县政府常务会议、专题会议等5次。').map((m) => [m.value, m.unit, m.surface])).toEqual([[5, '次', '召开县政府常务会议、专题会议等5次']]);
    expect(inSentence('走访服务企业、个体户等1.5万余人次。').map((m) => [m.value, m.unit, m.qualifier])).toEqual([[15000, '人次', 'APPROX']]);
  });

  it('does not read party congresses and plenums as counts', () => {
    expect(inSentence('深入学习贯彻市第八次党代会和市委八届二次全会精神。')).toEqual([]);
  });

  it('does not read a year span as a range of counts', () => {
    expect(inSentence('实施2021-2025年规划。')).toEqual([]);
  });
});

describe('changes', () => {
  it('较年初增加374.49亿元, 同比增长14.75% inherit the subject 各项贷款余额', () => {
    const found = metricsNear('shaoyang', '同比增长14.75%');
    expectMetric(one(found, 291344000000, '元'), { name: '各项贷款余额', change: false, surface: '各项贷款余额2913.44亿元' });
    expectMetric(one(found, 37449000000, '元'), { name: '各项贷款余额较年初增长', change: true, surface: '较年初增加374.49亿元' });
    expectMetric(one(found, 14.75, '%'), { name: '各项贷款余额同比增长', change: true, surface: '同比增长14.75%' });
  });

  it('较2022年底增长200% is a change of 汇聚数据总量 (66亿条)', () => {
    const found = metricsNear('nanyang', '较2022年底增长200%');
    expectMetric(one(found, 6600000000, '条'), { name: '汇聚数据总量', change: false });
    expectMetric(one(found, 200, '%'), { name: '汇聚数据总量同比增长', change: true, surface: '较2022年底增长200%' });
  });

  it('从1171户下降至679户, 降幅达42%: two levels, then a change', () => {
    const found = metricsNear('anshan', '降幅达42%');
    expectMetric(one(found, 1171, '户'), { name: '黑名单企业总数', change: false });
    expectMetric(one(found, 679, '户'), { name: '黑名单企业总数', change: false, surface: '679户' });
    expectMetric(one(found, 42, '%'), { name: '黑名单企业总数下降', change: true, surface: '降幅达42%' });
  });

  it('压减至1个工作日 is a level, not a change', () => {
    const m = one(metricsNear('nanyang', '压减至1个工作日'), 1, '个工作日');
    expectMetric(m, { name: '市本级高频政务服务事项承诺办理时间', change: false });
  });
});

describe('Chinese-numeral counts', () => {
  it('明确了九大工作任务 → 9 个; 28项重点任务 → 28 项', () => {
    const found = metricsNear('zhanggong', '九大工作任务');
    expectMetric(one(found, 9, '个'), { name: '明确工作任务', surface: '明确了九大工作任务' });
    expectMetric(one(found, 28, '项'), { name: '细化重点任务', surface: '细化了28项重点任务' });
  });

  it('十大改革举措, 四个专项行动, 四个专项整治 (inside a long aside)', () => {
    const found = metricsNear('zhanggong', '十大改革举措');
    expect(found.map((m) => [m.name, m.value, m.unit])).toEqual([
      ['改革举措', 10, '个'],
      ['专项行动', 4, '个'],
      ['专项整治', 4, '个'],
    ]);
  });

  it('已五次报道, 三项特色应用场景, 发布三期“红黑榜”', () => {
    expectMetric(one(metricsNear('shaoyang', '已五次报道'), 5, '次'), { surface: '《湖南日报》已五次报道市本级“政务直播”工作' });
    const scenes = one(metricsNear('shaoyang', '三项特色应用场景'), 3, '项');
    expect(scenes.name).toMatch(/特色应用场景$/);
    expect(scenes.surface).toBe('推出“早安邵阳”“智慧助残”“无证明城市”三项特色应用场景');
    expectMetric(one(metricsNear('zhanggong', '发布三期'), 3, '期'), { name: '发布诚信红黑榜', surface: '发布三期诚信“红黑榜”' });
  });

  it('六类 describing the count after it is not a count itself: 调处六类突出矛盾纠纷68起', () => {
    const found = metricsNear('zhanggong', '调处六类突出矛盾纠纷68起');
    expect(found.filter((m) => m.value === 6)).toEqual([]);
    expectMetric(one(found, 68, '起'), { name: '调处六类突出矛盾纠纷' });
  });

  it('四张清单1857项 counts the items, not the lists', () => {
    const found = metricsNear('anshan', '四张清单1857项');
    expect(found.map((m) => [m.value, m.unit])).toEqual([[1857, '项']]);
  });
});

describe('never metrics', () => {
  it.each([
    ['shaoyang', '2023年8月被省委依法治省办授牌命名为第二批全省法治政府建设示范市', 'dates, years and a batch ordinal'],
    ['shaoyang', '联系电话:0739-5323212', 'a phone number'],
    ['shaoyang', '索引号: 4305000002/2024-04926', 'an index number'],
    ['anshan', '鞍委〔2024〕17号', 'a document number'],
    ['zhanggong', '我区以全省排名第六成绩入围', 'a rank'],
    ['zhanggong', '明确每月1-25日为“企业安静生产期”', 'a date range'],
    ['zhanggong', '业务提交24小时不打烊', 'a service-hours slogan'],
    ['zhanggong', '全面推行行政执法三项制度', 'a named system (三项制度)'],
    ['anshan', '连续六年实现“十个百分百、五个为零”目标', 'a run of years and a quoted slogan'],
    ['ziyang', '以学习宣传贯彻党的二十大为主线', 'the party congress (二十大)'],
    ['ziyang', '营商环境突破年系列报道第193期刊发', 'an issue number'],
    ['zhanggong', '《章贡区轻微违法行为不予处罚清单(第一批74项)》', 'a number inside a title'],
    ['zhanggong', '推出“10+4+4”改革创新举措', 'a number inside quotes'],
  ] as Array<[Report, string, string]>)('%s: %s (%s)', (report, phrase) => {
    const { text, sentence } = sentenceWith(report, phrase);
    const at = text.indexOf(phrase);
    const inside = extractMetrics(text, sentence, metrics).filter((m) => m.span.start < at + phrase.length && at < m.span.end);
    expect(inside.map((m) => text.slice(m.span.start, m.span.end))).toEqual([]);
  });

  it('thresholds are not results: 一次死亡3人以上的…事故, 千人以上饮用水水源地', () => {
    const found = metricsNear('shaoyang', '一次死亡3人以上');
    expect(found.filter((m) => m.unit === '人')).toEqual([]);
    const water = metricsNear('shaoyang', '千人以上饮用水水源地');
    expect(water.map((m) => [m.value, m.unit])).toEqual([[117, '个']]);
  });

  it('ranks and batch labels: 增速排名全省第3位, 省交办前两批', () => {
    expect(metricsNear('shaoyang', '增速排名全省第3位').filter((m) => m.value === 3)).toEqual([]);
    expect(metricsNear('anshan', '省交办前两批').filter((m) => m.value === 2)).toEqual([]);
  });
});

describe('units', () => {
  it('个次 is one unit, not 个 followed by 次: 检查居住社区1008个次', () => {
    const text = '检查居住社区1008个次。';
    const found = extractMetrics(text, { start: 0, end: text.length - 1 }, metrics).map((m) => `${m.value}${m.unit}`);
    expect(found).toEqual(['1008个次']);
  });

  it('件(次) and 人（次） are 件次 and 人次', () => {
    const text = '提供法律顾问咨询108件(次),培训干部62人（次）。';
    expect(metricsOf(text).map((m) => `${m.value}${m.unit}`)).toEqual(['108件次', '62人次']);
  });
});

describe('requirements', () => {
  it('a minimum set for every period is a rule, not a result: 每季度集体学法不少于1次', () => {
    const text = '坚持每季度集体学法不少于1次,全年集体学法12次。';
    const found = extractMetrics(text, { start: 0, end: text.length - 1 }, metrics).map((m) => `${m.value}${m.unit}`);
    expect(found).toEqual(['12次']);
  });
});

describe('other rules', () => {
  it('8省17市: region nouns count (unit 个)', () => {
    const found = metricsNear('shaoyang', '8省17市');
    expect(found.map((m) => [m.value, m.unit])).toEqual([
      [8, '个'],
      [17, '个'],
    ]);
  });

  it('a number written without a unit after a known metric name takes its unit: 办理人大代表建议141政协提案275', () => {
    const found = metricsNear('shaoyang', '办理人大代表建议141');
    expectMetric(one(found, 141, '件'), { name: '人大代表建议办理', surface: '办理人大代表建议141' });
    expectMetric(one(found, 275, '件'), { name: '政协提案办理', surface: '政协提案275' });
  });

  it('22大类 → 22 类; 4大基础库 → 4 个', () => {
    expectMetric(one(metricsNear('anshan', '22大类'), 22, '类'), { name: '整改案卷不规范问题' });
    expectMetric(one(metricsNear('nanyang', '4大基础库'), 4, '个'), { name: '基础库', surface: '4大基础库' });
  });

  it('件次 and 个工作日 are units of their own', () => {
    expectMetric(one(metricsNear('anshan', '110件次'), 110, '件次'), { name: '审查涉法事项' });
    expect(metricsNear('nanyang', '1个工作日').some((m) => m.unit === '个工作日')).toBe(true);
  });

  it('平方公里, 轮次 and 种 are units: 总面积223.72平方公里, 7轮次, 电子证照182种', () => {
    const text = '全镇总面积223.72平方公里,开展7轮次物资保供,签发电子证照种类182种,推广各种方式。';
    const found = metricsOf(text);
    expect(found.map((m) => [m.value, m.unit])).toEqual([
      [223.72, '平方公里'],
      [7, '轮次'],
      [182, '种'],
    ]);
  });

  it('间 counts premises: 双随机抽检共231间, 其中公共场所196间', () => {
    const text = '卫生监督国家双随机抽检共231间,其中公共场所196间,学校卫生10间。';
    const found = metricsOf(text);
    expect(found.map((m) => [m.value, m.unit])).toEqual([
      [231, '间'],
      [196, '间'],
      [10, '间'],
    ]);
  });

  it('the field of a ranking is no metric: 在全国100个城市…第三, 名列全国31个省(区、市)之首, 居全国261个地级市19名', () => {
    const text = '我市在全国100个城市法治政府建设总体情况第三,公共服务质量监测名列全国31个省(区、市)之首,城市信用监测居全国261个地级市19名,办理案件12件。';
    const found = metricsOf(text);
    expect(found.map((m) => m.value)).toEqual([12]);
  });

  it('reads numbers a web copy spaced out: 价值 8000 多万元, 罚没 8 万元, 近 500 万人', () => {
    const text = '扣押珊瑚价值 8000 多万元,共计罚没 8 万元,检控过往旅客近 500 万人。';
    const found = metricsOf(text);
    expect(found.map((m) => [m.value, m.unit, m.qualifier])).toEqual([
      [80000000, '元', 'APPROX'],
      [80000, '元', 'EQ'],
      [5000000, '人', 'APPROX'],
    ]);
  });

  it('项次 and 门 are units; a phase in brackets (二期) is a name', () => {
    const text = '研究审议法治有关议题57项次,开设17门法治课程,新视通(二期)项目投产,实行一门进驻。';
    const found = metricsOf(text);
    expect(found.map((m) => [m.value, m.unit])).toEqual([
      [57, '项次'],
      [17, '门'],
    ]);
  });

  it('the report’s own outline (从四个方面汇报如下) is no metric; 课时 is a unit', () => {
    const text = '现将有关情况从四个方面汇报如下:小学1-4年级每周2课时。';
    const found = metricsOf(text);
    expect(found.map((m) => [m.value, m.unit])).toEqual([[2, '课时']]);
  });

  it('counts large and small items (7大项、24小项) in 项, and no ordinal of a list of plenums (五届三次、四次…全会)', () => {
    const text = '明确全年7大项、24小项工作任务,切实按照市委五届三次、四次、五次、六次、七次、八次、九次全会精神,召开常务会议5次。';
    expect(metricsOf(text).map((m) => [m.value, m.unit])).toEqual([
      [7, '项'],
      [24, '项'],
      [5, '次'],
    ]);
  });

  it('a clock time (09时24分), the four leading bodies (四大家, 四套班子) and 两位数 are no metrics', () => {
    const text = '发布时间:2023年03月30日 09时24分,县四大家领导、四套班子成员带头学法,预计实现两位数增长,考核得分96分。';
    expect(metricsOf(text).map((m) => [m.value, m.unit])).toEqual([[96, '分']]);
  });

  it('枚 and 轮 are units: 电子印章183枚, 开展2轮督察 (not 轮换)', () => {
    const text = '发放电子印章183枚,开展2轮全市法治政府督察,实行3轮换岗。';
    const found = metricsOf(text);
    expect(found.map((m) => [m.value, m.unit])).toEqual([
      [183, '枚'],
      [2, '轮'],
    ]);
  });

  it('a page’s visit counter (点击 54 次) is no metric', () => {
    const text = '发布时间:2023-03-01 点击 54 次 全年办理案件12件。';
    const found = metricsOf(text);
    expect(found.map((m) => m.value)).toEqual([12]);
  });

  it('个工作小时 is a unit of its own: 企业设立登记3个工作小时内办结', () => {
    const text = '企业设立登记3个工作小时内办结。';
    const found = metricsOf(text);
    expect(found.map((m) => [m.value, m.unit])).toEqual([[3, '个工作小时']]);
  });

  it('works on text outside the seed reports', () => {
    const text = '全年办理行政处罚案件1,234件,较上年同期下降12.5%;办理时限压缩至3个工作日以内,不超过5个工作日,满意度不低于95%,合格率达到百分之百。';
    const found = metricsOf(text);
    expect(found.map((m) => [m.name, m.value, m.unit, m.qualifier, m.change])).toEqual([
      ['行政处罚案件', 1234, '件', 'EQ', false],
      ['行政处罚案件同比下降', 12.5, '%', 'EQ', true],
      ['办理时限', 3, '个工作日', 'LTE', false],
      ['办理时限', 5, '个工作日', 'LTE', false],
      ['满意度', 95, '%', 'GTE', false],
      ['合格率', 100, '%', 'EQ', false],
    ]);
  });
});

describe('every seed report', () => {
  const UNITS = new Set(['%', '件', '人', '人次', '项', '个', '家', '次', '场', '场次', '条', '元', '亩', '宗', '册', '卷', '名', '户', '期', '类', '笔', '位', '张', '份', '部', '起', '件次', '批次', '个工作日']);

  it.each(Object.keys(REPORTS) as Report[])('%s: spans lie in their sentence and hold the number; units are known', (report) => {
    const text = reportText(report);
    let count = 0;
    for (const sentence of sentences(text)) {
      for (const m of extractMetrics(text, sentence, metrics)) {
        count++;
        expect(m.span.start).toBeGreaterThanOrEqual(sentence.start);
        expect(m.span.end).toBeLessThanOrEqual(sentence.end);
        expect(m.span.end).toBeGreaterThan(m.span.start);
        expect(Number.isFinite(m.value)).toBe(true);
        expect(UNITS.has(m.unit), `${m.unit} in ${text.slice(m.span.start, m.span.end)}`).toBe(true);
        expect(m.name.length).toBeGreaterThan(0);
        expect(m.name.length).toBeLessThanOrEqual(20);
        if (m.change) expect(m.name).toMatch(/(增长|下降)$/);
      }
    }
    expect(count).toBeGreaterThan(30);
  });

  it('reads a long unpunctuated run of numbers one by one', () => {
    const text = '办理案件12件“好差评”受理3次《文件》'.repeat(2000);
    const found = metricsOf(text);
    expect(found).toHaveLength(4000);
    expect(found.every((m) => (m.value === 12 && m.unit === '件') || (m.value === 3 && m.unit === '次'))).toBe(true);
  });

  it('is deterministic and independent of other sentences', () => {
    const text = reportText('shaoyang');
    const all = sentences(text).flatMap((s) => extractMetrics(text, s, metrics));
    const again = sentences(text).flatMap((s) => extractMetrics(text, s, metrics));
    expect(again).toEqual(all);
  });
});

describe('the metric taxonomy (seed/taxonomy/metrics.yaml)', () => {
  it('has well-formed, unique entries', () => {
    expect(metrics.length).toBeGreaterThanOrEqual(40);
    const names = new Set<string>();
    const synonymOwner = new Map<string, string>();
    for (const entry of metrics) {
      expect(typeof entry.name).toBe('string');
      expect(Array.isArray(entry.synonyms)).toBe(true);
      expect(entry.unit === null || typeof entry.unit === 'string').toBe(true);
      expect(names.has(entry.name), entry.name).toBe(false);
      names.add(entry.name);
      for (const s of [entry.name, ...entry.synonyms]) {
        const owner = synonymOwner.get(s);
        expect(owner === undefined || owner === entry.name, `${s} belongs to ${owner} and ${entry.name}`).toBe(true);
        synonymOwner.set(s, entry.name);
      }
    }
  });

  it('names the metrics the product compares', () => {
    const names = new Set(metrics.map((m) => m.name));
    for (const n of ['行政机关负责人出庭应诉率', '行政复议案件受理', '行政复议纠错率', '行政诉讼败诉率', '规范性文件备案审查', '合法性审查', '法律顾问参与率', '政务服务事项网上可办率', '按期办结率', '好评率', '矛盾纠纷调解成功率', '法律援助案件', '人民调解案件', '行政执法案卷评查', '公示行政执法事项']) {
      expect(names.has(n), n).toBe(true);
    }
  });
});
