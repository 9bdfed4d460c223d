import { describe, expect, it } from 'vitest';
import type { Fact, FactKind } from '../../src/model/facts.js';
import {
  aggregateByFoundBy,
  aggregateScores,
  canonicalKey,
  parseGold,
  prf,
  scoreExtraction,
  scorePracticesByFoundBy,
  valueAgrees,
  type GoldReport,
} from '../../src/eval/scoreExtraction.js';

function gold(partial: Partial<GoldReport>): GoldReport {
  return {
    id: 't',
    source: 't.txt',
    practices: [],
    metrics: [],
    agencies: [],
    awards: [],
    problems: [],
    documents: [],
    places: [],
    ...partial,
  };
}

/** A fact whose span is the first occurrence of `surface` in `text` (at or after `from`). */
function fact(
  text: string,
  kind: FactKind,
  name: string,
  surface: string,
  extra: Partial<Fact> = {},
  from = 0,
): Fact {
  const start = text.indexOf(surface, from);
  if (start < 0) throw new Error(`test setup: ${surface} not in text`);
  return {
    kind,
    name,
    span: { start, end: start + surface.length },
    status: 'IMPLEMENTED',
    sentenceIndex: 0,
    ...extra,
  };
}

function metric(text: string, name: string, surface: string, value: number, unit: string): Fact {
  return fact(text, 'metric', name, surface, { value, unit, qualifier: 'EQ' });
}

describe('canonicalKey', () => {
  it('removes quotes, brackets and spaces but nothing else', () => {
    expect(canonicalKey('“八五”普法')).toBe('八五普法');
    expect(canonicalKey('《邵阳市行政许可事项清单(2023年版)》')).toBe('邵阳市行政许可事项清单2023年版');
    expect(canonicalKey('乡镇（街道）综合 行政执法')).toBe('乡镇街道综合行政执法');
    expect(canonicalKey('「首违不罚」【清单】〔2023〕[x]\'a\' "b" ‘c’')).toBe('首违不罚清单2023xabc');
    expect(canonicalKey('一件事一次办')).toBe('一件事一次办');
  });
});

describe('practices: overlap and canonical name', () => {
  const text = '我市推行“一件事一次办”改革,深化“八五”普法,落实行政执法“三项制度”。';

  it('finds a gold practice through a span overlapping its surface', () => {
    const g = gold({ practices: [{ surface: '“一件事一次办”', canonical: '一件事一次办' }] });
    // predicted with a different name, span covers only part of the surface
    const f = fact(text, 'practice', '一件事办', '一件事');
    const s = scoreExtraction(g, text, [f]);
    expect(s.practices).toMatchObject({ gold: 1, found: 1, predicted: 1, correct: 1 });
  });

  it('does not count a span that only touches the surface (half-open ranges)', () => {
    const g = gold({ practices: [{ surface: '一件事一次办', canonical: '一件事一次办' }] });
    const start = text.indexOf('一件事一次办');
    const touching: Fact = {
      kind: 'practice',
      name: '其他',
      span: { start: start - 1, end: start }, // the opening quote, ends where the surface begins
      status: 'IMPLEMENTED',
      sentenceIndex: 0,
    };
    const s = scoreExtraction(g, text, [touching]);
    expect(s.practices).toMatchObject({ found: 0, correct: 0, predicted: 1 });
  });

  it('finds a gold practice by canonical name after stripping quotes/brackets, without overlap', () => {
    const g = gold({ practices: [{ surface: '三项制度', canonical: '行政执法“三项制度”' }] });
    // span far away from the surface; name equal after stripping quotes
    const f = fact(text, 'system', '行政执法三项制度', '我市');
    const s = scoreExtraction(g, text, [f]);
    expect(s.practices).toMatchObject({ gold: 1, found: 1, predicted: 1, correct: 1 });
    const other = fact(text, 'system', '行政执法责任制', '我市');
    expect(scoreExtraction(g, text, [other]).practices).toMatchObject({ found: 0, correct: 0 });
  });

  it('matches any occurrence of the gold surface, not only the first', () => {
    const t = '推行首违不罚。后来又推行首违不罚清单。';
    const g = gold({ practices: [{ surface: '首违不罚', canonical: '首违不罚' }] });
    const second = fact(t, 'practice', '某清单', '首违不罚', {}, 5);
    expect(second.span.start).toBeGreaterThan(5);
    expect(scoreExtraction(g, t, [second]).practices).toMatchObject({ found: 1, correct: 1 });
  });

  it('counts practice and system facts together as practices, and not under other kinds', () => {
    const g = gold({
      practices: [
        { surface: '八五', canonical: '八五普法' },
        { surface: '三项制度', canonical: '行政执法三项制度', system: true },
      ],
      agencies: [{ surface: '我市', canonical: '人民政府' }],
    });
    const facts = [
      fact(text, 'practice', '八五普法', '“八五”普法'),
      fact(text, 'system', '行政执法三项制度', '三项制度'),
    ];
    const s = scoreExtraction(g, text, facts);
    expect(s.practices).toMatchObject({ gold: 2, found: 2, predicted: 2, correct: 2 });
    expect(s.agencies).toMatchObject({ gold: 1, found: 0, predicted: 0, correct: 0 });
  });

  it('a fact of another kind does not find a gold practice even when it overlaps', () => {
    const g = gold({ practices: [{ surface: '一件事一次办', canonical: '一件事一次办' }] });
    const f = fact(text, 'document', '一件事一次办', '一件事一次办');
    const s = scoreExtraction(g, text, [f]);
    expect(s.practices).toMatchObject({ found: 0, predicted: 0 });
    expect(s.documents).toMatchObject({ gold: 0, predicted: 1, correct: 0 });
  });
});

describe('counting once per distinct fact', () => {
  const text = '推行述法。开展述法。再次述法。推行好差评。推行掌上办。';

  it('counts a practice with several mentions once, and all its spans can match', () => {
    const g = gold({ practices: [{ surface: '开展述法', canonical: '领导干部年度述法' }] });
    const facts = [
      fact(text, 'practice', '述法', '述法', {}, 0),
      fact(text, 'practice', '述法', '述法', {}, 5), // only this (middle) mention overlaps 开展述法
      fact(text, 'practice', '述法', '述法', {}, 12),
    ];
    const s = scoreExtraction(g, text, facts);
    expect(s.practices).toMatchObject({ gold: 1, found: 1, predicted: 1, correct: 1 });
  });

  it('groups names that are equal after stripping quotes', () => {
    const facts = [fact(text, 'practice', '好差评', '好差评'), fact(text, 'practice', '“好差评”', '好差评')];
    const s = scoreExtraction(gold({}), text, facts);
    expect(s.practices.predicted).toBe(1);
  });

  it('counts metrics once per observation', () => {
    const t = '受理行政复议682件,其中……受理行政复议682件。';
    const g = gold({
      metrics: [{ surface: '受理行政复议682件', name: '行政复议受理', value: 682, unit: '件', qualifier: 'eq' }],
    });
    const first = t.indexOf('受理行政复议682件');
    const second = t.indexOf('受理行政复议682件', first + 1);
    const mk = (start: number): Fact => ({
      kind: 'metric',
      name: '行政复议受理',
      span: { start, end: start + 10 },
      status: 'IMPLEMENTED',
      sentenceIndex: 0,
      value: 682,
      unit: '件',
    });
    const s = scoreExtraction(g, t, [mk(first), mk(second)]);
    expect(s.metrics).toMatchObject({ gold: 1, found: 1, predicted: 2, correct: 2 });
  });
});

describe('metrics: value tolerance and unit', () => {
  const text = '行政机关负责人出庭应诉率达100%,受理行政复议682件,化解纠纷1.19万件,无事故0起。';
  const g = gold({
    metrics: [
      { surface: '出庭应诉率达100%', name: '行政机关负责人出庭应诉率', value: 100, unit: '%', qualifier: 'eq' },
      { surface: '受理行政复议682件', name: '行政复议受理', value: 682, unit: '件', qualifier: 'eq' },
      { surface: '化解纠纷1.19万件', name: '化解纠纷', value: 11900, unit: '件', qualifier: 'eq' },
      { surface: '无事故0起', name: '事故', value: 0, unit: '起', qualifier: 'eq' },
    ],
  });

  it('accepts values within 0.5% and rejects values beyond', () => {
    expect(valueAgrees(100.5, 100)).toBe(true);
    expect(valueAgrees(99.5, 100)).toBe(true);
    expect(valueAgrees(100.6, 100)).toBe(false);
    expect(valueAgrees(99.4, 100)).toBe(false);
    expect(valueAgrees(0, 0)).toBe(true);
    expect(valueAgrees(0.001, 0)).toBe(false);
    expect(valueAgrees(undefined, 5)).toBe(false);

    const within = metric(text, 'x', '682件', 685, '件'); // +0.44 %
    const beyond = metric(text, 'x', '682件', 686, '件'); // +0.59 %
    expect(scoreExtraction(g, text, [within]).metrics).toMatchObject({ found: 1, correct: 1 });
    expect(scoreExtraction(g, text, [beyond]).metrics).toMatchObject({ found: 0, correct: 0 });
  });

  it('requires the 万-multiplied value', () => {
    expect(scoreExtraction(g, text, [metric(text, 'x', '1.19万件', 11900, '件')]).metrics.found).toBe(1);
    expect(scoreExtraction(g, text, [metric(text, 'x', '1.19万件', 1.19, '件')]).metrics.found).toBe(0);
  });

  it('requires exact equality when the gold value is 0', () => {
    expect(scoreExtraction(g, text, [metric(text, 'x', '0起', 0, '起')]).metrics.found).toBe(1);
    expect(scoreExtraction(g, text, [metric(text, 'x', '0起', 0.0001, '起')]).metrics.found).toBe(0);
  });

  it('rejects a unit mismatch even with overlap and the same value, and says why', () => {
    const f = metric(text, '行政复议受理', '682件', 682, '项');
    const s = scoreExtraction(g, text, [f]);
    expect(s.metrics).toMatchObject({ gold: 4, found: 0, predicted: 1, correct: 0 });
    expect(s.metrics.wrong).toHaveLength(1);
    expect(s.metrics.wrong[0]?.reason).toContain('value/unit differ');
    const missed = s.metrics.missed.find((m) => m.name === '行政复议受理');
    expect(missed?.reason).toContain('682项');
  });

  it('takes a unit written in traditional characters for the same unit', () => {
    const t = '開展督察督導2輪次。';
    const g2 = gold({ metrics: [{ surface: '督察督導2輪次', name: '督察督导', value: 2, unit: '輪次', qualifier: 'eq' }] });
    expect(scoreExtraction(g2, t, [metric(t, '督察督导', '2輪次', 2, '轮次')]).metrics).toMatchObject({ found: 1, correct: 1 });
    expect(scoreExtraction(g2, t, [metric(t, '督察督导', '2輪次', 2, '次')]).metrics).toMatchObject({ found: 0, correct: 0 });
  });

  it('matches a metric by name (no overlap) only when value and unit agree', () => {
    const far = (value: number, unit: string): Fact => ({
      kind: 'metric',
      name: '行政机关负责人出庭应诉率',
      span: { start: text.length - 1, end: text.length },
      status: 'IMPLEMENTED',
      sentenceIndex: 0,
      value,
      unit,
    });
    expect(scoreExtraction(g, text, [far(100, '%')]).metrics).toMatchObject({ found: 1, correct: 1 });
    expect(scoreExtraction(g, text, [far(90, '%')]).metrics).toMatchObject({ found: 0, correct: 0 });
  });
});

describe('other kinds compare on their own canonical', () => {
  const text = '市司法局牵头,出台《邵阳市行政许可事项清单(2023年版)》,城步获评全省法治政府建设示范市。存在的不足:基层法治力量普遍较为薄弱。';

  it('problems match on theme, documents/places/awards on the stripped surface', () => {
    const g = gold({
      problems: [{ surface: '基层法治力量普遍较为薄弱', theme: '基层法治力量薄弱' }],
      documents: [{ surface: '《邵阳市行政许可事项清单(2023年版)》' }],
      places: [{ surface: '城步' }],
      awards: [{ surface: '全省法治政府建设示范市', year: 2023 }],
      agencies: [{ surface: '市司法局', canonical: '司法局' }],
    });
    const away = (kind: FactKind, name: string): Fact => ({
      kind,
      name,
      span: { start: 0, end: 1 }, // “市”: overlaps the agency surface only
      status: 'IMPLEMENTED',
      sentenceIndex: 0,
    });
    const s = scoreExtraction(g, text, [
      away('problem', '基层法治力量薄弱'),
      away('document', '邵阳市行政许可事项清单(2023年版)'),
      away('place', '城步'),
      away('award', '“全省法治政府建设示范市”'),
      away('agency', '公安局'), // wrong name, but its span overlaps 市司法局
    ]);
    for (const k of ['problems', 'documents', 'places', 'awards', 'agencies'] as const) {
      expect(s[k], k).toMatchObject({ gold: 1, found: 1, predicted: 1, correct: 1 });
    }
    // the surface of a problem is not its canonical: a name equal to the surface, far away, fails
    const s2 = scoreExtraction(g, text, [away('problem', '基层法治力量普遍较为薄弱')]);
    expect(s2.problems).toMatchObject({ found: 0, correct: 0 });
  });
});

describe('precision, recall and diagnostics for one report', () => {
  const text = '推行一件事一次办、跨省通办、首违不罚和好差评。';
  const g = gold({
    practices: [
      { surface: '一件事一次办', canonical: '一件事一次办' },
      { surface: '跨省通办', canonical: '跨省通办' },
      { surface: '首违不罚', canonical: '首违不罚' },
      { surface: '好差评', canonical: '好差评' },
    ],
  });

  it('computes found/correct and lists misses and wrong predictions', () => {
    const facts = [
      fact(text, 'practice', '一件事一次办', '一件事一次办'),
      fact(text, 'practice', '跨省通办', '跨省通办'),
      fact(text, 'practice', '推行', '推行'), // wrong
    ];
    const s = scoreExtraction(g, text, facts);
    expect(s.practices).toMatchObject({ gold: 4, found: 2, predicted: 3, correct: 2 });
    expect(s.practices.missed.map((m) => m.surface)).toEqual(['首违不罚', '好差评']);
    expect(s.practices.missed.every((m) => m.located)).toBe(true);
    expect(s.practices.wrong).toEqual([{ name: '推行', surface: '推行', spans: [[0, 2]] }]);
    const m = prf(s.practices);
    expect(m.recall).toBeCloseTo(0.5);
    expect(m.precision).toBeCloseTo(2 / 3);
    expect(m.f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3));
  });

  it('flags gold surfaces that do not occur in the text', () => {
    const g2 = gold({ places: [{ surface: '城步' }] });
    const s = scoreExtraction(g2, text, []);
    expect(s.places.missed).toEqual([
      { surface: '城步', name: '城步', located: false, reason: 'surface not found in text' },
    ]);
  });

  it('defines P = 1 with no predictions and R = 1 with no gold', () => {
    expect(prf({ gold: 3, found: 0, predicted: 0, correct: 0 })).toMatchObject({ precision: 1, recall: 0, f1: 0 });
    expect(prf({ gold: 0, found: 0, predicted: 2, correct: 0 })).toMatchObject({ precision: 0, recall: 1, f1: 0 });
    expect(prf({ gold: 0, found: 0, predicted: 0, correct: 0 })).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });
});

describe('aggregateScores', () => {
  it('micro-averages by summing counts over reports', () => {
    const t1 = '推行一件事一次办和跨省通办。';
    const g1 = gold({
      practices: [
        { surface: '一件事一次办', canonical: '一件事一次办' },
        { surface: '跨省通办', canonical: '跨省通办' },
      ],
    });
    const s1 = scoreExtraction(g1, t1, [fact(t1, 'practice', '一件事一次办', '一件事一次办')]);
    const t2 = '推行首违不罚。受理行政复议10件。';
    const g2 = gold({
      practices: [{ surface: '首违不罚', canonical: '首违不罚' }],
      metrics: [{ surface: '受理行政复议10件', name: '行政复议受理', value: 10, unit: '件' }],
    });
    const s2 = scoreExtraction(g2, t2, [
      fact(t2, 'practice', '首违不罚', '首违不罚'),
      fact(t2, 'practice', '推行', '推行'),
      fact(t2, 'practice', '受理', '受理'),
      metric(t2, '行政复议受理', '10件', 10, '件'),
    ]);
    const agg = aggregateScores([s1, s2]);
    expect(agg.reports).toBe(2);
    expect(agg.kinds.practices).toMatchObject({ gold: 3, found: 2, predicted: 4, correct: 2 });
    // micro: 2/4 and 2/3 — not the mean of per-report figures (1/1 and 1/3 → 0.667)
    expect(agg.kinds.practices.precision).toBeCloseTo(0.5);
    expect(agg.kinds.practices.recall).toBeCloseTo(2 / 3);
    expect(agg.kinds.metrics).toMatchObject({ gold: 1, found: 1, predicted: 1, correct: 1, precision: 1, recall: 1 });
    expect(agg.kinds.places).toMatchObject({ gold: 0, predicted: 0, precision: 1, recall: 1 });
    expect(agg.total).toMatchObject({ gold: 4, found: 3, predicted: 5, correct: 3 });
    expect(agg.total.precision).toBeCloseTo(0.6);
    expect(agg.total.recall).toBeCloseTo(0.75);
  });

  it('is all-ones (by definition) over no reports', () => {
    const agg = aggregateScores([]);
    expect(agg.reports).toBe(0);
    expect(agg.kinds.practices).toMatchObject({ gold: 0, predicted: 0, precision: 1, recall: 1 });
  });
});

describe('practices by how they were read', () => {
  it('scores each way of reading against all gold practices: its precision, and the recall it reaches alone', () => {
    const text = '推行首违不罚，打造“虔城办”品牌，开展法治夜校活动，强化工作合力。';
    const g = gold({
      practices: [
        { surface: '首违不罚', canonical: '首违不罚' },
        { surface: '虔城办', canonical: '虔城办' },
        { surface: '法治夜校', canonical: '法治夜校' },
      ],
    });
    const facts = [
      fact(text, 'practice', '首违不罚', '首违不罚', { curated: true, foundBy: 'TAXONOMY' }),
      fact(text, 'practice', '虔城办', '“虔城办”', { curated: false, foundBy: 'RULE' }),
      fact(text, 'practice', '法治夜校活动', '法治夜校活动', { curated: false, foundBy: 'MODEL' }),
      fact(text, 'practice', '工作合力', '工作合力', { curated: false, foundBy: 'MODEL' }),
      fact(text, 'agency', '司法局', '推行'),
    ];
    const by = scorePracticesByFoundBy(g, text, facts);
    expect(by.TAXONOMY).toEqual({ gold: 3, found: 1, predicted: 1, correct: 1 });
    expect(by.RULE).toEqual({ gold: 3, found: 1, predicted: 1, correct: 1 });
    expect(by.MODEL).toEqual({ gold: 3, found: 1, predicted: 2, correct: 1 });
    const agg = aggregateByFoundBy([by, by]);
    expect(agg.MODEL).toMatchObject({ gold: 6, predicted: 4, correct: 2, precision: 0.5 });
    expect(agg.MODEL.recall).toBeCloseTo(1 / 3);
  });
});

describe('parseGold', () => {
  it('accepts a gold file and defaults missing lists to empty', () => {
    const r = parseGold({ id: 'x', source: 'a.txt', practices: [{ surface: 'a', canonical: 'b', system: true }] }, 'f');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.gold.practices).toEqual([{ surface: 'a', canonical: 'b', system: true }]);
      expect(r.gold.metrics).toEqual([]);
      expect(r.gold.source).toBe('a.txt');
    }
  });

  it('rejects non-gold JSON with a reason', () => {
    expect(parseGold([1, 2], 'f')).toMatchObject({ ok: false });
    expect(parseGold({ name: 'package' }, 'f')).toMatchObject({ ok: false });
    const bad = parseGold({ source: 'a.txt', metrics: [{ surface: 's', name: 'n', value: '3', unit: '件' }] }, 'f');
    expect(bad).toMatchObject({ ok: false });
    if (!bad.ok) expect(bad.error).toContain('metrics[0].value');
  });
});
