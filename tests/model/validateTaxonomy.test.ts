import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { taxonomyKey, validateTaxonomy, type RawTaxonomy } from '../../src/model/validateTaxonomy.js';
import type { PracticeEntry, ProblemThemeEntry, Taxonomy } from '../../src/model/taxonomy.js';

const dir = fileURLToPath(new URL('../../seed/taxonomy/', import.meta.url));

function load(file: string, fallback?: unknown): unknown {
  const path = `${dir}${file}`;
  if (!existsSync(path) && fallback !== undefined) return fallback;
  return YAML.parse(readFileSync(path, 'utf8'));
}

function loadRaw(): RawTaxonomy {
  return {
    areas: load('areas.yaml'),
    practices: load('practices.yaml'),
    metrics: load('metrics.yaml', []),
    problemThemes: load('problem-themes.yaml'),
    agencies: load('agencies.yaml'),
  };
}

const taxonomy: Taxonomy = validateTaxonomy(loadRaw());

function practice(name: string): PracticeEntry {
  const p = taxonomy.practices.find((e) => e.name === name);
  if (p === undefined) throw new Error(`no practice ${name}`);
  return p;
}

/** Which entry owns a surface form (name or synonym), compared as the matcher does. */
function ownerOf(surface: string): string | undefined {
  const key = taxonomyKey(surface);
  return taxonomy.practices.find((e) => [e.name, ...e.synonyms].some((s) => taxonomyKey(s) === key))?.name;
}

/** First-match theme assignment as described in problem-themes.yaml. */
function themeOf(clause: string, themes: readonly ProblemThemeEntry[]): string | undefined {
  return themes.find((t) => t.allOf.every((g) => g.some((w) => clause.includes(w))))?.theme;
}

describe('the curated taxonomy files', () => {
  it('validate and have the expected size', () => {
    expect(taxonomy.areas.map((a) => a.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(taxonomy.practices.length).toBeGreaterThanOrEqual(250);
    expect(taxonomy.problemThemes.length).toBeGreaterThanOrEqual(25);
    expect(taxonomy.agencies.length).toBeGreaterThanOrEqual(55);
  });

  it('every policy area has keywords and practices', () => {
    for (const area of taxonomy.areas) {
      expect(area.keywords.length, `area ${area.id}`).toBeGreaterThan(0);
      const n = taxonomy.practices.filter((p) => p.area === area.id).length;
      expect(n, `practices in area ${area.id}`).toBeGreaterThanOrEqual(5);
    }
    expect(taxonomy.areas.find((a) => a.id === 4)?.keywords).toContain('决策');
    expect(taxonomy.areas.find((a) => a.id === 5)?.keywords).toEqual(expect.arrayContaining(['执法', '三项制度']));
    expect(taxonomy.areas.find((a) => a.id === 7)?.keywords).toEqual(expect.arrayContaining(['纠纷', '复议']));
  });

  it('行政执法三项制度 is a system of its three components', () => {
    const umbrella = practice('行政执法三项制度');
    expect(umbrella.system).toBe(true);
    expect(umbrella.area).toBe(5);
    expect(umbrella.components).toEqual(['行政执法公示制度', '执法全过程记录制度', '重大执法决定法制审核制度']);
    for (const c of umbrella.components) {
      const comp = practice(c);
      expect(comp.system, c).toBe(true);
      expect(comp.broader, c).toBe('行政执法三项制度');
    }
    expect(ownerOf('行政执法“三项制度”')).toBe('行政执法三项制度');
    expect(ownerOf('三项制度')).toBe('行政执法三项制度');
    expect(ownerOf('全过程记录')).toBe('执法全过程记录制度');
    expect(ownerOf('行政执法公示')).toBe('行政执法公示制度');
    expect(ownerOf('法制审核制度')).toBe('重大执法决定法制审核制度');
  });

  it('the bare 三项制度 is guarded against other “三项制度”', () => {
    const umbrella = practice('行政执法三项制度');
    expect(umbrella.requirePrecededBy).toContain('执法');
    expect(umbrella.rejectIfPrecededBy).toEqual(expect.arrayContaining(['合法性审核', '指引']));
  });

  it('other formal systems are marked and have existing components', () => {
    for (const name of ['重大行政决策程序', '规范性文件三统一', '三重一大', '行政执法责任制', '法治建设第一责任人职责']) {
      expect(practice(name).system, name).toBe(true);
    }
    const decision = practice('重大行政决策程序');
    expect(decision.components).toEqual(expect.arrayContaining(['合法性审查', '重大行政决策风险评估']));
    expect(decision.components.length).toBeGreaterThanOrEqual(5);
    // Ordinary practices are not systems even where reports add 制度.
    for (const name of ['述法', '合法性审查', '行政裁量权基准', '谁执法谁普法', '证明事项告知承诺制']) {
      expect(practice(name).system, name).toBe(false);
    }
  });

  it('包容审慎监管 is broader than the 不罚 lists', () => {
    for (const name of ['首违不罚', '轻微不罚', '包容免罚', '行政执法四张清单']) {
      expect(practice(name).broader, name).toBe('包容审慎监管');
    }
    expect(practice('合同合法性审查').broader).toBe('合法性审查');
    expect(practice('行政规范性文件合法性审核').broader).toBe('合法性审查');
  });

  it('covers the practices shared across the country under their plain names', () => {
    const names = [
      '一件事一次办', '跨省通办', '一网通办', '免申即享', '证明事项告知承诺制', '乡镇(街道)综合行政执法',
      '行政执法协调监督', '府院联动', '行政复议体制改革', '枫桥经验', '法律明白人', '八五普法', '谁执法谁普法',
      '公职律师', '政府法律顾问', '公平竞争审查', '政务公开', '政府信息依申请公开', '12345热线', '好差评',
      '信用修复', '失信联合惩戒', '数字政府', '述法', '法治督察', '法治政府建设示范创建', '理论学习中心组学法',
      '政府常务会议学法', '领导干部学法', '国家工作人员学法考法', '法治建设纳入考核', '行政机关负责人出庭应诉',
      '行政执法案卷评查', '行政执法证件管理', '行政执法特邀监督员', '权责清单', '行政许可事项清单',
      '重大行政决策事项目录', '规范性文件清理', '放管服改革', '矛盾纠纷多元化解', '人民调解', '法律援助',
      '公共法律服务', '应急预案', '双随机一公开', '互联网+监管', '掌上办', '网上办', '一窗受理', '一窗综办',
      '帮办代办', '免证办', '一证通办', '不见面审批', '证照分离', '小快灵立法', '基层立法联系点', '立法计划',
      '新官不理旧账专项治理', '涉企行政执法检查规范', '民主法治示范村创建', '宪法宣传周', '法治文化阵地',
    ];
    const missing = names.filter((n) => !taxonomy.practices.some((p) => p.name === n));
    expect(missing).toEqual([]);
    expect(ownerOf('“放管服”改革')).toBe('放管服改革');
    expect(ownerOf('镇(街道)综合行政执法')).toBe('乡镇(街道)综合行政执法');
    expect(ownerOf('现场述法')).toBe('述法');
  });

  it('canonical names carry no quotes and no surrounding space', () => {
    for (const p of taxonomy.practices) {
      expect(p.name, p.name).not.toMatch(/[“”"‘’'\s]/);
    }
  });

  it('problem themes assign typical shortcoming clauses, specific themes first', () => {
    const t = taxonomy.problemThemes;
    expect(themeOf('基层法治力量普遍较为薄弱', t)).toBe('基层法治力量薄弱');
    expect(themeOf('乡镇执法队伍人员不足', t)).toBe('基层法治力量薄弱');
    expect(themeOf('执法人员素质参差不齐', t)).toBe('执法人员素质参差不齐');
    expect(themeOf('行政执法水平有待进一步提升', t)).toBe('行政执法水平有待提升');
    expect(themeOf('执法程序不规范', t)).toBe('行政执法不规范');
    expect(themeOf('重大行政决策程序落实不到位', t)).toBe('重大行政决策制度落实不到位');
    expect(themeOf('普法工作针对性和实效性不强', t)).toBe('普法针对性实效性不强');
    expect(themeOf('行政执法监督体系还不够健全', t)).toBe('行政执法监督体系不完善');
    expect(themeOf('矛盾纠纷多元化解机制还不够健全', t)).toBe('矛盾纠纷多元化解机制不健全');
    expect(themeOf('数字法治政府建设相对滞后', t)).toBe('数字法治政府建设滞后');
    expect(themeOf('行政复议案件纠错率较高', t)).toBe('行政诉讼败诉');
    for (const theme of t) expect(theme.allOf.length, theme.theme).toBeGreaterThan(0);
  });

  it('agencies are generic body types without level prefix', () => {
    const names = taxonomy.agencies.map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(['司法局', '人民政府', '党委', '党校', '依法治市委员会办公室']));
    // No entry is another entry with a level prefix (市司法局 beside 司法局, 县委 beside 委).
    const all = new Set(taxonomy.agencies.flatMap((a) => [a.name, ...a.synonyms]));
    for (const a of taxonomy.agencies) {
      for (const prefix of ['省', '市', '县', '区', '镇', '乡']) {
        if (a.name.startsWith(prefix)) expect(all.has(a.name.slice(prefix.length)), a.name).toBe(false);
      }
    }
    const owner = (s: string) => taxonomy.agencies.find((a) => a.name === s || a.synonyms.includes(s))?.name;
    expect(owner('政府')).toBe('人民政府');
    expect(owner('委')).toBe('党委');
    expect(owner('委党校')).toBe('党校');
    expect(owner('依法治市办')).toBe('依法治市委员会办公室');
    expect(owner('中央依法治国办')).toBe('中央全面依法治国委员会办公室');
    expect(owner('卫健局')).toBe('卫生健康局');
  });
});

describe('validateTaxonomy', () => {
  const areas = [
    { id: 1, name: '学习贯彻', keywords: ['学习'] },
    { id: 5, name: '行政执法', keywords: ['执法'] },
  ];

  function raw(practices: unknown, extra: Partial<RawTaxonomy> = {}): RawTaxonomy {
    return { areas, practices, metrics: [], problemThemes: [], agencies: [], ...extra };
  }

  function errorOf(r: RawTaxonomy): string {
    try {
      validateTaxonomy(r);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('validateTaxonomy did not throw');
  }

  it('fills defaults', () => {
    const t = validateTaxonomy(
      raw([{ name: '首违不罚', area: 5 }], {
        metrics: [{ name: '行政机关负责人出庭应诉率' }],
        agencies: [{ name: '司法局' }],
      }),
    );
    expect(t.practices[0]).toEqual({
      name: '首违不罚',
      synonyms: [],
      area: 5,
      system: false,
      broader: null,
      components: [],
      rejectIfPrecededBy: [],
      requirePrecededBy: [],
      patterns: [],
    });
    expect(t.metrics[0]).toEqual({ name: '行政机关负责人出庭应诉率', synonyms: [], unit: null });
    expect(t.agencies[0]).toEqual({ name: '司法局', synonyms: [] });
  });

  it('rejects a pattern with a doubled backslash (a bracket escaped twice in YAML)', () => {
    const msg = errorOf(raw([{ name: '法治督察', area: 10, patterns: ['审批(\\\\(备案\\\\))?事项'] }]));
    expect(msg).toMatch(/doubled backslash/);
  });

  it('rejects a pattern that starts with a look-behind, saying how to write it instead', () => {
    const msg = errorOf(raw([{ name: '法治督察', area: 10, patterns: ['(?<=法治[^。]{0,20})督察'] }]));
    expect(msg).toMatch(/法治督察/);
    expect(msg).toMatch(/starts with a look-behind/);
  });

  it('rejects a pattern that is not a regular expression, naming the entry', () => {
    const msg = errorOf(raw([{ name: '法治督察', area: 10, patterns: ['(督察'] }]));
    expect(msg).toContain('法治督察');
    expect(msg).toContain('not a valid regular expression');
  });

  it('rejects a synonym used by two entries, naming both', () => {
    const msg = errorOf(
      raw([
        { name: '包容免罚', area: 5, synonyms: ['免罚清单'] },
        { name: '轻微不罚', area: 5, synonyms: ['免罚清单'] },
      ]),
    );
    expect(msg).toContain('practices.yaml');
    expect(msg).toContain('轻微不罚');
    expect(msg).toContain('包容免罚');
    expect(msg).toContain('免罚清单');
  });

  it('treats quoted and bracketed forms as the same name', () => {
    const msg = errorOf(
      raw([
        { name: '行政执法三项制度', area: 5, system: true },
        { name: '执法三项制度', area: 5, synonyms: ['行政执法“三项制度”'] },
      ]),
    );
    expect(msg).toMatch(/执法三项制度\).*duplicate.*行政执法“三项制度”.*行政执法三项制度/);
  });

  it('allows an entry to repeat its own name among its synonyms', () => {
    const t = validateTaxonomy(raw([{ name: '述法', area: 1, synonyms: ['述法', '现场述法'] }]));
    expect(t.practices[0]?.synonyms).toEqual(['述法', '现场述法']);
  });

  it('rejects a broader or component that names no entry', () => {
    const msg = errorOf(
      raw([
        { name: '首违不罚', area: 5, broader: '包容审慎监管' },
        { name: '行政执法三项制度', area: 5, system: true, components: ['行政执法公示制度'] },
      ]),
    );
    expect(msg).toMatch(/首违不罚.*包容审慎监管.*names no practice entry/);
    expect(msg).toMatch(/行政执法三项制度.*行政执法公示制度.*names no practice entry/);
  });

  it('rejects an unknown area and a missing area', () => {
    const msg = errorOf(raw([{ name: '枫桥经验', area: 12 }, { name: '述法' }]));
    expect(msg).toMatch(/枫桥经验.*unknown area 12/);
    expect(msg).toMatch(/述法.*missing "area"/);
  });

  it('rejects components of a non-system, empty names and broader loops, all in one error', () => {
    const msg = errorOf(
      raw([
        { name: '甲', area: 1, components: ['乙'] },
        { name: '乙', area: 1, broader: '丙' },
        { name: '丙', area: 1, broader: '乙' },
        { name: '  ', area: 1 },
        { name: '丁', area: '5', synonyms: 'x', system: 'yes', colour: 'red' },
      ]),
    );
    expect(msg).toMatch(/甲.*not a system/);
    expect(msg).toMatch(/乙.*loops/);
    expect(msg).toMatch(/entry #4.*"name" is empty/);
    expect(msg).toMatch(/丁.*"area" must be an integer/);
    expect(msg).toMatch(/丁.*"synonyms" must be a list/);
    expect(msg).toMatch(/丁.*"system" must be true or false/);
    expect(msg).toMatch(/丁.*unknown field "colour"/);
    expect(msg).toMatch(/^Invalid taxonomy \(\d+ problems\)/);
  });

  it('checks the other files: areas, metrics, themes, agencies', () => {
    const msg = errorOf({
      areas: [{ id: 1, name: 'a', keywords: ['学习'] }, { id: 1, name: 'b', keywords: [] }],
      practices: [],
      metrics: [{ name: '出庭应诉率', unit: 5 }, { name: '复议受理', synonyms: ['出庭应诉率'] }],
      problemThemes: [{ theme: '基层法治力量薄弱', allOf: [['基层'], []] }, { theme: '', allOf: [] }],
      agencies: [{ name: '司法局', synonyms: ['司法厅'] }, { name: '司法厅' }],
    });
    expect(msg).toMatch(/areas\.yaml entry #2 \(b\).*duplicate area id 1/);
    expect(msg).toMatch(/metrics\.yaml entry #1 \(出庭应诉率\).*"unit"/);
    expect(msg).toMatch(/metrics\.yaml entry #2 \(复议受理\).*duplicate.*出庭应诉率/);
    expect(msg).toMatch(/problem-themes\.yaml entry #1 \(基层法治力量薄弱\).*allOf\[1\]/);
    expect(msg).toMatch(/problem-themes\.yaml entry #2.*"theme" is empty/);
    expect(msg).toMatch(/agencies\.yaml entry #2 \(司法厅\).*duplicate.*司法局/);
  });

  it('rejects files that are not lists', () => {
    const msg = errorOf({ areas: areas, practices: null, metrics: {}, problemThemes: [], agencies: [] });
    expect(msg).toContain('practices.yaml: must be a list');
    expect(msg).toContain('metrics.yaml: must be a list');
  });
});
