/**
 * The seven questions of DESIGN.md, asked over HTTP of the real Apollo server on each available
 * store (the embedded one always, Neo4j when NEO4J_URI is set) loaded with the five seed reports.
 * Each test asserts the answer the seeds give.
 */
import { describe, expect, it } from 'vitest';
import { SEED_DIR, servedGraph, storeTargets } from '../helpers/seedGraph.js';

for (const target of storeTargets()) {
  describe(`on the ${target.name} store`, () => {
    const graph = servedGraph(target, async () => [SEED_DIR]);

    interface GqlResponse<T> {
      data?: T;
      errors?: { message: string; extensions?: { code?: string } }[];
    }

    /** Posts a query; returns the response and how many store queries it cost. */
    async function gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResponse<T> & { roundTrips: number }> {
      const before = graph.temp.store.queryCount;
      const res = await fetch(graph.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as GqlResponse<T>;
      return { ...body, roundTrips: graph.temp.store.queryCount - before };
    }

    const EVIDENCE = 'evidence { report { id title } section sentence surface start end }';

    describe('Q1: who implements the 行政执法三项制度', () => {
      const query = `{ system(name: "行政执法三项制度") { name components { name } coverage { region { name } year status namesSystem components { name } ${EVIDENCE} } } }`;

      it('has the three components', async () => {
        const { data } = await gql(query);
        expect(data?.system.components.map((c: { name: string }) => c.name).sort()).toEqual(['执法全过程记录制度', '行政执法公示制度', '重大执法决定法制审核制度'].sort());
      });

      it('is implemented by 邵阳, 紫阳 and 章贡 and planned by 南阳, naming the system', async () => {
        const { data, roundTrips } = await gql(query);
        const named = data?.system.coverage.filter((c: { namesSystem: boolean }) => c.namesSystem);
        const implemented = named.filter((c: { status: string }) => c.status === 'IMPLEMENTED').map((c: { region: { name: string } }) => c.region.name);
        const planned = named.filter((c: { status: string }) => c.status === 'PLANNED').map((c: { region: { name: string } }) => c.region.name);
        expect(new Set(implemented)).toEqual(new Set(['邵阳市', '紫阳县', '章贡区']));
        expect(planned).toContain('南阳市');
        expect(planned).toContain('章贡区');
        expect(implemented).not.toContain('南阳市');
        expect(roundTrips).toBeLessThanOrEqual(2);
      });

      it('counts 鞍山 only at component level, through its 公示 of 行政执法事项', async () => {
        const { data } = await gql(query);
        const anshan = data?.system.coverage.filter((c: { region: { name: string } }) => c.region.name === '鞍山市');
        expect(anshan.length).toBeGreaterThan(0);
        expect(anshan.every((c: { namesSystem: boolean }) => !c.namesSystem)).toBe(true);
        expect(anshan.flatMap((c: { components: { name: string }[] }) => c.components.map((x) => x.name))).toContain('行政执法公示制度');
      });

      it('does not count 章贡’s 规范性文件 “三项制度”', async () => {
        const { data } = await gql(query);
        const sentences: string[] = data?.system.coverage.flatMap((c: { evidence: { sentence: string }[] }) => c.evidence.map((e) => e.sentence));
        expect(sentences.some((s) => s.includes('合法性审核工作指引'))).toBe(false);
      });

      it('cites sentences whose offsets point at the words in the stored text', async () => {
        const { data } = await gql(`{ system(name: "行政执法三项制度") { coverage { evidence { report { id text } surface start end sentence } } } }`);
        const evidence = data?.system.coverage.flatMap((c: { evidence: unknown[] }) => c.evidence) as { report: { text: string }; surface: string; start: number; end: number; sentence: string }[];
        expect(evidence.length).toBeGreaterThan(4);
        for (const e of evidence) {
          expect(e.report.text.slice(e.start, e.end)).toBe(e.surface);
          expect(e.sentence).toContain(e.surface);
        }
      });
    });

    describe('Q2: 行政机关负责人出庭应诉率 across regions', () => {
      it('gives five regions, 鞍山 as GTE 95 and 南阳 97.8', async () => {
        const { data, roundTrips } = await gql(`{ metricComparison(metric: "行政机关负责人出庭应诉率") { region { name } value unit qualifier year ${EVIDENCE.replace('evidence', 'evidence')} } }`);
        const rows = data?.metricComparison as { region: { name: string }; value: number; unit: string; qualifier: string }[];
        const byRegion = new Map<string, typeof rows>();
        for (const r of rows) byRegion.set(r.region.name, [...(byRegion.get(r.region.name) ?? []), r]);
        expect(new Set(byRegion.keys())).toEqual(new Set(['邵阳市', '紫阳县', '章贡区', '鞍山市', '南阳市']));
        expect(byRegion.get('鞍山市')?.some((r) => r.value === 95 && r.qualifier === 'GTE' && r.unit === '%')).toBe(true);
        expect(byRegion.get('南阳市')?.some((r) => r.value === 97.8 && r.qualifier === 'EQ')).toBe(true);
        for (const name of ['邵阳市', '紫阳县', '章贡区']) expect(byRegion.get(name)?.some((r) => r.value === 100)).toBe(true);
        expect(roundTrips).toBeLessThanOrEqual(2);
      });
    });

    describe('Q3: practices shared by three or more regions', () => {
      it('includes 法律明白人, 一件事一次办, 枫桥经验, 述法 and 八五普法, most shared first', async () => {
        const { data, roundTrips } = await gql(`{ sharedPractices(minRegions: 3, status: null) { practice { name } regions { name } count } }`);
        const shared = data?.sharedPractices as { practice: { name: string }; regions: { name: string }[]; count: number }[];
        const names = shared.map((s) => s.practice.name);
        for (const p of ['法律明白人', '一件事一次办', '枫桥经验', '述法', '八五普法', '重大行政决策事项目录']) expect(names).toContain(p);
        expect(shared.find((s) => s.practice.name === '法律明白人')?.count).toBeGreaterThanOrEqual(4);
        const counts = shared.map((s) => s.count);
        expect(counts).toEqual([...counts].sort((a, b) => b - a));
        expect(shared.every((s) => s.regions.length === s.count && s.count >= 3)).toBe(true);
        expect(roundTrips).toBeLessThanOrEqual(2);
      });

      it('narrows to the regions asked about, by name or code', async () => {
        const { data } = await gql(`{ sharedPractices(minRegions: 2, regions: ["邵阳市", "411300"]) { practice { name } regions { name } } }`);
        const shared = data?.sharedPractices as { regions: { name: string }[] }[];
        expect(shared.length).toBeGreaterThan(0);
        expect(shared.every((s) => s.regions.every((r) => ['邵阳市', '南阳市'].includes(r.name)))).toBe(true);
      });
    });

    describe('how practices were read', () => {
      type Shared = { practice: { name: string; curated: boolean } }[];
      const shared = async (foundBy: string) =>
        ((await gql(`{ sharedPractices(minRegions: 1, status: null${foundBy}) { practice { name curated } } }`)).data?.sharedPractices as Shared).map((s) => s.practice);

      it('says for each piece of evidence of a practice how it was read, and for other facts nothing', async () => {
        const { data } = await gql(`{ practice(name: "法律明白人") { curated adopters { evidence { foundBy } } } region(name: "邵阳市") { awards { evidence { foundBy } } } }`);
        const evidence = (data?.practice.adopters as { evidence: { foundBy: string }[] }[]).flatMap((a) => a.evidence);
        expect(evidence.length).toBeGreaterThan(0);
        expect(evidence.every((e) => e.foundBy === 'TAXONOMY')).toBe(true);
        const awards = data?.region.awards as { evidence: { foundBy: string | null }[] }[];
        expect(awards.length).toBeGreaterThan(0);
        expect(awards.flatMap((a) => a.evidence).every((e) => e.foundBy === null)).toBe(true);
      });

      it('counts shared practices by how they were read: the tagger’s candidates can be left out', async () => {
        const any = await shared('');
        const [taxonomy, rule, model, noModel] = await Promise.all([shared(', foundBy: [TAXONOMY]'), shared(', foundBy: [RULE]'), shared(', foundBy: [MODEL]'), shared(', foundBy: [TAXONOMY, RULE]')]);
        expect(taxonomy.every((p) => p.curated)).toBe(true);
        expect([...rule, ...model].every((p) => !p.curated)).toBe(true);
        expect(model.length).toBeGreaterThan(0);
        expect(rule.map((p) => p.name)).toContain('虔城办');
        expect(new Set([...taxonomy, ...rule, ...model].map((p) => p.name))).toEqual(new Set(any.map((p) => p.name)));
        expect(new Set(noModel.map((p) => p.name))).toEqual(new Set([...taxonomy, ...rule].map((p) => p.name)));
        expect(noModel.length).toBeLessThan(any.length);
      });

      it('refuses an empty list of ways, naming the argument', async () => {
        const { errors } = await gql(`{ sharedPractices(foundBy: []) { count } }`);
        expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(errors?.[0]?.message).toContain('foundBy');
      });
    });

    describe('metric names', () => {
      it('matches part of a name to levels only, never to year-over-year changes', async () => {
        const { data } = await gql(`{ metricComparison(metric: "出庭应诉率") { metric region { name } value } }`);
        const rows = data?.metricComparison as { metric: string }[];
        expect(rows.length).toBeGreaterThanOrEqual(5);
        expect(rows.every((r) => !/(增长|下降)$/.test(r.metric))).toBe(true);
      });
    });

    describe('evidence search', () => {
      it('finds the sentences that mention 法律明白人, each with its report and what else it mentions', async () => {
        const { data, roundTrips } = await gql(`{ searchEvidence(text: "法律明白人", first: 50) { report { id } region { name } section sentence status mentions evidence { surface start end } } }`);
        const hits = data?.searchEvidence as { region: { name: string }; sentence: string; mentions: string[]; evidence: { surface: string }[] }[];
        expect(hits.length).toBeGreaterThanOrEqual(4);
        expect(hits.every((h) => h.sentence.includes('法律明白人'))).toBe(true);
        expect(new Set(hits.map((h) => h.region.name)).size).toBeGreaterThanOrEqual(4);
        expect(hits.some((h) => h.mentions.includes('法律明白人'))).toBe(true);
        expect(roundTrips).toBeLessThanOrEqual(2);
      });

      it('refuses a one-character search', async () => {
        const { errors } = await gql(`{ searchEvidence(text: "法") { sentence } }`);
        expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      });
    });

    describe('roll-up and browsing', () => {
      it('counts 首违不罚 and 包容免罚 under their broader 包容审慎监管 when rolled up', async () => {
        const query = (rollUp: boolean) => `{ sharedPractices(minRegions: 1, status: null, rollUp: ${rollUp}) { practice { name } regions { name } } }`;
        const plain = (await gql(query(false))).data?.sharedPractices as { practice: { name: string }; regions: { name: string }[] }[];
        const rolled = (await gql(query(true))).data?.sharedPractices as typeof plain;
        const regionsOf = (list: typeof plain, name: string) => new Set(list.find((s) => s.practice.name === name)?.regions.map((r) => r.name));
        expect(regionsOf(plain, '首违不罚')).toContain('邵阳市');
        expect(regionsOf(plain, '包容审慎监管').has('邵阳市')).toBe(false);
        expect(regionsOf(rolled, '包容审慎监管')).toContain('邵阳市');
        expect(rolled.some((s) => s.practice.name === '首违不罚')).toBe(false);
      });

      it('pages through practices with cursors', async () => {
        const first = (await gql(`{ practices(first: 5) { totalCount edges { cursor node { name } regionCount } pageInfo { hasNextPage endCursor } } }`)).data?.practices;
        expect(first.edges).toHaveLength(5);
        expect(first.pageInfo.hasNextPage).toBe(true);
        const next = (await gql(`query($after: String) { practices(first: 5, after: $after) { edges { node { name } } } }`, { after: first.pageInfo.endCursor })).data?.practices;
        const names = [...first.edges, ...next.edges].map((e: { node: { name: string } }) => e.node.name);
        expect(new Set(names).size).toBe(10);
        const { errors } = await gql(`{ practices(after: "bogus") { totalCount } }`);
        expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      });
    });

    describe('Q4: problems that recur', () => {
      it('finds 基层法治力量薄弱 in four or more regions and 重大行政决策 shortfalls in 邵阳, 章贡, 鞍山', async () => {
        const { data, roundTrips } = await gql(`{ commonProblems(minRegions: 2) { theme regions { name } ${EVIDENCE} } }`);
        const themes = data?.commonProblems as { theme: string; regions: { name: string }[]; evidence: { sentence: string }[] }[];
        const grassroots = themes.find((t) => t.theme === '基层法治力量薄弱');
        expect(grassroots?.regions.length).toBeGreaterThanOrEqual(4);
        const decisions = themes.find((t) => t.theme === '重大行政决策制度落实不到位');
        expect(new Set(decisions?.regions.map((r) => r.name))).toEqual(new Set(['邵阳市', '章贡区', '鞍山市']));
        expect(themes.every((t) => t.evidence.length >= t.regions.length)).toBe(true);
        expect(roundTrips).toBeLessThanOrEqual(2);
      });
    });

    describe('Q5: what a region won', () => {
      it('邵阳 was named a 全省法治政府建设示范市 in 2023', async () => {
        const { data, roundTrips } = await gql(`{ region(name: "邵阳市") { code name level province { name } parent { name } reports { id year } awards { name year ${EVIDENCE} } problems { theme } practices(status: IMPLEMENTED) { name } } }`);
        const region = data?.region;
        expect(region.code).toBe('430500');
        expect(region.level).toBe('PREFECTURE');
        expect(region.province.name).toBe('湖南省');
        expect(region.awards.some((a: { name: string; year: number }) => a.name.includes('全省法治政府建设示范市') && a.year === 2023)).toBe(true);
        expect(roundTrips).toBeLessThanOrEqual(2);
      });

      it('鞍山, 南阳 and 章贡 have their recognitions', async () => {
        const { data } = await gql(`{ a: region(name: "鞍山市") { awards { name } } n: region(code: "411300") { awards { name } } z: region(name: "章贡区") { awards { name } } }`);
        expect(data?.a.awards.map((x: { name: string }) => x.name).join()).toContain('全国法治政府示范创建综合地区候选市');
        expect(data?.n.awards.map((x: { name: string }) => x.name).join()).toContain('全省法治建设优秀省辖市');
        expect(data?.z.awards.map((x: { name: string }) => x.name).join()).toContain('全省法治政府建设示范创建综合候选地区');
      });

      it('resolves 紫阳县 to its parent chain 安康市 → 陕西省', async () => {
        const { data } = await gql(`{ region(name: "紫阳县") { code level parent { name } province { name } } }`);
        expect(data?.region).toEqual({ code: '610924', level: 'COUNTY', parent: { name: '安康市' }, province: { name: '陕西省' } });
      });
    });

    describe('Q6: which regions are most alike', () => {
      it('ranks region pairs by Jaccard similarity of their practice sets', async () => {
        const { data } = await gql(`{ similarRegions(limit: 10) { a { name } b { name } jaccard shared } }`);
        const pairs = data?.similarRegions as { jaccard: number; shared: number }[];
        expect(pairs).toHaveLength(10);
        expect(pairs.map((p) => p.jaccard)).toEqual([...pairs.map((p) => p.jaccard)].sort((a, b) => b - a));
        expect(pairs.every((p) => p.jaccard > 0 && p.jaccard < 1 && p.shared > 0)).toBe(true);
      });

      it('compares regions side by side with shared and unique practices and metrics', async () => {
        const { data, roundTrips } = await gql(`{ compareRegions(regions: ["邵阳市", "南阳市"]) { regions { name } shared { name } unique { region { name } practices { name } } metrics { metric observations { region { name } value } } similarity { jaccard } } }`);
        const c = data?.compareRegions;
        expect(c.shared.map((p: { name: string }) => p.name)).toContain('府院联动');
        expect(c.unique).toHaveLength(2);
        expect(c.metrics.some((m: { metric: string }) => m.metric === '行政机关负责人出庭应诉率')).toBe(true);
        expect(roundTrips).toBeLessThanOrEqual(2);
      });
    });

    describe('Q7: where the report says so', () => {
      it('every adopter of 法律明白人 carries report, section, sentence and offsets', async () => {
        const { data, roundTrips } = await gql(`{ practice(name: "法律明白人") { name area { id name } adopters { region { name } year status ${EVIDENCE} } } }`);
        const adopters = data?.practice.adopters as { evidence: { report: { id: string }; section: string; sentence: string; surface: string; start: number; end: number }[] }[];
        expect(adopters.length).toBeGreaterThanOrEqual(4);
        for (const e of adopters.flatMap((a) => a.evidence)) {
          expect(e.report.id).toMatch(/^\d{6}-20\d\d-[0-9a-f]{8}$/);
          expect(e.sentence).toContain(e.surface.replace(/[“”]/g, '').slice(0, 2));
          expect(e.end).toBeGreaterThan(e.start);
        }
        expect(data?.practice.area.id).toBeGreaterThan(0);
        expect(roundTrips).toBeLessThanOrEqual(2);
      });

      it('accepts a synonym or quoted form of a practice name', async () => {
        const { data } = await gql(`{ practice(name: "“三项制度”") { name } }`);
        expect(data?.practice?.name).toBe('行政执法三项制度');
      });
    });

    describe('errors', () => {
      it('names an unknown region with NOT_FOUND', async () => {
        const { errors } = await gql(`{ compareRegions(regions: ["邵阳市", "不存在市"]) { shared { name } } }`);
        expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
        expect(errors?.[0]?.message).toContain('不存在市');
      });

      it('rejects a bad argument with BAD_USER_INPUT', async () => {
        const { errors } = await gql(`{ sharedPractices(minRegions: 0) { count } }`);
        expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(errors?.[0]?.message).toContain('minRegions');
      });

      it('refuses a query nested deeper than the limit with QUERY_TOO_COMPLEX', async () => {
        const deep = `{ regions { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } }`;
        const { errors } = await gql(deep);
        expect(errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
      });

      it('refuses a query selecting more fields than the cost limit with QUERY_TOO_COMPLEX, over HTTP 400', async () => {
        const wide = `{ ${Array.from({ length: 2600 }, (_, i) => `h${i}: health { reports }`).join(' ')} }`;
        const res = await fetch(graph.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: wide }) });
        const body = (await res.json()) as GqlResponse<unknown>;
        expect(res.status).toBe(400);
        expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 5200, maxCost: 5000 });
        expect(body.errors?.[0]?.message).toContain('select fewer fields');
      });

      it('answers an operation that declares required variables, and refuses one whose variable is missing', async () => {
        const query = `query Search($text: String!, $first: Int!) { searchEvidence(text: $text, first: $first) { region { name } } }`;
        const { data, errors } = await gql(query, { text: '法律明白人', first: 3 });
        expect(errors).toBeUndefined();
        expect(data?.searchEvidence).toHaveLength(3);
        const missing = await gql(query, { first: 3 });
        expect(missing.errors?.[0]?.message).toContain('$text');
        expect(missing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      });

      it('reports a syntax error with GraphQL’s own code', async () => {
        const { errors } = await gql(`{ regions { name `);
        expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      });
    });
  });
}
