import { simplifiedWords } from '../extract/simplifiedReading.js';
import { FOUND_BY, type Status } from '../model/facts.js';
import * as q from '../store/catalogue.js';
import type { ApiContext } from './context.js';
import { apiError, badInput, ErrorCode } from './errors.js';
import type { Resolvers } from './generated/resolvers.js';
import type { RegionFactRow } from './loaders.js';
import type { EvidenceModel, ObservationModel, PracticeModel, RegionModel, ReportModel } from './models.js';
import { groupBy } from './groupBy.js';

const ALL_STATUSES: Status[] = ['IMPLEMENTED', 'PLANNED', 'PROBLEM'];

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** A region row as far as an evidence row knows it. */
const regionOf = (row: { regionCode: string; regionName: string }): RegionModel => ({ code: row.regionCode, name: row.regionName });

const reportOf = (row: { reportId: string; reportTitle: string; reportYear: number; regionCode: string }): ReportModel => ({
  id: row.reportId,
  title: row.reportTitle,
  year: row.reportYear,
  regionCode: row.regionCode,
});

const asEvidence = (row: RegionFactRow | EvidenceModel): EvidenceModel => row as EvidenceModel;

/** Resolves region arguments (names, stems or codes); unknown ones are a NOT_FOUND error naming them. */
async function resolveRegions(ctx: ApiContext, keys: readonly string[], argument: string): Promise<q.RegionResult[]> {
  const found = await Promise.all(keys.map((k) => ctx.loaders.region.load(k.trim())));
  const missing = keys.filter((_, i) => !found[i]);
  if (missing.length > 0) {
    throw apiError(ErrorCode.NOT_FOUND, `${argument}: no region ${missing.map((m) => `"${m}"`).join(', ')} in the graph; use a name (邵阳市) or a GB/T 2260 code (430500) — the regions query lists them`, { argument, missing });
  }
  return found.filter((r): r is q.RegionResult => r !== null);
}

/** A practice name as researchers may write it: quotes and spaces are ignored, synonyms resolve. */
function canonicalPracticeName(ctx: ApiContext, name: string): string {
  const plain = name.replace(/[“”"'‘’\s]/g, '');
  return ctx.practiceAliases.get(plain) ?? plain;
}

function practiceSets(rows: readonly RegionFactRow[]): Set<string> {
  return new Set(rows.filter((r) => r.kind === 'practice' && r.status !== 'PROBLEM').map((r) => r.name));
}

function jaccard(a: Set<string>, b: Set<string>): { jaccard: number; shared: number } {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return { jaccard: union === 0 ? 0 : Math.round((shared / union) * 1000) / 1000, shared };
}

const encodeCursor = (name: string) => Buffer.from(`practice:${name}`, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('practice:')) throw badInput('after', 'not a cursor returned by this field; pass pageInfo.endCursor from the previous page');
  return decoded.slice('practice:'.length);
}

function requireRange(argument: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(argument, `must be an integer from ${min} to ${max}, got ${value}`);
}

export const resolvers: Resolvers = {
  Query: {
    health: async (_p, _a, ctx) => {
      const [counts] = await ctx.store.read(q.countGraph, {});
      return { store: ctx.store.kind, reports: 0, regions: 0, practices: 0, mentions: 0, observations: 0, ...counts };
    },
    reports: (_p, _a, ctx) => ctx.store.read(q.listReports, {}),
    report: async (_p, { id }, ctx) => ctx.loaders.report.load(id),
    region: async (_p, { name, code }, ctx) => {
      if ((name ?? null) === null && (code ?? null) === null) throw badInput('region', 'give name (邵阳市) or code (430500)');
      const region = await ctx.loaders.region.load((code ?? name ?? '').trim());
      if (region && name && code && region.name !== name.trim() && !region.name.startsWith(name.trim())) {
        throw badInput('region', `name "${name}" and code "${code}" name different regions; give one of them`);
      }
      return region;
    },
    regions: (_p, _a, ctx) => ctx.store.read(q.listReportedRegions, {}),
    compareRegions: async (_p, { regions }, ctx) => {
      if (regions.length < 2) throw badInput('regions', 'compare at least two regions, e.g. ["邵阳市", "南阳市"]');
      const found = await resolveRegions(ctx, regions, 'regions');
      const facts = await ctx.loaders.regionFacts.loadMany(found.map((r) => r.code));
      const rows = facts.map((f) => (f instanceof Error ? [] : f));
      const sets = rows.map(practiceSets);
      const meta = new Map<string, PracticeModel>();
      for (const r of rows.flat()) if (r.kind === 'practice') meta.set(r.name, { name: r.name, kind: r.practiceKind ?? 'PRACTICE', curated: r.curated ?? true, area: r.area });
      const shared = [...(sets[0] ?? [])].filter((name) => sets.every((s) => s.has(name))).sort();
      const uniqueTo = found.map((region, i) => ({
        region,
        practices: [...(sets[i] ?? [])].filter((name) => sets.every((s, j) => j === i || !s.has(name))).sort().map((name) => meta.get(name) ?? { name }),
      }));
      const observations = rows.flat().filter((r) => r.kind === 'metric') as unknown as ObservationModel[];
      const metrics = [...groupBy(observations, (o) => o.metric ?? (o as unknown as RegionFactRow).name)]
        .filter(([, obs]) => new Set(obs.map((o) => o.regionCode)).size >= 2)
        .map(([metric, obs]) => ({ metric, observations: obs.map((o) => ({ ...o, metric })) }))
        .sort((a, b) => a.metric.localeCompare(b.metric));
      const similarity = found.flatMap((a, i) =>
        found.slice(i + 1).map((b, k) => ({ a, b, ...jaccard(sets[i] ?? new Set(), sets[i + 1 + k] ?? new Set()) })),
      );
      return { regions: found, shared: shared.map((name) => meta.get(name) ?? { name }), unique: uniqueTo, metrics, similarity };
    },
    similarRegions: async (_p, { region, limit }, ctx) => {
      requireRange('limit', limit ?? 10, 1, 1000);
      const all = await ctx.store.read(q.listReportedRegions, {});
      const anchor = region ? (await resolveRegions(ctx, [region], 'region'))[0] : null;
      const facts = await ctx.loaders.regionFacts.loadMany(all.map((r) => r.code));
      const sets = new Map(all.map((r, i) => [r.code, practiceSets(facts[i] instanceof Error ? [] : (facts[i] as RegionFactRow[]))]));
      const pairs = all.flatMap((a, i) =>
        all.slice(i + 1).map((b) => ({ a, b, ...jaccard(sets.get(a.code) ?? new Set(), sets.get(b.code) ?? new Set()) })),
      );
      return pairs
        .filter((p) => !anchor || p.a.code === anchor.code || p.b.code === anchor.code)
        .sort((x, y) => y.jaccard - x.jaccard || y.shared - x.shared)
        .slice(0, limit ?? 10);
    },
    practice: async (_p, { name }, ctx) => {
      const rows = await ctx.loaders.practice.load(canonicalPracticeName(ctx, name));
      const first = rows[0];
      return first ? { name: first.name, kind: first.kind, curated: first.curated, area: first.area } : null;
    },
    system: async (_p, { name }, ctx) => {
      const rows = await ctx.loaders.practice.load(canonicalPracticeName(ctx, name));
      const first = rows[0];
      if (!first) return null;
      if (first.kind !== 'SYSTEM') throw badInput('name', `${first.name} is a practice, not an institutional system; ask practice(name: "${first.name}")`);
      return { name: first.name, kind: first.kind, curated: first.curated, area: first.area };
    },
    sharedPractices: async (_p, { minRegions, regions, status, rollUp, curatedOnly, foundBy }, ctx) => {
      const min = minRegions ?? 2;
      requireRange('minRegions', min, 1, 10000);
      if (foundBy && foundBy.length === 0) throw badInput('foundBy', `give at least one of ${FOUND_BY.join(', ')}, or leave it out to count mentions however they were read`);
      const codes = regions && regions.length > 0 ? (await resolveRegions(ctx, regions, 'regions')).map((r) => r.code) : [];
      const rows = await ctx.store.read(q.practiceAdoption, {
        statuses: status ? [status] : ALL_STATUSES,
        codes,
        anyRegion: codes.length === 0,
        curatedOnly: curatedOnly ?? false,
        // An empty list cannot be bound on the embedded store: "any" is a flag, with every value.
        foundBy: foundBy ?? [...FOUND_BY],
        anyFoundBy: !foundBy,
      });
      const byPractice = new Map<string, { practice: PracticeModel; regions: Map<string, RegionModel> }>();
      for (const row of rows) {
        const name = rollUp && row.broader ? row.broader : row.practice;
        const kind = rollUp && row.broader ? undefined : row.kind;
        const entry = byPractice.get(name) ?? { practice: { name, ...(kind ? { kind } : {}) }, regions: new Map() };
        entry.regions.set(row.regionCode, { code: row.regionCode, name: row.regionName });
        byPractice.set(name, entry);
      }
      return [...byPractice.values()]
        .filter((e) => e.regions.size >= min)
        .map((e) => ({ practice: e.practice, regions: [...e.regions.values()].sort((a, b) => a.code.localeCompare(b.code)), count: e.regions.size }))
        .sort((a, b) => b.count - a.count || a.practice.name.localeCompare(b.practice.name));
    },
    practices: async (_p, { search, area, curated, first, after }, ctx) => {
      const size = first ?? 50;
      requireRange('first', size, 1, 500);
      const all = (await ctx.store.read(q.listPractices, {})).filter(
        (p) => (!search || p.name.includes(search)) && (area == null || p.area === area) && (curated == null || p.curated === curated),
      );
      let start = 0;
      if (after) {
        const name = decodeCursor(after);
        const at = all.findIndex((p) => p.name === name);
        if (at < 0) throw badInput('after', 'the cursor points to a practice no longer in this listing; start again without `after`');
        start = at + 1;
      }
      const page = all.slice(start, start + size);
      return {
        edges: page.map((p) => ({ cursor: encodeCursor(p.name), node: p, regionCount: p.regions })),
        pageInfo: { hasNextPage: start + size < all.length, endCursor: page.length > 0 ? encodeCursor(page[page.length - 1]?.name ?? '') : null },
        totalCount: all.length,
      };
    },
    policyAreas: (_p, _a, ctx) => ctx.store.read(q.listPolicyAreas, {}),
    metricComparison: async (_p, { metric, year }, ctx) => {
      if (metric.trim().length === 0) throw badInput('metric', 'give a metric name, e.g. 行政机关负责人出庭应诉率; the metrics query lists them');
      const rows = await ctx.store.read(q.metricObservations, { metric: metric.trim(), year: year ?? 0, anyYear: year == null });
      const exact = rows.filter((r) => r.metric === metric.trim());
      if (exact.length > 0) return exact as ObservationModel[];
      // Words matched inside longer names: keep levels apart from changes (…同比增长 / …下降)
      // unless the words ask for a change.
      const wantsChange = /(增长|下降)$/.test(metric.trim());
      return rows.filter((r) => wantsChange || !/(增长|下降)$/.test(r.metric)) as ObservationModel[];
    },
    searchEvidence: async (_p, { text, first }, ctx) => {
      const words = text.trim();
      if (words.length < 2) throw badInput('text', 'give at least two characters to search for, e.g. 法律明白人');
      requireRange('first', first ?? 20, 1, 500);
      // Reports in traditional characters keep a simplified reading of each sentence: a query in
      // either script finds them, and finds simplified reports by its own words.
      const rows = await ctx.store.read(q.searchEvidence, { text: words, reading: simplifiedWords(words) });
      return [...groupBy(rows, (r) => `${r.reportId}|${r.sentence}`).values()].slice(0, first ?? 20).map((mentions) => {
        const head = mentions[0] as (typeof mentions)[number];
        return {
          report: reportOf(head),
          region: regionOf(head),
          section: head.section,
          sentence: head.sentence,
          status: head.status as Status,
          mentions: unique(mentions.map((m) => m.about)),
          evidence: mentions as EvidenceModel[],
        };
      });
    },
    metrics: async (_p, { search, first }, ctx) => {
      requireRange('first', first ?? 100, 1, 10000);
      return (await ctx.store.read(q.listMetrics, {})).filter((m) => !search || m.name.includes(search)).slice(0, first ?? 100);
    },
    commonProblems: async (_p, { minRegions }, ctx) => {
      const min = minRegions ?? 2;
      requireRange('minRegions', min, 1, 10000);
      const rows = await ctx.store.read(q.problemEvidence, {});
      return [...groupBy(rows, (r) => r.theme)]
        .map(([theme, evidence]) => ({
          theme,
          regions: [...new Map(evidence.map((e) => [e.regionCode, regionOf(e)])).values()],
          evidence: evidence as EvidenceModel[],
        }))
        .filter((t) => t.regions.length >= min)
        .sort((a, b) => b.regions.length - a.regions.length || a.theme.localeCompare(b.theme));
    },
  },

  Region: {
    level: async (r, _a, ctx) => ((r.level ?? (await ctx.loaders.region.load(r.code))?.level ?? 'COUNTY') as never),
    province: async (r, _a, ctx) => {
      const full = r.province !== undefined ? r : await ctx.loaders.region.load(r.code);
      return full?.province ? { code: `${r.code.slice(0, 2)}0000`, name: full.province, level: 'PROVINCE' } : null;
    },
    parent: async (r, _a, ctx) => {
      const full = r.parentCode !== undefined ? r : await ctx.loaders.region.load(r.code);
      return full?.parentCode ? { code: full.parentCode, name: full.parentName ?? full.parentCode } : null;
    },
    reports: async (r, _a, ctx) =>
      (await ctx.loaders.regionFacts.load(r.code)).filter((f) => f.kind === 'report').map(reportOf).sort((a, b) => a.year - b.year),
    practices: async (r, { status }, ctx) => {
      const rows = (await ctx.loaders.regionFacts.load(r.code)).filter((f) => f.kind === 'practice' && (!status || f.status === status));
      return [...groupBy(rows, (f) => f.name)].map(([name, mentions]) => {
        const first = mentions[0];
        return {
          name,
          practice: { name, kind: first?.practiceKind ?? 'PRACTICE', curated: first?.curated ?? true, area: first?.area ?? null },
          statuses: unique(mentions.map((m) => m.status as Status)),
          years: unique(mentions.map((m) => m.reportYear)).sort(),
          evidence: mentions.map(asEvidence),
        };
      });
    },
    awards: async (r, _a, ctx) => {
      const rows = (await ctx.loaders.regionFacts.load(r.code)).filter((f) => f.kind === 'award');
      return [...groupBy(rows, (f) => `${f.name}|${f.awardYear}`)].map(([, evidence]) => ({
        name: evidence[0]?.name ?? '',
        year: evidence[0]?.awardYear ?? 0,
        region: r,
        evidence: evidence.map(asEvidence),
      }));
    },
    problems: async (r, _a, ctx) => {
      const rows = (await ctx.loaders.regionFacts.load(r.code)).filter((f) => f.kind === 'problem');
      return [...groupBy(rows, (f) => f.name)].map(([theme, evidence]) => ({ theme, evidence: evidence.map(asEvidence) }));
    },
    observations: async (r, { metric }, ctx) =>
      (await ctx.loaders.regionFacts.load(r.code))
        .filter((f) => f.kind === 'metric' && (!metric || f.name === metric || f.name.includes(metric)))
        .map((f) => ({ ...(f as unknown as ObservationModel), metric: f.name })),
  },

  Report: {
    region: async (r, _a, ctx) => (await ctx.loaders.region.load(r.regionCode)) ?? { code: r.regionCode, name: r.regionCode },
    publishedOn: async (r, _a, ctx) => (r.publishedOn !== undefined ? r.publishedOn : ((await ctx.loaders.report.load(r.id))?.publishedOn ?? null)),
    issuer: async (r, _a, ctx) => (r.issuer !== undefined ? r.issuer : ((await ctx.loaders.report.load(r.id))?.issuer ?? null)),
    docNumber: async (r, _a, ctx) => (r.docNumber !== undefined ? r.docNumber : ((await ctx.loaders.report.load(r.id))?.docNumber ?? null)),
    sha256: async (r, _a, ctx) => r.sha256 ?? (await ctx.loaders.report.load(r.id))?.sha256 ?? '',
    source: async (r, _a, ctx) => r.source ?? (await ctx.loaders.report.load(r.id))?.source ?? '',
    text: async (r, _a, ctx) => (await ctx.loaders.report.load(r.id))?.text ?? '',
  },

  Evidence: {
    report: (e) => reportOf(e),
    status: (e) => e.status,
    start: (e) => e.startOffset,
    end: (e) => e.endOffset,
    foundBy: (e) => FOUND_BY.find((f) => f === e.foundBy) ?? null,
  },

  Observation: {
    region: (o) => regionOf(o),
    year: (o) => o.reportYear,
    qualifier: (o) => o.qualifier as never,
    status: (o) => o.status,
    evidence: (o) => o,
  },

  PolicyArea: {
    name: async (a, _args, ctx) => a.name ?? (await ctx.store.read(q.listPolicyAreas, {})).find((x) => x.id === a.id)?.name ?? '',
  },

  Practice: {
    system: async (p, _a, ctx) => (p.kind ?? (await ctx.loaders.practice.load(p.name))[0]?.kind) === 'SYSTEM',
    curated: async (p, _a, ctx) => p.curated ?? (await ctx.loaders.practice.load(p.name))[0]?.curated ?? false,
    area: async (p, _a, ctx) => {
      const row = (await ctx.loaders.practice.load(p.name))[0];
      return row?.area != null ? { id: row.area, ...(row.areaName ? { name: row.areaName } : {}) } : null;
    },
    broader: async (p, _a, ctx) => {
      const broader = (await ctx.loaders.practice.load(p.name))[0]?.broader;
      return broader ? { name: broader } : null;
    },
    narrower: async (p, _a, ctx) => (await ctx.loaders.narrower.load(p.name)).map((name) => ({ name })),
    adopters: async (p, { status }, ctx) => {
      const rows = (await ctx.loaders.practiceMentions.load(p.name)).filter((m) => !status || m.status === status);
      return [...groupBy(rows, (m) => `${m.regionCode}|${m.reportYear}|${m.status}`)].map(([, mentions]) => {
        const first = mentions[0] as (typeof mentions)[number];
        const direct = mentions.some((m) => m.mentioned === p.name);
        return {
          region: regionOf(first),
          year: first.reportYear,
          status: first.status as Status,
          via: direct ? null : first.mentioned,
          evidence: mentions as EvidenceModel[],
        };
      });
    },
  },

  System: {
    area: async (s, _a, ctx) => {
      const row = (await ctx.loaders.practice.load(s.name))[0];
      return row?.area != null ? { id: row.area, ...(row.areaName ? { name: row.areaName } : {}) } : null;
    },
    components: async (s, _a, ctx) =>
      unique((await ctx.loaders.practice.load(s.name)).map((r) => r.component).filter((c): c is string => c !== null)).map((name) => ({ name, kind: 'SYSTEM' })),
    coverage: async (s, { status }, ctx) => {
      const [rows, components] = await Promise.all([ctx.loaders.practiceMentions.load(s.name), ctx.loaders.practice.load(s.name)]);
      const componentNames = new Set(components.map((c) => c.component));
      const relevant = rows.filter((m) => (m.mentioned === s.name || componentNames.has(m.mentioned)) && (!status || m.status === status));
      return [...groupBy(relevant, (m) => `${m.regionCode}|${m.reportYear}|${m.status}`)]
        .map(([, mentions]) => {
          const first = mentions[0] as (typeof mentions)[number];
          return {
            region: regionOf(first),
            year: first.reportYear,
            status: first.status as Status,
            namesSystem: mentions.some((m) => m.mentioned === s.name),
            components: unique(mentions.filter((m) => m.mentioned !== s.name).map((m) => m.mentioned)).map((name) => ({ name, kind: 'SYSTEM' })),
            evidence: mentions as EvidenceModel[],
          };
        })
        .sort((a, b) => a.region.code.localeCompare(b.region.code) || a.year - b.year || a.status.localeCompare(b.status));
    },
  },
};
