/**
 * The learned practice tagger as pure code: gold tags, spans, training and decoding on small
 * texts written for the test, and the model file's format. (Its effect on real reports is
 * measured by `npm run eval`; extractReport's tests and property test run it with the shipped model.)
 */
import { describe, expect, it } from 'vitest';
import { B, goldTags, I, NO_EDGES, O, taggedSpans, termEdges, wholeWords, taggerFeatures, taggerView, tagPractices, trainPracticeTagger, type TaggerExample } from '../../src/extract/practiceTagger.js';
import { parsePracticeTagger, practiceTaggerFile, type PracticeTaggerModel } from '../../src/model/taxonomy.js';

const example = (text: string, surfaces: string[]): TaggerExample => ({ view: taggerView(text, [], NO_EDGES), tags: goldTags(text, surfaces) });

/** Sentences in the style of the reports: a practice after 开展/推行/建立, ending its clause. */
const TRAINING = [
  example('全面推行首违不罚清单制度,持续开展法治夜校活动。', ['首违不罚清单制度', '法治夜校活动']),
  example('建立府院联动机制,推行告知承诺制,开展法治体检服务。', ['府院联动机制', '告知承诺制', '法治体检服务']),
  example('开展送法进企业活动,建立法律顾问制度,推行说理式执法。', ['送法进企业活动', '法律顾问制度', '说理式执法']),
  example('组织开展旁听庭审活动,建立健全合法性审查机制。', ['旁听庭审活动', '合法性审查机制']),
  example('会议强调要提高认识,压实责任,确保各项工作落地见效。', []),
  example('全年共召开会议5次,研究部署重点工作,听取工作汇报。', []),
];

describe('gold tags and spans', () => {
  it('marks each occurrence of each surface, the longest first, never overlapping', () => {
    const tags = goldTags('推行首违不罚清单,首违不罚有效。', ['首违不罚清单', '首违不罚']);
    expect([...tags.slice(2, 8)]).toEqual([B, I, I, I, I, I]);
    expect([...tags.slice(9, 13)]).toEqual([B, I, I, I]);
    expect(tags[0]).toBe(O);
    expect(taggedSpans(tags)).toEqual([{ start: 2, end: 8 }, { start: 9, end: 13 }]);
  });

  it('gives every character the same number of features, naming its clause and quotes', () => {
    const view = taggerView('开展“法治夜校”活动,送法上门。', [{ start: 11, end: 13 }], NO_EDGES);
    const at = (i: number) => taggerFeatures(view, i);
    expect(new Set(Array.from({ length: 16 }, (_, i) => at(i).length)).size).toBe(1);
    expect(at(4)).toContain('q1');
    expect(at(12)).toContain('o2');
    expect(at(12)).toContain('cs送法');
  });

  it('widens a span that cuts a known word, but not into the verb before it', () => {
    const edges = termEdges(['行政执法公示制度', '法治宣传教育', '立法协商', '政务公开', '工作流程']);
    const span = (text: string, cut: string) => {
      const start = text.indexOf(cut);
      const got = wholeWords(text, { start, end: start + cut.length }, edges);
      return text.slice(got.start, got.end);
    };
    expect(span('以执法监督常态化助推行政执法规范化建设。', '政执法规范化建设')).toBe('行政执法规范化建设');
    expect(span('建立法治宣传教育机制。', '法治宣传教育机制')).toBe('法治宣传教育机制');
    expect(span('建立法治宣传教育机制。', '立法治宣传教育机制')).toBe('法治宣传教育机制');
    expect(span('全面推行政务公开。', '政务公开')).toBe('政务公开');
    expect(span('优化审批工作流程。', '审批工作流')).toBe('审批工作流程');
  });

  it("marks where the taxonomy's words begin and end, so a name that is new is read by its known words", () => {
    const text = '推行首违不罚清单,开展法治夜校。';
    const view = taggerView(text, [], termEdges(['首违不罚', '法治夜校', '免罚清单']));
    // 首违 begins a term (bit 1), 不罚 and 清单 end one (bit 2), 法治 begins one, 夜校 ends one.
    expect(view.lex[text.indexOf('首')]).toBe(1);
    expect(view.lex[text.indexOf('罚')]).toBe(2);
    expect(view.lex[text.indexOf('单')]).toBe(2);
    expect(view.lex[text.indexOf('法')]).toBe(1);
    expect(view.lex[text.indexOf('校')]).toBe(2);
    expect(view.lex[text.indexOf('推')]).toBe(0);
    expect(taggerFeatures(view, text.indexOf('首'))).toContain('lc1首');
    expect(taggerView(text, [], NO_EDGES).lex.every((x) => x === 0)).toBe(true);
  });
});

describe('reading', () => {
  // A model that makes each clause one span: punctuation is outside, a span goes on rather than restarts.
  const clauses: PracticeTaggerModel = {
    features: new Map([['u0，', [-1000, -1000] as const], ['u0。', [-1000, -1000] as const]]),
    transitions: Array.from({ length: 16 }, (_, k) => (k % 4 === B && (k >> 2 === B || k >> 2 === I) ? -5 : 0)),
    bias: 10,
  };

  it('keeps no description that begins with a word of doing', () => {
    const text = '强化学法普法，列入年度学法计划，推行法治夜校。';
    expect(tagPractices(text, clauses, [], [], NO_EDGES).map((p) => p.name)).toEqual(['推行法治夜校']);
  });
});

describe('training and decoding', () => {
  const model = trainPracticeTagger(TRAINING, { epochs: 8, bias: 0, prune: 0 });

  it('is repeatable: the same examples and options give the same model', () => {
    const again = trainPracticeTagger(TRAINING, { epochs: 8, bias: 0, prune: 0 });
    expect(practiceTaggerFile(again, {})).toEqual(practiceTaggerFile(model, {}));
  });

  it('reads a practice it never saw in a sentence shaped like its training, and nothing in plain prose', () => {
    const found = tagPractices('开展法治讲堂活动,压实责任。', model, [], [], NO_EDGES);
    expect(found.map((p) => p.name)).toContain('法治讲堂活动');
    expect(tagPractices('会议强调要提高认识,确保工作落地见效。', model, [], [], NO_EDGES)).toEqual([]);
  });

  it('leaves alone what the rules read, and spans with unbalanced quotes', () => {
    const text = '开展法治讲堂活动,压实责任。';
    expect(tagPractices(text, model, [], [{ start: 2, end: 6 }], NO_EDGES)).toEqual([]);
    // Trained on a quoted name, the model marks “法治夜校”活动 with its quotes; cut off from its
    // closing quote, the span is dropped rather than named with half a quote.
    const quotedModel = trainPracticeTagger([...TRAINING, example('开展“法治夜校”活动,推行“好差评”制度。', ['“法治夜校”活动', '“好差评”制度'])], { epochs: 8, bias: 0, prune: 0 });
    const whole = tagPractices('开展“法治讲堂”活动,压实责任。', quotedModel, [], [], NO_EDGES);
    expect(whole.map((p) => p.name)).toContain('法治讲堂活动');
    const half = '开展“法治讲堂活动,压实责任。';
    for (const p of tagPractices(half, quotedModel, [], [], NO_EDGES)) {
      const words = half.slice(p.span.start, p.span.end);
      expect(words.split('“').length).toBe(words.split('”').length);
    }
  });

  it('prunes features whose scores stay near "outside"', () => {
    const pruned = trainPracticeTagger(TRAINING, { epochs: 8, bias: 0, prune: 3 });
    expect(pruned.features.size).toBeLessThan(model.features.size);
    for (const [b, i] of pruned.features.values()) expect(Math.max(Math.abs(b), Math.abs(i))).toBeGreaterThanOrEqual(3);
  });

  it('never throws and keeps its spans inside the text, on empty and odd input', () => {
    for (const text of ['', '“', '开展', '”””“““', 'abc\n\n,,,', '开展'.repeat(500)]) {
      for (const p of tagPractices(text, model, [], [], NO_EDGES)) {
        expect(p.span.start).toBeGreaterThanOrEqual(0);
        expect(p.span.end).toBeLessThanOrEqual(text.length);
      }
    }
  });
});

describe('the model file', () => {
  const model = trainPracticeTagger(TRAINING.slice(0, 2), { epochs: 2 });

  it('round-trips: file → model → file', () => {
    const file = practiceTaggerFile(model, { texts: 2 });
    expect(practiceTaggerFile(parsePracticeTagger(JSON.parse(JSON.stringify(file)), 'x.json'), { texts: 2 })).toEqual(file);
  });

  it('names what is wrong with a bad file and how to mend it', () => {
    const file = practiceTaggerFile(model, {});
    expect(() => parsePracticeTagger({ ...file, format: 'other/9' }, 'm.json')).toThrow(/m\.json: format is "other\/9".*train:tagger/);
    expect(() => parsePracticeTagger({ ...file, transitions: [1, 2] }, 'm.json')).toThrow(/transitions are not 16 numbers/);
    expect(() => parsePracticeTagger({ ...file, features: { u0法: [1] } }, 'm.json')).toThrow(/feature "u0法" has no pair of scores/);
    expect(() => parsePracticeTagger('x', 'm.json')).toThrow(/not a JSON object/);
  });
});
