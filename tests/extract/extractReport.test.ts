/**
 * Extraction on the real seed texts: metadata, sections and status, practices and systems with
 * their evidence spans, open discovery, and the other kinds of fact.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract/index.js';
import { loadTaxonomy } from '../../src/ingest/loadTaxonomy.js';
import type { Extraction, Fact } from '../../src/model/facts.js';
import type { Taxonomy } from '../../src/model/taxonomy.js';
import { SEED } from '../helpers/seedGraph.js';

let taxonomy: Taxonomy;
const reports: Record<keyof typeof SEED, Extraction> = {} as never;

beforeAll(async () => {
  taxonomy = await loadTaxonomy();
  for (const [key, path] of Object.entries(SEED)) reports[key as keyof typeof SEED] = extractReport(await readFile(path, 'utf8'), taxonomy);
});

const facts = (e: Extraction, kind: Fact['kind'], name?: string) => e.facts.filter((f) => f.kind === kind && (name === undefined || f.name === name));
const spanText = (e: Extraction, f: Fact) => e.text.slice(f.span.start, f.span.end);

describe('how practices were read', () => {
  it('says of every practice mention whether the taxonomy, a rule of discovery or the learned tagger read it', () => {
    const all = Object.values(reports).flatMap((e) => e.facts.filter((f) => f.kind === 'practice' || f.kind === 'system'));
    expect(all.every((f) => (f.foundBy === 'TAXONOMY') === (f.curated === true))).toBe(true);
    const by = (how: string) => all.filter((f) => f.foundBy === how);
    expect(by('TAXONOMY').length).toBeGreaterThan(by('RULE').length);
    expect(by('RULE').map((f) => f.name)).toContain('虔城办');
    expect(by('MODEL').length).toBeGreaterThan(0);
    expect(Object.values(reports).flatMap((e) => e.facts.filter((f) => f.kind !== 'practice' && f.kind !== 'system')).every((f) => f.foundBy === undefined)).toBe(true);
  });
});

describe('metadata', () => {
  it('resolves each seed region to its GB/T 2260 code, level and parent chain', () => {
    expect(reports.shaoyang.meta.region?.chain.map((r) => `${r.name}:${r.code}`)).toEqual(['邵阳市:430500', '湖南省:430000']);
    expect(reports.ziyang.meta.region?.chain.map((r) => r.name)).toEqual(['紫阳县', '安康市', '陕西省']);
    expect(reports.ziyang.meta.region?.level).toBe('COUNTY');
    expect(reports.zhanggong.meta.region).toMatchObject({ code: '360702', level: 'DISTRICT' });
    expect(reports.anshan.meta.region?.code).toBe('210300');
    expect(reports.nanyang.meta.region?.code).toBe('411300');
  });

  it('takes the first region of the opening when the title names none', () => {
    const e = extractReport('市人民政府关于2023年法治政府建设情况的报告\n\n2023年，杭州市坚持以习近平法治思想为指导，西湖区、上城区等地积极探索。', taxonomy);
    expect(e.meta.region?.chain.map((r) => r.name)).toEqual(['杭州市', '浙江省']);
    expect(e.meta.year).toBe(2023);
    expect(e.facts.filter((f) => f.kind === 'place').map((f) => f.name)).toEqual(['西湖区', '上城区']);
  });

  it.each([
    ['the region of its own level, not the province it first cites', '现将县人民政府2022年法治政府建设工作情况报告如下。\n一、主要成效\n认真贯彻落实《湖南省法治政府建设实施纲要(2021—2025年)》，制定了《岳阳县人民政府常务会会前学法制度》。', '岳阳县'],
    ['its own region, not the level above (在市委、市政府领导下)', '2022年,管城回族区在市委、市政府正确领导下，贯彻《河南省法治政府建设实施方案》，依托郑州市平台，现将我区工作情况报告如下:', '管城回族区'],
    ['its county named later, not 和县 out of 市政府和县委', '2022年,在市委、市政府和县委的坚强领导下,全县法治政府建设扎实推进。高台县深入推进依法行政。', '高台县'],
    ['the region of a title the page broke over two lines', '上海市宝山区人民政府关于法治政府\n建设情况报告\n2023年,宝山区政府在市委、市政府的坚强领导下推进依法行政。', '宝山区'],
  ])('resolves a report without a one-line title to %s', (_case, text, region) => {
    expect(extractReport(text, taxonomy).meta.region?.name).toBe(region);
  });

  it('keeps a body’s name on the line above the title as part of the report', () => {
    const e = extractReport('西安市市场监督管理局\n2023年法治政府建设工作报告\n\n一、主要工作\n全面推行行政执法“三项制度”。', taxonomy);
    expect(e.text.startsWith('西安市市场监督管理局')).toBe(true);
    expect(e.meta.region?.name).toBe('西安市');
  });

  it('resolves a township’s or street’s own report to the town, below its county', () => {
    const street = extractReport('2022年,东城街道深入学习贯彻习近平法治思想，认真落实《广东省法治政府建设实施纲要》和《清城区2022年法治政府建设工作要点》。现将我街道2022年法治政府建设的情况报告如下:', taxonomy);
    expect(street.meta.region?.chain.map((r) => `${r.name}:${r.level}`)).toEqual(['东城街道:TOWN', '清城区:DISTRICT', '清远市:PREFECTURE', '广东省:PROVINCE']);
    expect(street.facts.filter((f) => f.kind === 'place')).toEqual([]);
    const town = extractReport('伊金霍洛镇2023年法治政府建设工作报告\n2023年，伊金霍洛镇在伊金霍洛旗委、旗政府领导下推进依法行政。', taxonomy);
    expect(town.meta.region?.code).toMatch(/^150627\d{3}$/);
  });

  it('keeps the county when a town name is shared and nothing in the text settles it', () => {
    expect(extractReport('龙溪镇2024年法治政府建设年度报告\n2024年，龙溪镇持续深化法治实践。', taxonomy).meta.region).toBeNull();
  });

  it('extracts a report about a prefecture without counties (东莞市)', () => {
    const e = extractReport('东莞市2023年法治政府建设年度报告\n2023年,东莞市深入推进依法行政。', taxonomy);
    expect(e.meta.region?.chain.map((r) => r.name)).toEqual(['东莞市', '广东省']);
  });

  it('does not read a numbered section heading as the title', () => {
    const e = extractReport('现将文山市2022年法治政府建设情况报告如下。\n一、落实法治政府建设年度报告制度概述\n2022年，全面落实法治政府建设年度报告制度。', taxonomy);
    expect(e.meta.title).toBeNull();
    expect(facts(e, 'practice', '法治政府建设年度报告').length).toBeGreaterThan(0);
  });

  it('reads the year reported on, not the year published', () => {
    expect(Object.values(reports).map((e) => e.meta.year)).toEqual([2023, 2023, 2022, 2023, 2023]);
    expect(reports.shaoyang.meta.publishedOn).toBe('2024-01-31');
  });

  it('reads issuer and document number where the report gives them', () => {
    expect(reports.anshan.meta.docNumber).toBe('鞍委〔2024〕17号');
    expect(reports.anshan.meta.issuer).toBe('中共鞍山市委 鞍山市人民政府');
    expect(reports.shaoyang.meta.issuer).toBe('中共邵阳市委全面依法治市委员会办公室');
    expect(reports.zhanggong.meta.docNumber).toBeNull();
  });

  it('strips page furniture but keeps the report’s own characters', () => {
    expect(reports.shaoyang.text).not.toContain('分享到');
    expect(reports.shaoyang.text).not.toContain('扫一扫在手机打开当前页');
    expect(reports.zhanggong.text).not.toContain('关怀版');
    expect(reports.nanyang.text).not.toContain('专栏首页');
    expect(reports.shaoyang.text).toContain('省委依法治省办:');
  });
});

describe('sections and status', () => {
  it('marks 存在的不足 as PROBLEM and next-year sections as PLANNED', () => {
    const top = reports.shaoyang.sections.filter((s) => s.level === 1).map((s) => [s.heading, s.status]);
    expect(top).toEqual([
      ['2023年主要工作', 'IMPLEMENTED'],
      ['存在的不足', 'PROBLEM'],
      ['2024年重点工作', 'PLANNED'],
    ]);
    expect(reports.zhanggong.sections.filter((s) => s.level === 1).map((s) => s.status)).toEqual(['IMPLEMENTED', 'PROBLEM', 'IMPLEMENTED', 'PLANNED']);
  });

  it('takes numbered shortcomings without their markers, and 偏高/不畅 as shortcomings', () => {
    const e = extractReport('某县2023年法治政府建设情况报告\n二、存在的不足和原因\n（一）行政执法监督机制还不健全。（二）行政复议纠错率偏高。\n1.数字法治政府建设相对滞后，信息共享不畅。', taxonomy);
    expect(facts(e, 'problem').map((f) => e.text.slice(f.span.start, f.span.end))).toEqual([
      '行政执法监督机制还不健全',
      '行政复议纠错率偏高',
      '数字法治政府建设相对滞后',
      '信息共享不畅',
    ]);
  });

  it('takes 短缺 and 不符 as shortcomings', () => {
    const text = '某乡2024年法治政府建设情况报告\n二、存在的问题\n一是乡村法治人才短缺,二是部分法规与实际需求不符。';
    const expected = [
      ['法治专业人才缺乏', '乡村法治人才短缺'],
      ['部分法规与实际需求不符', '部分法规与实际需求不符'],
    ];
    const e = extractReport(text, taxonomy);
    expect(facts(e, 'problem').map((f) => [f.name, e.text.slice(f.span.start, f.span.end)])).toEqual(expected);
  });

  it('reads a paragraph that opens with 清醒地认识到 as shortcomings', () => {
    const e = extractReport('2023年，某县法治政府建设情况报告\n一、主要工作\n全面推行行政执法“三项制度”。\n在肯定成绩的同时，我们也清醒地认识到，基层法治力量还比较薄弱。', taxonomy);
    expect(facts(e, 'problem').map((f) => [f.name, f.status])).toEqual([['基层法治力量薄弱', 'PROBLEM']]);
  });

  it('nests (一) under 一、 and 一是 points under (一)', () => {
    const s = reports.shaoyang.sections;
    const point = s.find((x) => x.level === 3 && x.heading.startsWith('成功创建全省法治政府建设示范市'));
    expect(point?.marker).toBe('二是');
    expect(s[point?.parentIndex ?? -1]?.marker).toBe('(一)');
  });

  it('recovers headings whose opening bracket the page lost (南阳: ")坚持…")', () => {
    expect(reports.nanyang.sections.filter((s) => s.level === 2).length).toBeGreaterThanOrEqual(4);
  });
});

describe('practices and systems', () => {
  it('finds 行政执法“三项制度” as the system, quote-insensitively, with the quotes in the span', () => {
    const mentions = facts(reports.shaoyang, 'system', '行政执法三项制度');
    expect(mentions.length).toBeGreaterThan(0);
    expect(mentions.map((m) => spanText(reports.shaoyang, m))).toContain('行政执法“三项制度”');
  });

  it('does not take 章贡’s 规范性文件合法性审核工作指引等“三项制度” for the 行政执法 one', () => {
    const sentence = reports.zhanggong.text.indexOf('合法性审核工作指引等');
    const wrong = reports.zhanggong.facts.filter((f) => f.span.start > sentence && f.span.start < sentence + 30 && f.name.includes('三项制度'));
    expect(wrong).toEqual([]);
    expect(facts(reports.zhanggong, 'system', '行政执法三项制度').length).toBeGreaterThan(0);
  });

  it('takes 鞍山’s 公示行政执法事项 as evidence of the 公示 component', () => {
    expect(facts(reports.anshan, 'system', '行政执法三项制度')).toEqual([]);
    const component = facts(reports.anshan, 'system', '行政执法公示制度');
    expect(component[0]?.componentOf).toBe('行政执法三项制度');
  });

  it('marks 南阳’s 三项制度 as planned', () => {
    const statuses = new Set(facts(reports.nanyang, 'system', '行政执法三项制度').map((f) => f.status));
    expect(statuses).toEqual(new Set(['PLANNED']));
  });

  it('discovers quoted local brands as uncurated practices', () => {
    const qianchengban = facts(reports.zhanggong, 'practice', '虔城办');
    expect(qianchengban[0]?.curated).toBe(false);
    expect(spanText(reports.zhanggong, qianchengban[0] as Fact)).toBe('“虔城办”');
  });

  it('finds shared practices under one canonical name in several reports', () => {
    const adopters = Object.entries(reports).filter(([, e]) => facts(e, 'practice', '法律明白人').length > 0).map(([k]) => k);
    expect(adopters.length).toBeGreaterThanOrEqual(4);
  });
});

describe('other kinds', () => {
  it('finds 出庭应诉率 in all five reports, 鞍山 as 95 GTE', () => {
    const rate = (e: Extraction) => facts(e, 'metric', '行政机关负责人出庭应诉率');
    for (const e of Object.values(reports)) expect(rate(e).length).toBeGreaterThan(0);
    expect(rate(reports.anshan).some((m) => m.value === 95 && m.qualifier === 'GTE')).toBe(true);
    expect(rate(reports.nanyang).some((m) => m.value === 97.8)).toBe(true);
  });

  it('finds 邵阳’s award with its year', () => {
    const award = facts(reports.shaoyang, 'award').find((a) => a.name.includes('全省法治政府建设示范市'));
    expect(award?.year).toBe(2023);
  });

  it('gives problems in the 不足 section a shared theme', () => {
    const themes = new Set(facts(reports.shaoyang, 'problem').map((p) => p.name));
    expect(themes).toContain('基层法治力量薄弱');
    expect(facts(reports.shaoyang, 'problem').every((p) => p.status === 'PROBLEM')).toBe(true);
  });

  it('finds document titles and sub-regions', () => {
    expect(facts(reports.shaoyang, 'document').map((d) => d.name)).toContain('邵阳市行政许可事项清单(2023年版)');
    expect(facts(reports.shaoyang, 'place').map((p) => p.name)).toContain('城步苗族自治县');
    expect(facts(reports.nanyang, 'place').map((p) => p.name)).toContain('西峡县');
  });

  it('keeps newspapers, programmes and cases in 《》 out of the documents', () => {
    const names = facts(reports.ziyang, 'document').map((d) => d.name);
    expect(names).not.toContain('陕西日报');
    expect(names).not.toContain('陈某某无证行医案');
    expect(names).toContain('紫阳县2023年法治政府建设工作要点');
  });

  it('finds villages and communities named in a list, not kinds of villages', () => {
    const e = extractReport('花都区2022年法治政府建设情况报告\n2022年,石塘村、马岭村被确认为省级民主法治示范村,洪桥街德源里社区、矿泉街沙涌南社区获评先进,行政村、示范村全覆盖。', taxonomy);
    expect(facts(e, 'place').map((f) => f.name)).toEqual(['石塘村', '马岭村', '德源里社区', '沙涌南社区']);
  });

  it('finds a district’s streets written 秀全街 for 秀全街道, and its towns', () => {
    const e = extractReport('花都区2022年法治政府建设情况报告\n2022年,秀全街花港社区被推选为“全国民主法治示范社区”,新华街道、狮岭镇持续推进。', taxonomy);
    expect(facts(e, 'place').map((f) => [f.name, e.text.slice(f.span.start, f.span.end)])).toEqual([
      ['秀全街道', '秀全街'],
      ['新华街道', '新华街道'],
      ['狮岭镇', '狮岭镇'],
    ]);
  });

  it('takes a short place name only where it stands as a name', () => {
    const ziyang = facts(reports.ziyang, 'place').map((p) => p.name);
    expect(ziyang).toContain('毛坝镇');
    expect(ziyang).not.toContain('成县');
    expect(ziyang).not.toContain('范县');
    expect(facts(reports.shaoyang, 'place').map((p) => p.name)).toContain('北塔区');
  });

  it('finds agencies under their canonical names', () => {
    const names = new Set(facts(reports.ziyang, 'agency').map((a) => a.name));
    expect(names).toContain('司法局');
    expect(names).toContain('公安局');
  });
});

describe('evidence spans', () => {
  it('lie inside the text and inside their sentence', () => {
    for (const e of Object.values(reports)) {
      for (const f of e.facts) {
        const sentence = e.sentences[f.sentenceIndex];
        expect(f.span.start).toBeGreaterThanOrEqual(0);
        expect(f.span.end).toBeLessThanOrEqual(e.text.length);
        expect(f.span.end).toBeGreaterThan(f.span.start);
        if (f.kind !== 'problem' && f.kind !== 'document') {
          expect(sentence && f.span.start >= sentence.start && f.span.end <= sentence.end + 1).toBe(true);
        }
      }
    }
  });
});

describe('general wording rules (sentences in the style of other reports)', () => {
  const names = (text: string, kind: Fact['kind']) => facts(extractReport(text, taxonomy), kind).map((f) => f.name);

  it('gives one canonical name whatever the surface form, with the broader concept in the taxonomy', () => {
    expect(names('公布“首违不罚”清单，推行首次违法不罚。', 'practice')).toEqual(['首违不罚', '首违不罚']);
    expect(taxonomy.practices.find((p) => p.name === '首违不罚')?.broader).toBe('包容审慎监管');
    expect(taxonomy.practices.find((p) => p.name === '行政执法公示制度')?.broader).toBe('行政执法三项制度');
  });

  it('finds a practice through its taxonomy pattern: 纳入…考核', () => {
    expect(names('2022年，将法治政府建设成效纳入全区绩效考核指标体系。', 'practice')).toContain('法治建设纳入考核');
  });

  it('finds common wordings of nationwide practices through their patterns', () => {
    const cases: Array<[string, string]> = [
      ['将领导干部学法活动情况纳入法治政府建设年度考核内容。', '法治建设纳入考核'],
      ['全力推进法治政府建设达标和示范创建。', '法治政府建设示范创建'],
      ['将法治建设成效作为市委、市政府年度综合考评重要指标。', '法治建设纳入考核'],
      ['将法治政府建设工作纳入党委巡察和人大常态化监督内容。', '法治建设纳入巡察'],
      ['将法治政府建设纳入全县发展总体规划和年度工作计划。', '法治建设纳入发展规划'],
      ['区政府常务会专题学习研讨习近平法治思想。', '政府常务会议学法'],
      ['通过召开县政府常务会、专题研讨班等方式,学习领会习近平法治思想。', '政府常务会议学法'],
      ['组织新提任领导干部参加任职前法律考试。', '领导干部任前法律知识考试'],
      ['局主要负责人带头讲授法治课。', '领导干部讲法治课'],
      ['规范行政处罚裁量权，推行柔性执法。', '行政裁量权基准'],
      ['积极创建“全国法治政府示范县”。', '法治政府建设示范创建'],
      ['开展法治宣传进农村、进社区、进机关、进企业、进校园活动。', '法律六进'],
      ['通过县委常委会会议、县政府常务会议、县委理论学习中心组学习等形式原文学习宪法。', '政府常务会议学法'],
      ['将法治建设情况列入年终述职内容，纳入绩效考核。', '法治建设纳入考核'],
      ['把法治建设成效作为衡量各级领导班子和领导干部工作实绩的重要内容。', '法治建设纳入考核'],
      ['法治泉州建设考评连续两年获优秀等次。', '法治建设纳入考核'],
      ['发挥镇党委学习中心组作用，带头学法。', '理论学习中心组学法'],
      ['聘请律师审查重大行政决策的合法性。', '合法性审查'],
      ['全年开展专项督查6次，通报问题15项。', '法治督察'],
      ['审议法治政府建设工作要点和示范创建方案。', '法治政府建设示范创建'],
      ['组织副科级以上干部参加法治理论知识现场抽考。', '国家工作人员学法考法'],
      ['开展宪法法律知识测试，参考率100%。', '国家工作人员学法考法'],
      ['组织执法规范化培训4场。', '行政执法人员培训'],
      ['每年一季度向县委报告法治政府建设情况。', '法治政府建设年度报告'],
      ['将法治政府建设摆在突出位置,纳入全县经济社会发展总体规划。', '法治建设纳入发展规划'],
      ['将宪法法律知识作为新录用公务员初任培训的重要内容。', '法治教育纳入干部教育培训'],
      ['实行企业住所登记承诺制，为新开办企业免费刻制公章。', '企业住所登记承诺制'],
      ['实行企业住所登记承诺制，为新开办企业免费刻制公章。', '新开办企业免费刻章'],
      ['编制街道职责清单，深化街镇管理体制改革。', '乡镇(街道)职责清单'],
      ['编制街道职责清单，深化街镇管理体制改革。', '乡镇(街道)管理体制改革'],
      ['开展年度述法，党委书记逐一点评。', '述法'],
      ['召开述职会议，党委(党组)书记点评法治工作。', '述法'],
      ['推进街道法治化综合改革。', '乡镇(街道)法治化综合改革'],
      ['法律顾问审查合同86份，把关政府签订的各类合同。', '合同合法性审查'],
      ['有序推进法治建设“十四五”规划落地落实。', '法治建设规划'],
      ['召开院坝会20余场。', '院坝会'],
      ['严格落实重大执法决定集体讨论。', '重大行政执法决定集体讨论'],
      ['全力做好新冠肺炎疫情依法防控工作。', '疫情依法防控'],
      ['编制行政执法流程图，规范执法文书。', '行政执法流程图'],
      ['制定完善全镇依法治镇责任制实施方案。', '依法治理责任制'],
      ['各部门每年向县政府报告法治政府建设工作。', '法治政府建设年度报告'],
      ['主动向县委报告法治政府建设中的重大问题。', '重大事项请示报告'],
      ['在年度干部述职中增加法治建设内容。', '述法'],
      ['将法治建设纳入全市经济社会发展“十四五”规划。', '法治建设纳入发展规划'],
      ['将法治政府建设作为各单位工作的重点,纳入年度工作重要考核任务。', '法治建设纳入考核'],
      ['及时向省委报告法治政府建设情况。', '法治政府建设年度报告'],
      ['全年审核市政府行政规范性文件13件。', '行政规范性文件合法性审核'],
      ['审核(审查)市政府重大行政决策、合作协议56件。', '合法性审查'],
      ['大力推进法治机关建设。', '法治机关建设'],
      ['邀请律师开展《民法典》专题讲座。', '法治专题讲座'],
      ['共抽查8个部门的执法案卷96卷。', '行政执法案卷评查'],
      ['新县在法治信阳(法治政府)考核中获得优秀等次。', '法治建设纳入考核'],
      ['完成300余项行政审批(备案)事项集中划转。', '相对集中行政许可权改革'],
      ['区政府常务会议学习习近平法治思想10次。', '政府常务会议学法'],
      ['区委常委会学习习近平法治思想14次。', '会前学法'],
      ['依托新疆干部网络学院开展网上学法。', '干部网络学院'],
      ['落实法治建设责任制。', '依法治理责任制'],
      ['精细化制定2022年度法治某县建设工作考核细则。', '法治建设纳入考核'],
      ['印发《某县第八个五年普法规划》,全面实施第八个五年普法。', '八五普法'],
      ['将法治宣传教育纳入全县年度工作要点和经济社会发展年度考核内容。', '法治建设纳入考核'],
    ];
    for (const [text, practice] of cases) expect(names(text, 'practice'), text).toContain(practice);
  });

  it('keeps a named field out of 法治督察 and the practice the subject names out of 纳入…考核', () => {
    expect(names('开展安全生产专项督查。', 'practice')).not.toContain('法治督察');
    const both = names('将党政主要负责人履行推进法治建设第一责任人职责纳入年度考核体系。', 'system').concat(
      names('将党政主要负责人履行推进法治建设第一责任人职责纳入年度考核体系。', 'practice'),
    );
    expect(both).toEqual(expect.arrayContaining(['法治建设第一责任人职责', '法治建设纳入考核']));
  });

  it('reads a practice in the title of a local list or rule, not in the title of a regulation cited', () => {
    expect(names('书面学习《某省领导干部应知应会党内法规和国家法律法规清单》。', 'practice')).toEqual(['领导干部应知应会法律法规清单']);
    expect(names('根据《关于印发〈法治政府建设与责任落实督察工作规定〉的通知》有关规定。', 'practice')).toEqual([]);
  });

  it('reads a filing with the justice bureau as the filing review system, a report to the congress as that system', () => {
    expect(names('2023年制发行政规范性文件3件,均报县司法局备案。', 'system')).toEqual(['规范性文件备案审查']);
    expect(names('受区政府委托,向区人大常委会报告法治政府建设情况。', 'system')).toEqual(['政府向人大报告工作']);
  });

  it('takes digits in quotes with the noun they name, not a year', () => {
    expect(names('建立“153”工作机制，完成“2023”专项。', 'practice')).toEqual(['153工作机制']);
    expect(names('构建“1+3+6”全方位优化营商环境工作体系。', 'practice')).toEqual(['1+3+6全方位优化营商环境工作体系']);
  });

  it('takes a quoted list of phrases for a practice only when a practice noun names it', () => {
    expect(names('深入实施“学法争先、执法争优”行动，坚持“创则必优、创则必成”。', 'practice')).toEqual(['学法争先执法争优行动']);
  });

  it('takes no award from the words of a document title', () => {
    const e = extractReport('印发了《某县落实第一责任人职责情况列入年终述职内容试点工作实施方案》等文件。', taxonomy);
    expect(facts(e, 'award')).toEqual([]);
    expect(facts(e, 'document')).toHaveLength(1);
  });

  it('does not take a quoted name put on a list (列入“2+2”综合服务范围) for an award', () => {
    const e = extractReport('将政务服务事项列入“2+2”综合服务范围。', taxonomy);
    expect(facts(e, 'award')).toEqual([]);
    expect(facts(e, 'practice').map((f) => f.name)).toEqual(['2+2综合服务']);
  });

  it('keeps goals of becoming (“…全局化”), anniversaries and “法治政府建设” in quotes out of the practices, not counted steps', () => {
    expect(names('实现“法治工作全局化”，迎来“十五周年”，推进“法治政府建设”，落实“四减一优化”。', 'practice')).toEqual(['四减一优化']);
  });

  it('discovers a body or facility a report sets up, and a system it keeps to (严格执行…制度)', () => {
    expect(names('成立民营企业法律服务团，设立知识产权服务专窗，严格执行财政资金监管制度。', 'practice')).toEqual([
      '民营企业法律服务团',
      '知识产权服务专窗',
      '财政资金监管制度',
    ]);
  });

  it('discovers named formats of outreach and deliberation, not a bare 宣讲', () => {
    expect(names('通过田坎课堂、周末夜学等形式学法，依托居民议事厅协商，开展专题宣讲。', 'practice')).toEqual(['田坎课堂', '周末夜学', '居民议事厅']);
  });

  it('discovers a named course, forum or contest a report holds, without its year, not a bare 专题讲座', () => {
    const text = '举办2023年习近平法治思想专题培训班，组建习近平法治思想律师宣讲团，组织开展“学习习近平法治思想”主题征文活动，开展专题讲座4次。';
    expect(names(text, 'practice')).toEqual(['习近平法治思想专题培训班', '习近平法治思想律师宣讲团', '学习习近平法治思想主题征文活动']);
  });

  it('does not take the particle after the verb (建立了…制度) into a mechanism’s name', () => {
    expect(names('建立了案件集体研判制度。', 'practice')).toEqual(['案件集体研判制度']);
  });

  it('takes 命名为 for conferring a title whatever its words', () => {
    expect(names('红色教育基地被司法部命名为全国法治宣传教育基地。', 'award')).toEqual(['全国法治宣传教育基地']);
  });

  it('keeps completeness formulas, directions of change and metaphors in quotes out of the practices', () => {
    expect(names('全面落实“应述尽述”，推动满意度“双提升”，实现“满堂红”。', 'practice')).toEqual([]);
    expect(names('落实“四个扎实”要求，围绕“一三五六”总体部署，贯彻“十一个坚持”的核心要义。', 'practice')).toEqual([]);
    expect(names('打好“六大战役”，打赢“巩固战”，制定“纲领性文件”，开设“学思践悟|法治思想”专栏，融入“一带一路”。', 'practice')).toEqual([]);
  });

  it('keeps epithets, effects, set moves, battles, descriptions and three-character calls in quotes out of the practices', () => {
    const text = '镇素有“南大门”之称，发挥“头雁效应”，做好“规定动作”，打赢“大上海保卫战”，建设“更高标准的法治某区”，做到“走在前、勇争先、善作为”。';
    expect(names(text, 'practice')).toEqual([]);
    expect(names('落实“谁主管、谁负责”原则，贯彻“一规划、两纲要”。', 'practice')).toEqual(['谁主管、谁负责', '一规划、两纲要']);
  });

  it('reads the 2020 wording of lawful epidemic control and wildlife enforcement, and 12345 alone but not as a count', () => {
    expect(names('依法做好新冠肺炎疫情防控，推动强化保护野生动物资源相关执法。', 'practice')).toEqual(['疫情依法防控', '野生动物保护执法']);
    expect(names('畅通“12345”热线渠道，办理群众诉求。', 'practice')).toContain('12345热线');
    expect(names('全年受理群众来电12345件。', 'practice')).toEqual([]);
  });

  it('keeps principles of method and the 四个铁一般 formula in quotes out of the practices', () => {
    const text = '坚持“理论联系实际”“普遍与重点相结合”的方法，用“理论指导实践”，锻造“四个铁一般”队伍，推行“法治夜校”。';
    expect(names(text, 'practice')).toEqual(['法治夜校']);
  });

  it('keeps the report’s own outline, aims, development goals and long counted formulas in quotes out of the practices', () => {
    const outline = '全文包括“主要举措和成效”“存在的不足和原因”以及“推进法治化营商环境工作情况”。';
    expect(names(outline, 'practice')).toEqual([]);
    expect(names('围绕“加强依法行政”,建设“长三角一流现代化城区”,打造“三区一高地”,领会“十一个坚持”的内涵。', 'practice')).toEqual([]);
    expect(names('落实一线工作法、闭环工作法、清单式工作法,提升政府工作法治化水平。', 'practice')).toEqual(['一线工作法', '闭环工作法', '清单式工作法']);
    expect(names('深化“五星”支部创建,推进“两山”基地创建。', 'practice')).toEqual(['五星支部创建', '两山基地创建']);
    expect(names('变“多地跑”“折返跑”为一次办,争当“领头羊”,建设“强富美高”新家园。', 'practice')).toEqual([]);
    expect(names('坚持“良法善治”,筑牢“护城河”,发挥“以上率下”作用。', 'practice')).toEqual([]);
    // Measures, levels and topics in quotes.
    expect(names('提高执法“规范度”和群众“满意度”,跑出“加速度”,实现“国家级”创建突破,做好“三农”工作。', 'practice')).toEqual([]);
    expect(names('召开党委中心理论组学习会,开展案卷质量评审。', 'practice')).toEqual(['理论学习中心组学法', '行政执法案卷评查']);
    expect(names('依托法宣在线平台组织学法考试。', 'practice')).toContain('国家工作人员学法考法');
    expect(names('把法治作为“必选项”“硬约束”,推进“依法治区”“依法治镇”,抓住“窗口期”,打造“升级版”,实现“优化法治化营商环境”。', 'practice')).toEqual([]);
    expect(names('组织观看中国庭审公开网公开审理的行政诉讼案件。', 'practice')).toEqual(['旁听庭审']);
    expect(names('落实“深化依法治国实践”“完善市场监管体制”,防止“一刀切”,抓住“牛鼻子”,推进“网络化、一体化、智能化”。', 'practice')).toEqual([]);
    expect(names('打造“石榴籽”调解室,推行“两书一函”,建立“1+1+6”社会治理中心,围绕“3+1+1”工作思路和各项中心工作。', 'practice')).toEqual(['石榴籽', '两书一函', '1+1+6社会治理中心']);
  });

  it('does not take an enumerator for part of a leading group’s name (一是成立领导小组)', () => {
    expect(names('一是成立领导小组，统筹推进。', 'agency')).toEqual([]);
    expect(names('一是成立法治政府建设领导小组，统筹推进。', 'agency')).toEqual(['法治政府建设领导小组']);
    expect(names('局党组高度重视,并成立法治交通建设领导小组。', 'agency')).toEqual(['法治交通建设领导小组']);
    expect(names('持续完善法治建设领导小组,充分发挥领导小组作用,设立工作领导小组。', 'agency')).toEqual(['法治建设领导小组']);
    expect(names('成立全面依法治县工作领导小组。', 'agency')).toEqual(['全面依法治县工作领导小组']);
  });

  it('takes 州委, 州政府 and 旗委 as bodies with their level, and a law firm as no public body', () => {
    expect(names('在州委、州政府的坚强领导下,旗委统筹推进。', 'agency')).toEqual(['党委', '人民政府', '党委']);
    expect(names('聘请某某律师事务所担任法律顾问。', 'agency')).toEqual([]);
  });

  it('keeps aims put as verb phrases, bodies in quotes and the bare 法治建设机制 out of the practices', () => {
    expect(names('推动“全面提升法治政府建设水平”，成立“街道全面依法治理委员会”，健全法治建设机制。', 'practice')).toEqual([]);
  });

  it('does not read 精神、省、市 (the end of a word, then levels) as a formula of steps', () => {
    expect(names('传达学习贯彻党的二十大精神、省、清远市有关会议精神。', 'practice')).toEqual([]);
  });

  it('does not take the 纲要’s chapter 法治政府建设推进机制, or a goal (坚持做到…机制), for a named mechanism', () => {
    expect(names('深化法治政府建设推进落实机制。', 'practice')).toEqual([]);
    expect(names('健全法治领导机制，建立法治工作机制，形成各科室逐项落实的工作机制，积极探索和创新执法机制。', 'practice')).toEqual([]);
    expect(names('坚持做到责任机制、监督机制和评议考核“三到位”。', 'practice')).not.toContain('做到责任机制');
  });

  it('does not take the honour won for the practice of striving for it, nor the report naming itself', () => {
    expect(names('2022年我县被评为全国法治政府建设示范县。', 'practice')).toEqual([]);
    expect(names('现将2022年度法治政府建设报告如下:', 'practice')).toEqual([]);
  });

  it('does not take the report’s title for a practice wherever the page repeats it (标题: …, heading, title line)', () => {
    const text = '标题: 襄阳市司法局2022年法治政府建设年度报告\n文号: 主题词:\n襄阳市司法局2022年法治政府建设年度报告\n2022年，市司法局按时公开法治政府建设年度报告。';
    const e = extractReport(text, taxonomy);
    const reports = facts(e, 'practice', '法治政府建设年度报告');
    expect(reports).toHaveLength(1);
    expect(reports[0]!.span.start).toBeGreaterThan(e.text.lastIndexOf('\n'));
  });

  it('reads the national days of 普法 and the duty of measuring cadres by rule-of-law results', () => {
    expect(names('围绕国家安全日、“6·26”国际禁毒日开展宣传。', 'practice')).toEqual(['全民国家安全教育日', '国际禁毒日']);
    expect(names('把法治政府建设成效作为衡量干部实绩的重要内容。', 'practice')).toEqual(['法治建设纳入考核']);
    expect(names('利用社工周、“中华慈善日”开展宣传。', 'practice')).toContain('社会工作宣传周');
  });

  it('reads national programmes as departments and regions word them: 欠薪清零, fair-competition clean-ups, 应知应会 exams, 中心组(扩大)会议', () => {
    expect(names('扎实开展农民工工资欠薪清零工作。', 'practice')).toEqual(['根治欠薪']);
    expect(names('清理妨碍统一市场和公平竞争的政策性文件12件。', 'practice')).toEqual(['妨碍统一市场和公平竞争政策措施清理']);
    expect(names('组织应知应会法律法规集中考试,印发应知应会清单。', 'practice')).toEqual(['国家工作人员学法考法', '领导干部应知应会法律法规清单']);
    expect(names('召开局党组中心组(扩大)会议学习习近平法治思想。', 'practice')).toContain('理论学习中心组学法');
    expect(names('建设高明区习近平法治思想宣传教育基地。', 'practice')).toEqual(['法治文化阵地']);
    expect(names('结合党史学习教育和政法队伍教育整顿,开展专题学法。', 'practice')).toEqual(['党史学习教育', '政法队伍教育整顿', '领导干部学法']);
    expect(names('利用“4.22”世界地球日开展宣传,实施事中信用分级监管、事后信用惩戒,全面推行行政审批标准化。', 'practice')).toEqual(['世界地球日', '信用监管', '失信联合惩戒', '政务服务标准化规范化便利化']);
    expect(names('落实法治建设年度报告制度,规范行使自由裁量权。', 'practice')).toEqual(['法治政府建设年度报告', '行政裁量权基准']);
    expect(names('将习近平法治思想列入县政府常务会议重点学习内容,开展习近平法治思想网络知识竞答活动。', 'practice')).toEqual(['政府常务会议学法', '习近平法治思想网络知识竞答活动']);
  });

  it('keeps the practice named before 纳入…巡察 as well as the inclusion, and names meetings that study law', () => {
    expect(names('将党政主要负责人履行推进法治建设第一责任人职责情况纳入市、县巡察范围。', 'system')).toContain('法治建设第一责任人职责');
    expect(names('将党政主要负责人履行推进法治建设第一责任人职责情况纳入市、县巡察范围。', 'practice')).toContain('法治建设纳入巡察');
    expect(names('2022年新城党委会、主任办公会学法6次。', 'practice')).toEqual(['会前学法']);
  });

  it('reads 府院联动 in a joint meeting of government and court, and common variants of national concepts', () => {
    expect(names('召开市政府与市中级人民法院联席会议。', 'practice')).toEqual(['府院联动']);
    expect(names('扎实做好第三批全国法治政府建设单项示范项目创建活动申报工作。', 'practice')).toEqual(['法治政府建设示范创建']);
    expect(names('申报普法职责目录，组织区领导专题讲法。', 'practice')).toEqual(['普法责任清单', '领导干部讲法治课']);
  });

  it('reads study of law at meetings, 普法 days, research bases and the duty to report, as other regions word them', () => {
    expect(names('党组会专题学法4次，干部职工周一例会学法12次。', 'practice')).toEqual(['会前学法', '会前学法']);
    expect(names('围绕“3·15”消费者权益日、“12.4”法制宣传日开展宣传。', 'practice')).toEqual(['国际消费者权益日', '宪法宣传周']);
    expect(names('设立山东省习近平法治思想研究基地。', 'practice')).toEqual(['习近平法治思想研究基地']);
    expect(names('开展“尊法守法·携手筑梦”服务农民工公益法律服务行动和“学宪法讲宪法”活动。', 'practice')).toEqual(['尊法守法·携手筑梦', '学宪法讲宪法']);
    expect(names('开展涉民营企业刑事诉讼“挂案”清理，慎用强制措施，推进法治政府部门建设。', 'practice')).toEqual(['涉民营企业刑事诉讼挂案清理', '涉企案件慎用强制措施', '法治机关建设']);
    expect(names('召开府院检联席会议，落实“三个规定”，处理12315投诉数据，利用“学习强国”和“三会一课”学法。', 'practice')).toEqual(['府院联动', '防止干预司法三个规定', '12315投诉举报', '学习强国', '三会一课']);
    expect(names('区委常委会专题听取法治政府建设报告。', 'practice')).toEqual(['法治政府建设年度报告']);
    expect(names('按时向社会公开法治政府建设情况，开展行政处罚案卷抽查评审。', 'practice')).toEqual(['法治政府建设年度报告', '行政执法案卷评查']);
    expect(names('落实“谁执法,谁普法”，司法所长列席乡镇(街道)党委(扩大)会议，将法治经费列入年度财政预算。', 'practice')).toEqual(['谁执法谁普法', '司法所长列席党政会议', '法治工作经费保障']);
    expect(names('将法治建设与农业农村工作同部署、同推进、同考核。', 'practice')).toEqual(['法治建设纳入考核']);
    expect(names('将法治政府建设纳入年度工作计划，将法治培育列为主体班次必修课程。', 'practice')).toEqual(['法治建设纳入发展规划', '法治教育纳入干部教育培训']);
  });

  it('names the ministries of the State Council and common short forms of local bodies', () => {
    expect(names('经财政部、交通运输部和国管局批准，市直机关工委、区人力社保局、省政务办参加。', 'agency')).toEqual([
      '财政部',
      '交通运输部',
      '国家机关事务管理局',
      '机关工作委员会',
      '人力资源和社会保障局',
      '政务服务管理局',
    ]);
    expect(names('加强与财政部门沟通。', 'agency')).not.toContain('财政部');
    expect(names('局政策法规科牵头，法规处审核。', 'agency')).toEqual(['法制机构', '法制机构']);
    expect(names('各级政府和部门在党委统一领导下落实任务，镇党委高度重视。', 'agency')).toEqual(['党委']);
    expect(names('由镇长喻可胜兼任领导小组组长，下设工作领导小组办公室。', 'agency')).toEqual([]);
  });

  it('reads sector programmes of departments under their ministries’ national frames', () => {
    const text = '深化交通运输综合行政执法改革，开展治超和中国渔政亮剑行动，推行生态环境监督执法正面清单，全面推行林长制。';
    expect(names(text, 'practice')).toEqual(['交通运输综合行政执法改革', '超限超载治理', '中国渔政亮剑', '生态环境监督执法正面清单', '林长制']);
    expect(names('推进行政复议员制度改革，建设农家书屋，开齐道德与法治课。', 'practice')).toEqual(['行政复议员制度', '农家书屋', '道德与法治课程']);
    const variants = '组织法庭旁听，开展法治巡察，健全重大行政决策机制，新任领导干部集中考法。';
    expect(names(variants, 'practice')).toEqual(['旁听庭审', '法治建设纳入巡察', '领导干部任前法律知识考试']);
    expect(names(variants, 'system')).toEqual(['重大行政决策程序']);
    expect(names('开展立法民意征集，落实重大执法决定法治审核制度。', 'practice').concat(names('开展立法民意征集，落实重大执法决定法治审核制度。', 'system'))).toEqual(['立法意见征集', '重大执法决定法制审核制度']);
    expect(names('垫江县普法工作办公室组织，全国普及法律常识办公室通报。', 'agency')).toEqual(['普法办公室', '全国普法办公室']);
  });

  it('reads the national days of departments’ 普法, the rounds of 机构改革 and 污染防治攻坚战', () => {
    const text = '利用“5.12”防灾减灾日、“6.25”全国土地日、世界环境日开展宣传，完成新一轮机构改革，打好蓝天保卫战。';
    expect(names(text, 'practice')).toEqual(['全国防灾减灾日', '全国土地日', '世界环境日', '机构改革', '污染防治攻坚战']);
    expect(names('做好规范性文件制定和清理，清理已失效文件，案审委集体讨论后作出决定。', 'practice')).toEqual(['规范性文件清理', '规范性文件清理', '重大行政执法决定集体讨论']);
  });

  it('reads 三重一大, 五公开 and 三统一 spelt out', () => {
    expect(names('坚持重大决策、重要干部任免、重大项目安排和大额资金使用的集体决策。', 'system')).toEqual(['三重一大']);
    expect(names('全面推进决策、执行、管理、服务、结果的信息依法公开。', 'practice')).toEqual(['五公开']);
    expect(names('做到统一登记、统一管理、统一发布。', 'system').concat(names('做到统一登记、统一管理、统一发布。', 'practice'))).toEqual(['规范性文件三统一']);
  });

  it('takes a title whose results a report consolidates, and each title of a list that ends in 先进市', () => {
    expect(names('不断巩固“全国法治政府建设示范县”创建成果。', 'award')).toEqual(['全国法治政府建设示范县']);
    expect(names('持续深化巩固法治政府建设示范市创建成果。', 'award')).toEqual([]);
    expect(names('2023年荣获全省法治建设先进集体、全省县域经济考核评价先进市。', 'award')).toEqual(['全省法治建设先进集体', '全省县域经济考核评价先进市']);
    expect(names('全市教育系统获全省“八五”普法中期成绩突出集体1个、突出个人2人。', 'award')).toEqual(['全省八五普法中期成绩突出集体', '突出个人']);
    expect(names('李克强总理批示肯定江苏“一件事”改革做法。', 'award')).toHaveLength(1);
    expect(names('被市委依法治市办拟推荐为全国法治政府建设示范区报中央依法治国办。', 'award')).toEqual(['全国法治政府建设示范区']);
    expect(names('食品安全工作被省食品药品安全委员会评议考核为“优秀”等次。', 'award')).toHaveLength(1);
    expect(names('上报案例荣获黄石市营商环境十佳推荐案例，信用修复服务被确定为2021年湖北市场监管品牌工作。', 'award')).toEqual(['黄石市营商环境十佳推荐案例', '2021年湖北市场监管品牌工作']);
    expect(names('2024年入选自治区第一批广西国际合作园区。', 'award')).toEqual(['第一批广西国际合作园区']);
    expect(names('新昌县普法办被评选为“2016-2020年全国普法工作先进单位”。', 'award')).toEqual(['2016-2020年全国普法工作先进单位']);
    expect(names('获得省水土保持目标责任考核结果“优秀”等次。', 'award')).toHaveLength(1);
    expect(names('7个优化营商环境案例被省市发文推广。', 'award')).toHaveLength(1);
    expect(names('经验做法被省委依法治省办采用，执法案例被采纳为省典型案例。', 'award')).toHaveLength(2);
    expect(names('我市作为先进典型作发言，长清区在全市推进会议上作了典型发言。', 'award')).toHaveLength(2);
    expect(names('连续3年获评全国健康城市建设样板市，入围全省基层治理创新试验区。', 'award')).toEqual(['全国健康城市建设样板市', '全省基层治理创新试验区']);
    expect(names('抖音账号和双辽市分别获评第二批全省法治政府建设示范项目、示范地区。', 'award')).toEqual(['第二批全省法治政府建设示范项目', '示范地区']);
    expect(names('连续三年位列“营商环境最佳口碑省份”,质量工作考核均获最高等级A级。', 'award')).toEqual(['营商环境最佳口碑省份', '最高等级A级']);
    expect(names('分局被评为全省法治建设和普法工作成绩优秀单位、全省“耕地保护进万村”主题宣传优秀组织单位。', 'award')).toEqual([
      '全省法治建设和普法工作成绩优秀单位',
      '全省耕地保护进万村主题宣传优秀组织单位',
    ]);
  });

  it('takes a province naming its units (命名5个…) and a candidate listing before 之一 for awards', () => {
    expect(names('2020年,我省命名5个法治政府建设示范市(县)。', 'award')).toEqual(['法治政府建设示范市(县)']);
    expect(names('被省委依法治省办作为第三批全国法治政府建设示范创建综合候选地区之一向中央推荐。', 'award')).toEqual([
      '第三批全国法治政府建设示范创建综合候选地区',
    ]);
  });

  it('keeps principles and aims put as verb phrases in quotes, and verb phrases before a mechanism, out of the practices', () => {
    expect(names('坚持“坚持全面依法治国”，力争“率先突破”，推动“线上线下”融合。', 'practice')).toEqual([]);
    expect(names('坚持落实依法决策机制。局长作为区宣讲团成员。', 'practice')).toEqual([]);
  });

  it('ends an award before the opening that follows it when the source lost the stop', () => {
    expect(names('扎实推进法治政府建设,荣获全国法治政府建设示范市现将有关情况报告如下:', 'award')).toEqual(['全国法治政府建设示范市']);
  });

  it('takes 创成 for winning a title', () => {
    expect(names('2022年,我市成功创成全省法治政府建设示范市。', 'award')).toEqual(['全省法治政府建设示范市']);
  });

  it('takes a quoted code together with the noun it names, and a two-character brand before 专项', () => {
    expect(names('制定“1+4+X”学法清单，开展“净源”专项执法行动。', 'practice')).toEqual(['1+4+X学法清单', '净源']);
    expect(names('开展“湘剑”护农行动和“解放思想、奋发进取”大讨论。', 'practice')).toEqual(['湘剑护农行动', '解放思想奋发进取大讨论']);
    expect(names('在局官网开设“学习宣传贯彻习近平法治思想”专栏。', 'practice')).toEqual(['学习宣传贯彻习近平法治思想专栏']);
  });

  it('does not take the old way in 由“…”向“…”转变 for a practice', () => {
    expect(names('审批由“被动接受申报”向“主动收集需求”转变。', 'practice')).toEqual(['主动收集需求']);
  });

  it('does not take 国家、省、市 for a formula of steps', () => {
    expect(names('落实国家、省、市部署，衔接省、州、县三级，贯彻国、省、市要求。', 'practice')).toEqual([]);
  });

  it('does not take generic mechanisms (督查考核机制, 学法常态化机制) for named ones', () => {
    expect(names('完善督查考核机制，健全学法常态化机制。', 'practice')).toEqual([]);
  });

  it('keeps metaphors, manners and bare goals in quotes out of the practices', () => {
    expect(names('明确“路线图”“时间表”，建设“法治政府”，以“一体化”协作、“数字化”赋能。', 'practice')).toEqual([]);
  });

  it('does not read across a quote opened inside a quote', () => {
    expect(names('坚持“践行“两山”理念”。', 'practice')).not.toContain('践行两山');
  });

  it('does not read a regulation’s title as the practice its pattern describes', () => {
    expect(names('严格落实《法治政府建设与责任落实督察工作规定》。', 'practice')).not.toContain('法治督察');
  });

  it('does not take a law’s title for the practice it is named after', () => {
    expect(names('深入宣传《中华人民共和国法律援助法》。', 'practice')).not.toContain('法律援助');
  });

  it('keeps political formulas in quotes out of the practices, but not terms in single quotes', () => {
    const found = names('增强“四个意识”，做到“两个维护”，抓住“关键少数”，开展‘大排查早调解’专项活动。', 'practice');
    expect(found).not.toEqual(expect.arrayContaining(['四个意识']));
    expect(found).not.toContain('两个维护');
    expect(found).not.toContain('关键少数');
    expect(found).toContain('大排查早调解');
  });

  it('keeps metaphors and manner words in quotes out of the practices', () => {
    expect(names('开展“面对面”“零距离”服务，打通“最后一公里”。', 'practice')).toEqual([]);
  });

  it('takes a two-character quoted term only when a practice noun follows', () => {
    expect(names('完成“三定”规定修订，为企业“松绑”。', 'practice')).toEqual(['三定']);
  });

  it('takes a conferred title as an award whatever its words', () => {
    const awards = names('2023年，我县被司法部授予“全国人民调解工作先进集体”荣誉称号。', 'award');
    expect(awards).toEqual(['全国人民调解工作先进集体']);
  });

  it('takes an honour in quotes for an award, not a practice', () => {
    const e = extractReport('2020年，文昌市被评为“国家卫生城市”，获得“全国文明单位”荣誉称号。', taxonomy);
    expect(facts(e, 'practice')).toEqual([]);
    expect(facts(e, 'award').map((a) => a.name)).toEqual(expect.arrayContaining(['国家卫生城市', '全国文明单位']));
  });

  it('discovers an unquoted mechanism that a report sets up, as an uncurated practice', () => {
    const e = extractReport('2023年，我区建立反馈办理闭环机制，推行村居法律服务联络员制度，打造“法治护企”平台。', taxonomy);
    const found = facts(e, 'practice').map((f) => [f.name, f.curated]);
    expect(found).toEqual([
      ['反馈办理闭环机制', false],
      ['村居法律服务联络员制度', false],
      ['法治护企', false],
    ]);
  });

  it('takes a list of one-character steps for one formula, quoted or not', () => {
    expect(names('健全学、用、述、考、评、督、责一体化推进机制，实现“述、考、评、督、责”贯通。', 'practice')).toEqual(['学用述考评督责', '述考评督责']);
    expect(names('构建市、县、乡、村四级公共法律服务网络。', 'practice')).not.toContain('市县乡村');
  });

  it('discovers mechanisms a report keeps to and campaigns it launches', () => {
    const found = names('严格落实法治建设定期报告制度，建立纤检所与综合执法支队联动协作机制，出台2024年度党组集体学法清单，开展重点场所控烟专项行动。', 'practice');
    expect(found).toEqual(['法治建设定期报告制度', '纤检所与综合执法支队联动协作机制', '党组集体学法清单', '重点场所控烟专项行动']);
    expect(names('在超市等场所开展消防安全大检查行动。', 'practice')).toEqual(['消防安全大检查行动']);
    expect(names('制定20项任务清单。', 'practice')).toEqual([]);
  });

  it('does not take headings, generic mechanisms or pairs for named mechanisms', () => {
    const text = '(三)完善依法行政制度体系\n建立健全长效机制，完善制度机制，健全行政审批流程与机制。';
    expect(facts(extractReport(text, taxonomy), 'practice')).toEqual([]);
  });

  it('takes a quoted title after a batch word for an award', () => {
    expect(names('2023年，12个窗口获评第二批“清风政务窗口”，西城街道入选全国“枫桥式工作法”单位。', 'award')).toEqual([
      '第二批清风政务窗口',
      '全国枫桥式工作法单位',
    ]);
  });

  it('takes praise and promotion from above for awards, not the region’s own promotion', () => {
    expect(names('2022年，我县行政复议工作获国务院办公厅通报表扬。', 'award')).toEqual(['国务院办公厅通报表扬']);
    expect(names('“首违不罚”做法在全国推广，“一窗通办”经验在全县推广。', 'award')).toEqual(['做法在全国推广']);
    expect(names('司法部对我区府院联动的经验给予充分肯定。', 'award')).toEqual(['司法部对我区府院联动的经验给予充分肯定']);
    expect(names('力争相关经验在全省推广。', 'award')).toEqual([]);
  });

  it('takes an invitation to present as an example, praise from a higher office and prizes for awards', () => {
    expect(names('2023年，我局在全省市场监管行政执法工作视频会上做典型发言。', 'award')).toEqual(['做典型发言']);
    expect(names('“千人千页”智能服务获市政府办公厅肯定并全市推广。', 'award')).toEqual(['市政府办公厅肯定']);
    expect(names('在全省电子数据取证大比武中荣获团体第一名。', 'award')).toEqual(['团体第一名']);
    expect(names('在全省法律知识竞赛中获“优秀组织奖”。', 'practice')).toEqual([]);
  });

  it('takes a prize named by its contest, a title held (保留…称号, “…”成果持续巩固) and a 表现突出的单位 for awards', () => {
    expect(names('第三届全省市场监管系统法律知识竞赛荣获三等奖。', 'award')).toEqual(['第三届全省市场监管系统法律知识竞赛荣获三等奖']);
    expect(names('我局干部在全市“宪法杯”演讲比赛中获得一等奖。', 'award')).toEqual(['全市“宪法杯”演讲比赛中获得一等奖']);
    expect(names('我局荣获三等奖。', 'award')).toEqual([]);
    expect(names('冯山社区顺利通过复核验收,保留全国民主法治示范村(社区)称号。', 'award')).toEqual(['全国民主法治示范村(社区)']);
    expect(names('保留行政许可事项126项。', 'award')).toEqual([]);
    const held = '推动全县法治政府建设实现新发展“全省法治政府建设示范县”成果持续巩固。';
    expect(names(held, 'award')).toEqual(['全省法治政府建设示范县']);
    expect(names(held, 'practice')).toEqual(['法治政府建设示范创建']);
    expect(names('花园镇被评为2016-2020年全省普法工作表现突出的单位。', 'award')).toEqual(['2016-2020年全省普法工作表现突出的单位']);
    expect(names('2024年,西塘河小学被认定为首批“江苏省依法治校示范校”。', 'award')).toEqual(['首批江苏省依法治校示范校']);
    expect(names('2022年洛浦县创建为全国民族团结进步示范县,以示范创建为抓手推进工作。', 'award')).toEqual(['全国民族团结进步示范县']);
    expect(names('“小过重罚”大数据监督模型等工作经验被最高法、最高检发文推广。', 'award')).toHaveLength(1);
    expect(names('全国知识产权行政保护工作绩效考核连续4年优秀,食品安全工作考核连续两年获得“A级”等次。', 'award')).toHaveLength(2);
    expect(names('成功夺取“大禹鼎”金鼎。', 'award')).toEqual(['大禹鼎金鼎']);
    expect(names('成功夺取“大禹鼎”金鼎。', 'practice')).toEqual([]);
  });

  it('takes a region’s new title and an assessment grade for awards, not a nomination', () => {
    expect(names('2023年,为我市成功创建全省第二批法治政府建设示范市做出积极贡献。', 'award')).toEqual(['全省第二批法治政府建设示范市']);
    expect(names('我局2022年度考核结果为市政府一类部门“第一”等次。', 'award')).toEqual(['市政府一类部门第一等次']);
    expect(names('推荐申报全国法治政府建设示范市。', 'award')).toEqual([]);
  });

  it('takes titles after 推选为/确认为/表彰为, a second title in the next clause, and 记一等功', () => {
    expect(names('区卫生健康局被推选为“全国行政执法先进集体”。', 'award')).toEqual(['全国行政执法先进集体']);
    expect(names('区卫生健康局被推选为“全国行政执法先进集体”。', 'practice')).toEqual([]);
    expect(names('被中央宣传部、司法部、全国普法办表彰为全国七五普法先进单位。', 'award')).toEqual(['全国七五普法先进单位']);
    expect(names('获评全国知识产权保护工作成绩突出集体,全国青少年普法教育先进集体。', 'award')).toEqual([
      '全国知识产权保护工作成绩突出集体',
      '全国青少年普法教育先进集体',
    ]);
    expect(names('2022年,省人民政府授予我市全省法治政府建设工作先进单位2个,先进个人2名。', 'award')).toEqual(['全省法治政府建设工作先进单位', '先进个人']);
    expect(names('荣获全省法治县创建活动先进单位,行政复议工作受到司法部通报表彰,县公安交警大队被公安部记一等功。', 'award')).toEqual([
      '全省法治县创建活动先进单位',
      '受到司法部通报表彰',
      '记一等功',
    ]);
  });

  it('takes selection as a pilot, a ranking, a candidacy and a rated result for awards', () => {
    expect(names('2023年,我县入选全省第二批法治乡村建设试点县,市监局法规科试点工作顺利。', 'award')).toEqual(['全省第二批法治乡村建设试点县']);
    expect(names('获评全国科技创新百强县。', 'award')).toEqual(['全国科技创新百强县']);
    expect(names('我县增补为省级法治政府建设示范创建候选县。', 'award')).toEqual(['省级法治政府建设示范创建候选县']);
    expect(names('2个项目获评全市有影响力法治建设成果，取得丰硕成果。', 'award')).toEqual(['全市有影响力法治建设成果']);
    expect(names('入选全国乡村治理试点县,省司法厅包容审慎监管工作试点县(市)。', 'award')).toEqual([
      '全国乡村治理试点县',
      '省司法厅包容审慎监管工作试点县(市)',
    ]);
  });

  it('reads a list of titles one at a time, and 被纳入…试点 as an award', () => {
    expect(names('区局获评全省司法行政为民先进集体、全省行政执法监督成绩突出集体、市优化营商环境“政务服务”类深化改革先进集体。', 'award')).toEqual([
      '全省司法行政为民先进集体',
      '全省行政执法监督成绩突出集体',
      '市优化营商环境政务服务类深化改革先进集体',
    ]);
    expect(names('三个县被纳入全省综合行政执法体制改革试点。', 'award')).toEqual(['全省综合行政执法体制改革试点']);
  });

  it('takes promotion across the city for an award only when the report is below the city', () => {
    const county = extractReport('竹溪县人民政府2023年法治政府建设情况报告\n2023年,设立“办不成事窗口”的做法在全市推广学习。', taxonomy);
    expect(county.meta.region?.level).toBe('COUNTY');
    expect(facts(county, 'award').map((a) => a.name)).toEqual(['做法在全市推广']);
    expect(names('2023年,设立“办不成事窗口”的做法在全市推广学习。', 'award')).toEqual([]);
  });

  it('takes a case selected, a starred or gold title, and praise from the courts, the procuratorate or the CPPCC for awards', () => {
    expect(names('“一刻钟政务服务圈”改革案例入选省自贸区第七批创新实践案例。', 'award')).toHaveLength(1);
    expect(names('某调解室成功创建省级金牌调解室。', 'award')).toEqual(['省级金牌调解室']);
    expect(names('相关做法得到最高人民检察院的充分肯定。', 'award')).toHaveLength(1);
    expect(names('“法护营商”工作获得全国政协副主席调研肯定。', 'award')).toHaveLength(1);
  });

  it('takes 命名 before a batch or a quoted title for conferring it', () => {
    expect(names('对34个申报项目中的6个予以命名“某区法治政府建设示范项目”。', 'award')).toEqual(['某区法治政府建设示范项目']);
    expect(names('命名第二批全省法治政府建设综合示范地区10个、单项示范项目20个。', 'award')).toEqual([
      '第二批全省法治政府建设综合示范地区',
      '单项示范项目',
    ]);
  });

  it('takes a measure promoted by a ministry or across the province for an award', () => {
    expect(names('我区社区矫正“三个一”举措获司法部推广。', 'award')).toEqual(['举措获司法部推广']);
    expect(names('相关经验做法被省司法厅专刊转发并全省推广。', 'award')).toHaveLength(1);
  });

  it('counts praise that follows an honour in the same sentence once', () => {
    expect(names('我市获评全省法治建设优秀市，受到省委、省政府表扬。', 'award')).toEqual(['全省法治建设优秀市']);
  });

  it('finds the study groups’ learning and filing review through their patterns', () => {
    const text = '区委中心组专题学习习近平法治思想，审查和备案规范性文件32件。';
    expect([...names(text, 'practice'), ...names(text, 'system')]).toEqual(['理论学习中心组学法', '规范性文件备案审查']);
  });

  it('does not take bodies named in a document title, or government departments, as agencies', () => {
    const agencies = names('贯彻《中共中央 国务院关于加强法治政府建设的意见》，省政府部门全部落实。', 'agency');
    expect(agencies).toEqual([]);
  });

  it('keeps only real place names in an agency’s level words (落实市委 is 市委)', () => {
    const e = extractReport('2023年,认真落实市委部署,办理市人大代表建议,中共鞍山市委、紫阳县司法局参与。', taxonomy);
    expect(facts(e, 'agency').map((f) => e.text.slice(f.span.start, f.span.end))).toEqual(['市委', '市人大', '中共鞍山市委', '紫阳县司法局']);
  });

  it('takes a 明细表, a 措施建议, a 分工表, any other table (申报表, 基准表) and a 审核流程 for documents', () => {
    expect(names('根据《某县示范创建指标任务分解及佐证材料明细表》和《关于深化街镇管理体制改革的措施建议(试行)》。', 'document')).toHaveLength(2);
    expect(names('印发《某区法治政府建设实施方案任务分工表》,执行《州人民政府重大事项合法性审核流程》。', 'document')).toHaveLength(2);
    expect(names('填报《2022年普法职责目录及普法计划申报表》和《街道自由裁量基准表》。', 'document')).toHaveLength(2);
    expect(names('执行《某区行政执法程序》《2022年法治某区建设重点工作》和《法治政府建设实施纲要(2021-2025年》。', 'document')).toHaveLength(3);
    expect(names('印发《2023年某市教体系统普法依法治理重点任务》《2024年全面依法治区考评工作提示》《维护社会稳定责任制》,编写《习近平法治思想学习问答》和《营商环境白皮书》。', 'document')).toHaveLength(5);
    expect(names('在《湖南日报》刊发,《陈某某无证行医案》入选。', 'document')).toEqual([]);
    expect(names('贯彻《中共中央国务院印发〈法治政府建设实施纲要(2021—2025年)〉》。', 'document')).toHaveLength(1);
    expect(names('通过《法规汇要》学习,印发《洛阳市提升法治政府建设工作水平若干举措》。', 'document')).toHaveLength(2);
    expect(names('制定《失职追究制》《首问负责制》。', 'document')).toHaveLength(2);
  });

  it('knows township offices and national bodies that reports name', () => {
    expect(names('由街道党政综合办牵头,平安办、派出所配合,邀请中国社科院专家,获全国普法办肯定。', 'agency')).toEqual([
      '党政办公室',
      '综合治理办公室',
      '派出所',
      '中国社会科学院',
      '全国普法办公室',
    ]);
  });

  it('does not take 党委政府 for a government, nor a body in a figure of speech', () => {
    expect(names('镇党委政府主要负责人带头学法，打造“流动的司法局”，县政府研究部署。', 'agency')).toEqual(['党委', '人民政府']);
  });

  it('does not take a verb before 领导小组 for part of its name', () => {
    expect(names('完善领导小组工作规则，调整镇法治政府建设工作领导小组。', 'agency')).toEqual(['法治政府建设工作领导小组']);
  });

  it('takes a counted formula the report rallies to for a slogan, one it carries out for a practice', () => {
    expect(names('聚焦“四个走在前”“四个新”重大任务，锚定“两个确保”，发挥“三个作用”。', 'practice')).toEqual([]);
    expect(names('开展法治政府建设“八大行动”，推进行政调解“三个融入”试点。', 'practice')).toEqual(expect.arrayContaining(['八大行动', '三个融入']));
  });

  it('keeps idioms and case labels in quotes out of the practices', () => {
    expect(names('解决群众“急难愁盼”问题，交出“成绩单”，入选“优秀改革案例”。', 'practice')).toEqual([]);
  });

  it('finds leading groups as agencies, and no ministry in 司法部门', () => {
    const agencies = names('市依法行政工作领导小组督促司法部门落实。', 'agency');
    expect(agencies).toContain('依法行政工作领导小组');
    expect(agencies).not.toContain('司法部');
  });
});

describe('punctuation widths', () => {
  it('matches a practice written with full-width brackets like its ASCII form', () => {
    const e = extractReport('2023年,紫阳县全面推行乡镇（街道）综合行政执法。', taxonomy);
    const mention = e.facts.find((f) => f.name === '乡镇(街道)综合行政执法');
    expect(mention && e.text.slice(mention.span.start, mention.span.end)).toBe('乡镇（街道）综合行政执法');
  });
});

describe('punctuation width invariance', () => {
  it('finds the same facts in a seed report rewritten with full-width punctuation', () => {
    const toFullWidth = (t: string) => t.replace(/[(),:;%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const summary = (e: Extraction) =>
      e.facts
        .filter((f) => f.kind !== 'document')
        .map((f) => `${f.kind}|${toFullWidth(f.name)}|${f.status}|${f.value ?? ''}|${f.unit === '％' ? '%' : (f.unit ?? '')}`)
        .sort();
    for (const key of ['shaoyang', 'nanyang'] as const) {
      const original = reports[key];
      const wide = extractReport(toFullWidth(original.text), taxonomy);
      expect(wide.meta.region?.code).toBe(original.meta.region?.code);
      expect(summary(wide)).toEqual(summary(original));
    }
  });
});

describe('odd input', () => {
  it('returns diagnostics, not an exception, for text with no region or year', () => {
    const e = extractReport('这是一段没有地区和年份的文字。', taxonomy);
    expect(e.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['NO_REGION', 'NO_YEAR']));
  });

  it('handles empty text', () => {
    const e = extractReport('', taxonomy);
    expect(e.facts).toEqual([]);
    expect(e.diagnostics.map((d) => d.code)).toContain('EMPTY_TEXT');
  });
});
