/**
 * The query catalogue: every Cypher statement the product runs, by name. Values always travel as
 * $params; labels and relationship types come from the model. Adapters execute entries and never
 * compose Cypher. Where the embedded store (LadybugDB) and Neo4j need different text, an entry
 * holds both, side by side, with the reason. Every entry is a constant built at module load and
 * listed in `catalogue`, so `npm run lint:cypher` lints its Neo4j text with Neo4j's own linter.
 *
 * Portability rules followed here (both stores, see FIELD-NOTES.md): no CALL {} subqueries, no
 * list or pattern comprehensions, no `+=`, no type()/labels(); rows are grouped in TypeScript
 * rather than with map literals; patterns that could match one relationship twice say `a <> b`.
 */
import { Label as L, Rel as R, type AwardRow, type MentionRow, type MentionTarget, type ObservationRow, type ProblemRow, type RegionRow, type ReportRow } from '../model/graph.js';

export type QueryMode = 'read' | 'write';

/** The two Cypher dialects the catalogue speaks. */
export type Dialect = 'ladybug' | 'neo4j';

/** Names of a query's parameters, and of the fields of its `rows` list parameter. */
export type ParamField<P> = (keyof P & string) | (P extends { rows: readonly (infer T)[] } ? keyof T & string : never);

export interface CatalogueQuery<P extends object, Row extends object> {
  readonly name: string;
  readonly mode: QueryMode;
  /** One text for both stores, or a variant per store. */
  readonly cypher: string | { readonly ladybug: string; readonly neo4j: string };
  /** Parameter names the query takes (checked by tests and the Cypher linter). */
  readonly params: readonly (keyof P & string)[];
  /**
   * Parameters (or fields of the `rows` list) that hold integers (INT64 properties, compared with
   * INT64 properties). Neo4j's driver sends every JS number as a float unless told otherwise, so
   * the Neo4j adapter sends exactly these as integers; every other number stays a float.
   */
  readonly integers?: readonly ParamField<P>[];
  /** Phantom field carrying the row type; never set. */
  readonly _row?: Row;
}

function query<P extends object, Row extends object>(q: Omit<CatalogueQuery<P, Row>, '_row'>): CatalogueQuery<P, Row> {
  return q;
}

/** The Cypher text of a query in one dialect. */
export function cypherFor(query: Pick<CatalogueQuery<object, object>, 'cypher'>, dialect: Dialect): string {
  return typeof query.cypher === 'string' ? query.cypher : query.cypher[dialect];
}

/** Rows parameter of a batched write. */
type Rows<T> = { rows: T[] };

const EVIDENCE_PROPS = 'status STRING, year INT64, section STRING, sentence STRING, startOffset INT64, endOffset INT64, surface STRING';
const EVIDENCE_KEYS = ['status', 'year', 'section', 'sentence', 'startOffset', 'endOffset', 'surface'] as const;
/** Evidence properties as a map body taken from variable `v`: `status: v.status, …`. */
const setEvidence = (v: string) => EVIDENCE_KEYS.map((k) => `${k}: ${v}.${k}`).join(', ');
/** Integer fields of an evidence row. */
const EVIDENCE_INTEGERS = ['year', 'startOffset', 'endOffset'] as const;

/** Full-text analyzer of the Neo4j evidence indexes: `cjk` indexes Chinese as overlapping bigrams. */
const CJK = "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}";

/**
 * Schema. LadybugDB needs node and relationship tables (DDL) before any write; Neo4j is
 * schemaless and takes uniqueness constraints (each backed by an index: Region.code,
 * Practice.name, Metric.name … are the catalogue's key lookups), lookup indexes for the other
 * properties queries select on, and full-text indexes over evidence sentences. The embedded
 * store has no full-text index: LadybugDB's extension downloads itself on INSTALL, and these
 * machines are offline. Every statement is idempotent (IF NOT EXISTS) and runs on each start.
 */
export const schema = {
  ladybug: [
    `CREATE NODE TABLE IF NOT EXISTS ${L.Region}(code STRING PRIMARY KEY, name STRING, level STRING, parentCode STRING, parentName STRING, province STRING)`,
    `CREATE NODE TABLE IF NOT EXISTS ${L.Report}(id STRING PRIMARY KEY, regionCode STRING, title STRING, year INT64, publishedOn STRING, issuer STRING, docNumber STRING, sha256 STRING, source STRING, text STRING, factsHash STRING)`,
    `CREATE NODE TABLE IF NOT EXISTS ${L.PolicyArea}(id INT64 PRIMARY KEY, name STRING)`,
    `CREATE NODE TABLE IF NOT EXISTS ${L.Practice}(name STRING PRIMARY KEY, kind STRING, curated BOOLEAN, area INT64)`,
    `CREATE NODE TABLE IF NOT EXISTS ${L.Agency}(name STRING PRIMARY KEY)`,
    `CREATE NODE TABLE IF NOT EXISTS ${L.Document}(name STRING PRIMARY KEY)`,
    `CREATE NODE TABLE IF NOT EXISTS ${L.Metric}(name STRING PRIMARY KEY)`,
    `CREATE NODE TABLE IF NOT EXISTS ${L.Observation}(id STRING PRIMARY KEY, value DOUBLE, unit STRING, qualifier STRING, ${EVIDENCE_PROPS})`,
    `CREATE NODE TABLE IF NOT EXISTS ${L.Award}(id STRING PRIMARY KEY, name STRING, year INT64)`,
    `CREATE NODE TABLE IF NOT EXISTS ${L.ProblemTheme}(name STRING PRIMARY KEY)`,
    `CREATE REL TABLE IF NOT EXISTS ${R.PART_OF}(FROM ${L.Region} TO ${L.Region})`,
    `CREATE REL TABLE IF NOT EXISTS ${R.ABOUT}(FROM ${L.Report} TO ${L.Region})`,
    `CREATE REL TABLE IF NOT EXISTS ${R.IN_AREA}(FROM ${L.Practice} TO ${L.PolicyArea})`,
    `CREATE REL TABLE IF NOT EXISTS ${R.BROADER}(FROM ${L.Practice} TO ${L.Practice})`,
    `CREATE REL TABLE IF NOT EXISTS ${R.HAS_COMPONENT}(FROM ${L.Practice} TO ${L.Practice})`,
    `CREATE REL TABLE IF NOT EXISTS ${R.MENTIONS}(FROM ${L.Report} TO ${L.Practice}, FROM ${L.Report} TO ${L.Agency}, FROM ${L.Report} TO ${L.Document}, FROM ${L.Report} TO ${L.Region}, ${EVIDENCE_PROPS}, componentOf STRING, reading STRING, foundBy STRING)`,
    `CREATE REL TABLE IF NOT EXISTS ${R.OBSERVED}(FROM ${L.Report} TO ${L.Observation})`,
    `CREATE REL TABLE IF NOT EXISTS ${R.OF}(FROM ${L.Observation} TO ${L.Metric})`,
    `CREATE REL TABLE IF NOT EXISTS ${R.RECEIVED}(FROM ${L.Report} TO ${L.Award}, ${EVIDENCE_PROPS})`,
    `CREATE REL TABLE IF NOT EXISTS ${R.IDENTIFIES}(FROM ${L.Report} TO ${L.ProblemTheme}, ${EVIDENCE_PROPS})`,
    // A store made by an earlier version gains the newer columns, empty: mentions' readings and
    // how they were found, and reports' facts hashes (so that its reports are read again on their
    // next ingest).
    `ALTER TABLE ${R.MENTIONS} ADD IF NOT EXISTS reading STRING`,
    `ALTER TABLE ${R.MENTIONS} ADD IF NOT EXISTS foundBy STRING`,
    `ALTER TABLE ${L.Report} ADD IF NOT EXISTS factsHash STRING`,
  ],
  neo4j: [
    ...(
      [
        [L.Region, 'code'],
        [L.Report, 'id'],
        [L.PolicyArea, 'id'],
        [L.Practice, 'name'],
        [L.Agency, 'name'],
        [L.Document, 'name'],
        [L.Metric, 'name'],
        [L.Observation, 'id'],
        [L.Award, 'id'],
        [L.ProblemTheme, 'name'],
      ] as const
    ).map(([label, key]) => `CREATE CONSTRAINT ${label.toLowerCase()}_${key} IF NOT EXISTS FOR (n:${label}) REQUIRE n.${key} IS UNIQUE`),
    `CREATE INDEX region_name IF NOT EXISTS FOR (n:${L.Region}) ON (n.name)`,
    `CREATE INDEX report_region_year IF NOT EXISTS FOR (n:${L.Report}) ON (n.regionCode, n.year)`,
    `CREATE INDEX report_region IF NOT EXISTS FOR (n:${L.Report}) ON (n.regionCode)`,
    // evidence_sentences (sentences only) gave way to evidence_text (sentences and their readings).
    `DROP INDEX evidence_sentences IF EXISTS`,
    `CREATE FULLTEXT INDEX evidence_text IF NOT EXISTS FOR ()-[m:${R.MENTIONS}|${R.RECEIVED}|${R.IDENTIFIES}]-() ON EACH [m.sentence, m.reading] ${CJK}`,
    `CREATE FULLTEXT INDEX observation_sentences IF NOT EXISTS FOR (o:${L.Observation}) ON EACH [o.sentence] ${CJK}`,
  ],
} as const;

// ---------------------------------------------------------------- writes (one report, one transaction)

export const findReportsOfRegionYear = query<{ regionCode: string; year: number }, { id: string; sha256: string; factsHash: string | null }>({
  name: 'findReportsOfRegionYear',
  mode: 'read',
  cypher: `MATCH (r:${L.Report}) WHERE r.regionCode = $regionCode AND r.year = $year RETURN r.id AS id, r.sha256 AS sha256, r.factsHash AS factsHash`,
  params: ['regionCode', 'year'],
  integers: ['year'],
});

export const deleteReportObservations = query<{ id: string }, object>({
  name: 'deleteReportObservations',
  mode: 'write',
  cypher: `MATCH (r:${L.Report} {id: $id})-[:${R.OBSERVED}]->(o:${L.Observation}) DETACH DELETE o`,
  params: ['id'],
});

export const deleteReport = query<{ id: string }, object>({
  name: 'deleteReport',
  mode: 'write',
  cypher: `MATCH (r:${L.Report} {id: $id}) DETACH DELETE r`,
  params: ['id'],
});

export const mergeRegions = query<Rows<{ code: string; name: string; level: string; parentCode: string | null; parentName: string | null; province: string | null }>, object>({
  name: 'mergeRegions',
  mode: 'write',
  cypher: `UNWIND $rows AS r MERGE (g:${L.Region} {code: r.code}) SET g.name = r.name, g.level = r.level, g.parentCode = r.parentCode, g.parentName = r.parentName, g.province = r.province`,
  params: ['rows'],
});

export const mergeRegionParents = query<Rows<{ code: string; parentCode: string }>, object>({
  name: 'mergeRegionParents',
  mode: 'write',
  cypher: `UNWIND $rows AS r MATCH (c:${L.Region} {code: r.code}) MATCH (p:${L.Region} {code: r.parentCode}) MERGE (c)-[:${R.PART_OF}]->(p)`,
  params: ['rows'],
});

export const createReport = query<Rows<ReportRow>, object>({
  name: 'createReport',
  mode: 'write',
  cypher:
    `UNWIND $rows AS r MATCH (g:${L.Region} {code: r.regionCode}) ` +
    `CREATE (rep:${L.Report} {id: r.id, regionCode: r.regionCode, title: r.title, year: r.year, publishedOn: r.publishedOn, issuer: r.issuer, docNumber: r.docNumber, sha256: r.sha256, source: r.source, text: r.text, factsHash: r.factsHash}) ` +
    `CREATE (rep)-[:${R.ABOUT}]->(g)`,
  params: ['rows'],
  integers: ['year'],
});

export const mergePolicyAreas = query<Rows<{ id: number; name: string }>, object>({
  name: 'mergePolicyAreas',
  mode: 'write',
  cypher: `UNWIND $rows AS r MERGE (a:${L.PolicyArea} {id: r.id}) SET a.name = r.name`,
  params: ['rows'],
  integers: ['id'],
});

/** Curated taxonomy entries: their kind and area are the taxonomy's, whatever was there before. */
export const mergeCuratedPractices = query<Rows<{ name: string; kind: string; area: number }>, object>({
  name: 'mergeCuratedPractices',
  mode: 'write',
  cypher: `UNWIND $rows AS r MERGE (p:${L.Practice} {name: r.name}) SET p.kind = r.kind, p.curated = true, p.area = r.area`,
  params: ['rows'],
  integers: ['area'],
});

/**
 * Practices discovered in a report (quoted terms): created once, never overwriting a curated
 * entry or the area they were first seen in. (A CASE over the node's own properties in SET would
 * say this in one query, but LadybugDB 0.19 fails on it with "bad_function_call".)
 */
export const mergeDiscoveredPractices = query<Rows<{ name: string; kind: string; area: number }>, object>({
  name: 'mergeDiscoveredPractices',
  mode: 'write',
  cypher: `UNWIND $rows AS r MERGE (p:${L.Practice} {name: r.name}) ON CREATE SET p.kind = r.kind, p.curated = false, p.area = r.area`,
  params: ['rows'],
  integers: ['area'],
});

export const mergePracticeAreas = query<Rows<{ name: string; area: number }>, object>({
  name: 'mergePracticeAreas',
  mode: 'write',
  cypher: `UNWIND $rows AS r MATCH (p:${L.Practice} {name: r.name}) MATCH (a:${L.PolicyArea} {id: r.area}) MERGE (p)-[:${R.IN_AREA}]->(a)`,
  params: ['rows'],
  integers: ['area'],
});

export const mergeBroader = query<Rows<{ name: string; broader: string }>, object>({
  name: 'mergeBroader',
  mode: 'write',
  cypher: `UNWIND $rows AS r MATCH (p:${L.Practice} {name: r.name}) MATCH (b:${L.Practice} {name: r.broader}) MERGE (p)-[:${R.BROADER}]->(b)`,
  params: ['rows'],
});

export const mergeComponents = query<Rows<{ name: string; component: string }>, object>({
  name: 'mergeComponents',
  mode: 'write',
  cypher: `UNWIND $rows AS r MATCH (s:${L.Practice} {name: r.name}) MATCH (c:${L.Practice} {name: r.component}) MERGE (s)-[:${R.HAS_COMPONENT}]->(c)`,
  params: ['rows'],
});

export const mergeAgencies = query<Rows<{ name: string }>, object>({
  name: 'mergeAgencies',
  mode: 'write',
  cypher: `UNWIND $rows AS r MERGE (:${L.Agency} {name: r.name})`,
  params: ['rows'],
});

export const mergeDocuments = query<Rows<{ name: string }>, object>({
  name: 'mergeDocuments',
  mode: 'write',
  cypher: `UNWIND $rows AS r MERGE (:${L.Document} {name: r.name})`,
  params: ['rows'],
});

type MentionParams = Rows<{ report: string; key: string; status: string; year: number; section: string; sentence: string; startOffset: number; endOffset: number; surface: string; componentOf: string | null; reading: string | null; foundBy: string | null }>;

/** The key property of each node a report can mention. */
const MENTION_KEYS: Record<MentionTarget, string> = { Practice: 'name', Agency: 'name', Document: 'name', Region: 'code' };

const mentionQuery = (name: string, target: MentionTarget) =>
  query<MentionParams, object>({
    name,
    mode: 'write',
    cypher:
      `UNWIND $rows AS r MATCH (rep:${L.Report} {id: r.report}) MATCH (x:${L[target]} {${MENTION_KEYS[target]}: r.key}) ` +
      `CREATE (rep)-[:${R.MENTIONS} {${setEvidence('r')}, componentOf: r.componentOf, reading: r.reading, foundBy: r.foundBy}]->(x)`,
    params: ['rows'],
    integers: EVIDENCE_INTEGERS,
  });

export const createPracticeMentions = mentionQuery('createPracticeMentions', 'Practice');
export const createAgencyMentions = mentionQuery('createAgencyMentions', 'Agency');
export const createDocumentMentions = mentionQuery('createDocumentMentions', 'Document');
export const createPlaceMentions = mentionQuery('createPlaceMentions', 'Region');

export const mergeMetrics = query<Rows<{ name: string }>, object>({
  name: 'mergeMetrics',
  mode: 'write',
  cypher: `UNWIND $rows AS r MERGE (:${L.Metric} {name: r.name})`,
  params: ['rows'],
});

export const createObservations = query<Rows<{ report: string; id: string; metric: string; value: number; unit: string; qualifier: string; status: string; year: number; section: string; sentence: string; startOffset: number; endOffset: number; surface: string }>, object>({
  name: 'createObservations',
  mode: 'write',
  cypher:
    `UNWIND $rows AS r MATCH (rep:${L.Report} {id: r.report}) MATCH (m:${L.Metric} {name: r.metric}) ` +
    `CREATE (o:${L.Observation} {id: r.id, value: r.value, unit: r.unit, qualifier: r.qualifier, ${setEvidence('r')}}) ` +
    `CREATE (rep)-[:${R.OBSERVED}]->(o) CREATE (o)-[:${R.OF}]->(m)`,
  params: ['rows'],
  integers: EVIDENCE_INTEGERS,
});

export const createAwards = query<Rows<{ report: string; id: string; name: string; awardYear: number; status: string; year: number; section: string; sentence: string; startOffset: number; endOffset: number; surface: string }>, object>({
  name: 'createAwards',
  mode: 'write',
  cypher:
    `UNWIND $rows AS r MATCH (rep:${L.Report} {id: r.report}) MERGE (a:${L.Award} {id: r.id}) SET a.name = r.name, a.year = r.awardYear ` +
    `CREATE (rep)-[:${R.RECEIVED} {${setEvidence('r')}}]->(a)`,
  params: ['rows'],
  integers: ['awardYear', ...EVIDENCE_INTEGERS],
});

export const createProblems = query<Rows<{ report: string; theme: string; status: string; year: number; section: string; sentence: string; startOffset: number; endOffset: number; surface: string }>, object>({
  name: 'createProblems',
  mode: 'write',
  cypher:
    `UNWIND $rows AS r MATCH (rep:${L.Report} {id: r.report}) MERGE (t:${L.ProblemTheme} {name: r.theme}) ` +
    `CREATE (rep)-[:${R.IDENTIFIES} {${setEvidence('r')}}]->(t)`,
  params: ['rows'],
  integers: EVIDENCE_INTEGERS,
});

// ---------------------------------------------------------------- reads

export interface RegionResult {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  parentName: string | null;
  province: string | null;
  reportCount: number;
}

const REGION_COLUMNS = 'g.code AS code, g.name AS name, g.level AS level, g.parentCode AS parentCode, g.parentName AS parentName, g.province AS province';

/** Regions that have at least one report, with their report counts. */
export const listReportedRegions = query<object, RegionResult>({
  name: 'listReportedRegions',
  mode: 'read',
  cypher: `MATCH (g:${L.Region})<-[:${R.ABOUT}]-(r:${L.Report}) RETURN ${REGION_COLUMNS}, count(r) AS reportCount ORDER BY code`,
  params: [],
});

/**
 * Regions by code or by name (one lookup for a whole request: DataLoader batches keys). Names
 * match exactly (邵阳市) or by their stem (邵阳); codes exactly (430500).
 */
export const findRegions = query<{ keys: string[] }, RegionResult>({
  name: 'findRegions',
  mode: 'read',
  cypher:
    `MATCH (g:${L.Region}) WHERE g.code IN $keys OR g.name IN $keys ` +
    `OPTIONAL MATCH (g)<-[:${R.ABOUT}]-(r:${L.Report}) RETURN ${REGION_COLUMNS}, count(r) AS reportCount`,
  params: ['keys'],
});

/** A report as reads return it: everything but its text (findReports adds the text). */
export type ReportResult = Omit<ReportRow, 'text'>;

const REPORT_COLUMNS =
  'r.id AS id, r.regionCode AS regionCode, r.title AS title, r.year AS year, r.publishedOn AS publishedOn, r.issuer AS issuer, r.docNumber AS docNumber, r.sha256 AS sha256, r.source AS source, r.factsHash AS factsHash';

export const listReports = query<object, ReportResult>({
  name: 'listReports',
  mode: 'read',
  cypher: `MATCH (r:${L.Report}) RETURN ${REPORT_COLUMNS} ORDER BY regionCode, year`,
  params: [],
});

export const findReports = query<{ ids: string[] }, ReportResult & { text: string }>({
  name: 'findReports',
  mode: 'read',
  cypher: `MATCH (r:${L.Report}) WHERE r.id IN $ids RETURN ${REPORT_COLUMNS}, r.text AS text`,
  params: ['ids'],
});

/** One piece of evidence: which report, where, and the words. */
export interface EvidenceResult {
  reportId: string;
  reportTitle: string;
  reportYear: number;
  regionCode: string;
  regionName: string;
  status: string;
  section: string;
  sentence: string;
  startOffset: number;
  endOffset: number;
  surface: string;
}

const EVIDENCE_COLUMNS = (rel: string) =>
  `r.id AS reportId, r.title AS reportTitle, r.year AS reportYear, g.code AS regionCode, g.name AS regionName, ` +
  `${rel}.status AS status, ${rel}.section AS section, ${rel}.sentence AS sentence, ${rel}.startOffset AS startOffset, ${rel}.endOffset AS endOffset, ${rel}.surface AS surface`;

type NullType = 'STRING' | 'INT64' | 'DOUBLE' | 'BOOLEAN';

/**
 * Branches of one UNION must agree on column types. LadybugDB types a bare `null` as ANY and
 * refuses it against STRING, so it needs `CAST(NULL AS STRING)`; Neo4j has no CAST and takes a
 * bare null. The two variants of such a query are built from one template with this.
 */
const nullFor = {
  ladybug: (type: NullType) => `CAST(NULL AS ${type})`,
  neo4j: (_type: NullType) => 'null',
};

function regionFactsCypher(nul: (type: NullType) => string): string {
  const columns = (c: Partial<Record<'practiceKind' | 'curated' | 'area' | 'value' | 'unit' | 'qualifier' | 'awardYear' | 'componentOf' | 'foundBy', string>>) =>
    [
      `${c.practiceKind ?? nul('STRING')} AS practiceKind`,
      `${c.curated ?? nul('BOOLEAN')} AS curated`,
      `${c.area ?? nul('INT64')} AS area`,
      `${c.value ?? nul('DOUBLE')} AS value`,
      `${c.unit ?? nul('STRING')} AS unit`,
      `${c.qualifier ?? nul('STRING')} AS qualifier`,
      `${c.awardYear ?? nul('INT64')} AS awardYear`,
      `${c.componentOf ?? nul('STRING')} AS componentOf`,
      `${c.foundBy ?? nul('STRING')} AS foundBy`,
    ].join(', ');
  const region = `MATCH (g:${L.Region})<-[:${R.ABOUT}]-(r:${L.Report})`;
  return [
    `${region}-[m:${R.MENTIONS}]->(x:${L.Practice}) WHERE g.code IN $codes ` +
      `RETURN 'practice' AS kind, x.name AS name, ${columns({ practiceKind: 'x.kind', curated: 'x.curated', area: 'x.area', componentOf: 'm.componentOf', foundBy: 'm.foundBy' })}, ${EVIDENCE_COLUMNS('m')}`,
    `${region}-[:${R.OBSERVED}]->(o:${L.Observation})-[:${R.OF}]->(x:${L.Metric}) WHERE g.code IN $codes ` +
      `RETURN 'metric' AS kind, x.name AS name, ${columns({ value: 'o.value', unit: 'o.unit', qualifier: 'o.qualifier' })}, ${EVIDENCE_COLUMNS('o')}`,
    `${region}-[m:${R.RECEIVED}]->(x:${L.Award}) WHERE g.code IN $codes ` +
      `RETURN 'award' AS kind, x.name AS name, ${columns({ awardYear: 'x.year' })}, ${EVIDENCE_COLUMNS('m')}`,
    `${region}-[m:${R.IDENTIFIES}]->(x:${L.ProblemTheme}) WHERE g.code IN $codes ` +
      `RETURN 'problem' AS kind, x.name AS name, ${columns({})}, ${EVIDENCE_COLUMNS('m')}`,
    `${region} WHERE g.code IN $codes ` +
      `RETURN 'report' AS kind, r.title AS name, ${columns({})}, ` +
      `r.id AS reportId, r.title AS reportTitle, r.year AS reportYear, g.code AS regionCode, g.name AS regionName, ` +
      `${nul('STRING')} AS status, ${nul('STRING')} AS section, ${nul('STRING')} AS sentence, ${nul('INT64')} AS startOffset, ${nul('INT64')} AS endOffset, ${nul('STRING')} AS surface`,
  ].join(' UNION ALL ');
}

/**
 * Everything the graph says about some regions, as one flat list of rows tagged by kind:
 * practice and system mentions, observations, awards, problems, and the reports themselves.
 * Region-level fields (reports, practices, awards, problems, metrics, comparisons) are all
 * answered from this one query. Per-store variants only because of typed nulls (see nullFor).
 */
export const regionFacts = query<{ codes: string[] }, EvidenceResult & { kind: string; name: string; practiceKind: string | null; curated: boolean | null; area: number | null; value: number | null; unit: string | null; qualifier: string | null; awardYear: number | null; componentOf: string | null; foundBy: string | null }>({
  name: 'regionFacts',
  mode: 'read',
  cypher: { ladybug: regionFactsCypher(nullFor.ladybug), neo4j: regionFactsCypher(nullFor.neo4j) },
  params: ['codes'],
});

export const reportsOfRegions = query<{ codes: string[] }, ReportResult>({
  name: 'reportsOfRegions',
  mode: 'read',
  cypher: `MATCH (r:${L.Report}) WHERE r.regionCode IN $codes RETURN ${REPORT_COLUMNS} ORDER BY year`,
  params: ['codes'],
});

export interface PracticeResult {
  name: string;
  kind: string;
  curated: boolean;
  area: number | null;
  areaName: string | null;
  broader: string | null;
  /** One row per component for a system (null when it has none). */
  component: string | null;
}

/** Practices (and systems) by name, with policy area, broader concept and components. */
export const findPractices = query<{ names: string[] }, PracticeResult>({
  name: 'findPractices',
  mode: 'read',
  cypher:
    `MATCH (p:${L.Practice}) WHERE p.name IN $names ` +
    `OPTIONAL MATCH (p)-[:${R.IN_AREA}]->(a:${L.PolicyArea}) OPTIONAL MATCH (p)-[:${R.BROADER}]->(b:${L.Practice}) ` +
    `OPTIONAL MATCH (p)-[:${R.HAS_COMPONENT}]->(c:${L.Practice}) ` +
    `RETURN p.name AS name, p.kind AS kind, p.curated AS curated, p.area AS area, a.name AS areaName, b.name AS broader, c.name AS component`,
  params: ['names'],
});

/**
 * Mentions of the named practices and of everything narrower (up to three levels down): zero
 * hops is the practice itself. (One pattern rather than a UNION: LadybugDB 0.19 garbles a UNION
 * whose first branch returns one expression under two names.)
 */
export const practiceMentions = query<{ names: string[] }, EvidenceResult & { practice: string; mentioned: string; componentOf: string | null; foundBy: string | null }>({
  name: 'practiceMentions',
  mode: 'read',
  cypher:
    `MATCH (p:${L.Practice})<-[:${R.BROADER}*0..3]-(n:${L.Practice})<-[m:${R.MENTIONS}]-(r:${L.Report})-[:${R.ABOUT}]->(g:${L.Region}) WHERE p.name IN $names ` +
    `RETURN p.name AS practice, n.name AS mentioned, m.componentOf AS componentOf, m.foundBy AS foundBy, ${EVIDENCE_COLUMNS('m')}`,
  params: ['names'],
});

/** Narrower concepts of the named practices (for roll-ups and browsing). */
export const narrowerPractices = query<{ names: string[] }, { practice: string; narrower: string }>({
  name: 'narrowerPractices',
  mode: 'read',
  cypher: `MATCH (p:${L.Practice})<-[:${R.BROADER}]-(n:${L.Practice}) WHERE p.name IN $names AND n <> p RETURN p.name AS practice, n.name AS narrower ORDER BY narrower`,
  params: ['names'],
});

/**
 * Which regions mention which practices, with status: the raw material of sharedPractices.
 * `anyStatus`/`anyRegion` switch a filter off (an empty or null list cannot be bound on the
 * embedded store, so a filter is switched off explicitly rather than by passing nothing).
 */
export const practiceAdoption = query<{ statuses: string[]; codes: string[]; anyRegion: boolean; curatedOnly: boolean; foundBy: string[]; anyFoundBy: boolean }, { practice: string; kind: string; broader: string | null; regionCode: string; regionName: string; status: string }>({
  name: 'practiceAdoption',
  mode: 'read',
  cypher:
    `MATCH (g:${L.Region})<-[:${R.ABOUT}]-(r:${L.Report})-[m:${R.MENTIONS}]->(p:${L.Practice}) ` +
    `WHERE m.status IN $statuses AND ($anyRegion OR g.code IN $codes) AND (p.curated OR NOT $curatedOnly) AND ($anyFoundBy OR m.foundBy IN $foundBy) ` +
    `OPTIONAL MATCH (p)-[:${R.BROADER}]->(b:${L.Practice}) ` +
    `RETURN DISTINCT p.name AS practice, p.kind AS kind, b.name AS broader, g.code AS regionCode, g.name AS regionName, m.status AS status`,
  params: ['statuses', 'codes', 'anyRegion', 'curatedOnly', 'foundBy', 'anyFoundBy'],
});

/** Observations of the metrics named (exactly, or containing the given words). */
export const metricObservations = query<{ metric: string; year: number; anyYear: boolean }, EvidenceResult & { metric: string; value: number; unit: string; qualifier: string }>({
  name: 'metricObservations',
  mode: 'read',
  cypher:
    `MATCH (x:${L.Metric})<-[:${R.OF}]-(o:${L.Observation})<-[:${R.OBSERVED}]-(r:${L.Report})-[:${R.ABOUT}]->(g:${L.Region}) ` +
    `WHERE (x.name = $metric OR x.name CONTAINS $metric) AND ($anyYear OR r.year = $year) ` +
    `RETURN x.name AS metric, o.value AS value, o.unit AS unit, o.qualifier AS qualifier, ${EVIDENCE_COLUMNS('o')} ORDER BY regionCode, startOffset`,
  params: ['metric', 'year', 'anyYear'],
  integers: ['year'],
});

/** A full-text phrase for some words (quotes in them become spaces). */
const PHRASE = (param: string) => `'"' + replace(${param}, '"', ' ') + '"'`;

/**
 * Evidence sentences that contain some words: what a report says about anything, by full text.
 * `text` is matched against sentences as written, `reading` (the words in simplified characters)
 * against sentences read in simplified characters (the reading kept for a sentence of a report in
 * traditional ones, else the sentence), so 行政复议 finds 行政復議 and 行政複議 finds 行政复议. Neo4j answers from the `evidence_text` full-text index over both
 * (cjk analyzer, either phrase); the embedded store has no full-text index offline and matches
 * substrings. Both return at most 500 mentions, best first (Neo4j: by score; embedded: by region
 * and position).
 */
export const searchEvidence = query<{ text: string; reading: string }, EvidenceResult & { about: string; foundBy: string | null }>({
  name: 'searchEvidence',
  mode: 'read',
  cypher: {
    ladybug:
      `MATCH (g:${L.Region})<-[:${R.ABOUT}]-(r:${L.Report})-[m:${R.MENTIONS}]->(x) WHERE m.sentence CONTAINS $text OR coalesce(m.reading, m.sentence) CONTAINS $reading ` +
      `RETURN x.name AS about, m.foundBy AS foundBy, ${EVIDENCE_COLUMNS('m')} ORDER BY regionCode, startOffset LIMIT 500`,
    neo4j:
      `CALL db.index.fulltext.queryRelationships('evidence_text', ${PHRASE('$text')} + ' OR ' + ${PHRASE('$reading')}) YIELD relationship AS m, score ` +
      `MATCH (g:${L.Region})<-[:${R.ABOUT}]-(r:${L.Report})-[m:${R.MENTIONS}]->(x) ` +
      `RETURN coalesce(x.name, x.code) AS about, m.foundBy AS foundBy, ${EVIDENCE_COLUMNS('m')} ORDER BY score DESC LIMIT 500`,
  },
  params: ['text', 'reading'],
});

/** Every identified problem with its theme and evidence. */
export const problemEvidence = query<object, EvidenceResult & { theme: string }>({
  name: 'problemEvidence',
  mode: 'read',
  cypher:
    `MATCH (t:${L.ProblemTheme})<-[m:${R.IDENTIFIES}]-(r:${L.Report})-[:${R.ABOUT}]->(g:${L.Region}) ` +
    `RETURN t.name AS theme, ${EVIDENCE_COLUMNS('m')} ORDER BY theme, regionCode, startOffset`,
  params: [],
});

/** Metric names with how many observations and regions each has (for discovery). */
export const listMetrics = query<object, { name: string; observations: number; regions: number }>({
  name: 'listMetrics',
  mode: 'read',
  cypher:
    `MATCH (x:${L.Metric})<-[:${R.OF}]-(o:${L.Observation})<-[:${R.OBSERVED}]-(r:${L.Report}) ` +
    `RETURN x.name AS name, count(o) AS observations, count(DISTINCT r.regionCode) AS regions ORDER BY regions DESC, name`,
  params: [],
});

/** Practices with adopter counts, for browsing and search (paged in the API). */
export const listPractices = query<object, { name: string; kind: string; curated: boolean; area: number | null; regions: number; mentions: number }>({
  name: 'listPractices',
  mode: 'read',
  cypher:
    `MATCH (p:${L.Practice}) OPTIONAL MATCH (p)<-[m:${R.MENTIONS}]-(r:${L.Report}) ` +
    `RETURN p.name AS name, p.kind AS kind, p.curated AS curated, p.area AS area, count(DISTINCT r.regionCode) AS regions, count(m) AS mentions ORDER BY regions DESC, name`,
  params: [],
});

export const listPolicyAreas = query<object, { id: number; name: string; practices: number }>({
  name: 'listPolicyAreas',
  mode: 'read',
  cypher: `MATCH (a:${L.PolicyArea}) OPTIONAL MATCH (a)<-[:${R.IN_AREA}]-(p:${L.Practice}) RETURN a.id AS id, a.name AS name, count(p) AS practices ORDER BY id`,
  params: [],
});

/** Counts per label, for the health line at start and for tests of idempotency. */
export const countGraph = query<object, { reports: number; regions: number; practices: number; mentions: number; observations: number; awards: number; problems: number }>({
  name: 'countGraph',
  mode: 'read',
  cypher:
    `MATCH (r:${L.Report}) WITH count(r) AS reports ` +
    `OPTIONAL MATCH (g:${L.Region}) WITH reports, count(g) AS regions ` +
    `OPTIONAL MATCH (p:${L.Practice}) WITH reports, regions, count(p) AS practices ` +
    `OPTIONAL MATCH (:${L.Report})-[m:${R.MENTIONS}]->() WITH reports, regions, practices, count(m) AS mentions ` +
    `OPTIONAL MATCH (o:${L.Observation}) WITH reports, regions, practices, mentions, count(o) AS observations ` +
    `OPTIONAL MATCH (:${L.Report})-[a:${R.RECEIVED}]->() WITH reports, regions, practices, mentions, observations, count(a) AS awards ` +
    `OPTIONAL MATCH (:${L.Report})-[i:${R.IDENTIFIES}]->() ` +
    `RETURN reports, regions, practices, mentions, observations, awards, count(i) AS problems`,
  params: [],
});

// ---------------------------------------------------------------- export (copy a graph into another store)

/**
 * Export queries read a graph back as the rows its write path takes, so that a graph can be
 * copied from one store into another through `writeTaxonomy` and `writeReport` (see copyGraph).
 * Reports are exported a batch of ids at a time.
 */
const evidenceRow = (v: string) => EVIDENCE_KEYS.map((k) => `${v}.${k} AS ${k}`).join(', ');

/** Every region, with the properties it was written with. */
export const exportRegions = query<object, RegionRow>({
  name: 'exportRegions',
  mode: 'read',
  cypher: `MATCH (g:${L.Region}) RETURN ${REGION_COLUMNS} ORDER BY code`,
  params: [],
});

export const exportBroader = query<object, { name: string; broader: string }>({
  name: 'exportBroader',
  mode: 'read',
  cypher: `MATCH (p:${L.Practice})-[:${R.BROADER}]->(b:${L.Practice}) RETURN p.name AS name, b.name AS broader ORDER BY name, broader`,
  params: [],
});

export const exportComponents = query<object, { name: string; component: string }>({
  name: 'exportComponents',
  mode: 'read',
  cypher: `MATCH (s:${L.Practice})-[:${R.HAS_COMPONENT}]->(c:${L.Practice}) RETURN s.name AS name, c.name AS component ORDER BY name, component`,
  params: [],
});

/** Every practice's policy-area links (a discovered practice may be linked to several areas). */
export const exportPracticeAreas = query<object, { name: string; area: number }>({
  name: 'exportPracticeAreas',
  mode: 'read',
  cypher: `MATCH (p:${L.Practice})-[:${R.IN_AREA}]->(a:${L.PolicyArea}) RETURN p.name AS name, a.id AS area ORDER BY name, area`,
  params: [],
});

/** Mentions made by the given reports, one UNION branch per kind of node mentioned. */
export const exportMentions = query<{ ids: string[] }, MentionRow & { report: string; target: MentionTarget }>({
  name: 'exportMentions',
  mode: 'read',
  cypher: (Object.keys(MENTION_KEYS) as MentionTarget[])
    .map(
      (target) =>
        `MATCH (r:${L.Report})-[m:${R.MENTIONS}]->(x:${L[target]}) WHERE r.id IN $ids ` +
        `RETURN r.id AS report, '${target}' AS target, x.${MENTION_KEYS[target]} AS key, ${evidenceRow('m')}, m.componentOf AS componentOf, m.reading AS reading, m.foundBy AS foundBy`,
    )
    .join(' UNION ALL '),
  params: ['ids'],
});

export const exportObservations = query<{ ids: string[] }, ObservationRow & { report: string }>({
  name: 'exportObservations',
  mode: 'read',
  cypher:
    `MATCH (r:${L.Report})-[:${R.OBSERVED}]->(o:${L.Observation})-[:${R.OF}]->(x:${L.Metric}) WHERE r.id IN $ids ` +
    `RETURN r.id AS report, o.id AS id, x.name AS metric, o.value AS value, o.unit AS unit, o.qualifier AS qualifier, ${evidenceRow('o')}`,
  params: ['ids'],
});

export const exportAwards = query<{ ids: string[] }, AwardRow & { report: string }>({
  name: 'exportAwards',
  mode: 'read',
  cypher:
    `MATCH (r:${L.Report})-[m:${R.RECEIVED}]->(a:${L.Award}) WHERE r.id IN $ids ` +
    `RETURN r.id AS report, a.id AS id, a.name AS name, a.year AS awardYear, ${evidenceRow('m')}`,
  params: ['ids'],
});

export const exportProblems = query<{ ids: string[] }, ProblemRow & { report: string }>({
  name: 'exportProblems',
  mode: 'read',
  cypher: `MATCH (r:${L.Report})-[m:${R.IDENTIFIES}]->(t:${L.ProblemTheme}) WHERE r.id IN $ids RETURN r.id AS report, t.name AS theme, ${evidenceRow('m')}`,
  params: ['ids'],
});

// ---------------------------------------------------------------- whole graph (tests)

/** Nodes of any label: the contract suite checks a Neo4j database is empty before it writes. */
export const countNodes = query<object, { nodes: number }>({
  name: 'countNodes',
  mode: 'read',
  cypher: 'MATCH (n) RETURN count(n) AS nodes',
  params: [],
});

/**
 * Deletes every node and relationship. Only the contract suite runs it, to leave the (scratch)
 * Neo4j database it was given as empty as it found it.
 */
export const clearGraph = query<object, object>({
  name: 'clearGraph',
  mode: 'write',
  cypher: 'MATCH (n) DETACH DELETE n',
  params: [],
});

/** Every catalogue query, for tests and the Cypher linter. */
export const catalogue: readonly CatalogueQuery<object, object>[] = [
  findReportsOfRegionYear,
  deleteReportObservations,
  deleteReport,
  mergeRegions,
  mergeRegionParents,
  createReport,
  mergePolicyAreas,
  mergeCuratedPractices,
  mergeDiscoveredPractices,
  mergePracticeAreas,
  mergeBroader,
  mergeComponents,
  mergeAgencies,
  mergeDocuments,
  createPracticeMentions,
  createAgencyMentions,
  createDocumentMentions,
  createPlaceMentions,
  mergeMetrics,
  createObservations,
  createAwards,
  createProblems,
  listReportedRegions,
  findRegions,
  listReports,
  findReports,
  regionFacts,
  reportsOfRegions,
  findPractices,
  practiceMentions,
  narrowerPractices,
  practiceAdoption,
  metricObservations,
  searchEvidence,
  problemEvidence,
  listMetrics,
  listPractices,
  listPolicyAreas,
  countGraph,
  exportRegions,
  exportBroader,
  exportComponents,
  exportPracticeAreas,
  exportMentions,
  exportObservations,
  exportAwards,
  exportProblems,
  countNodes,
  clearGraph,
] as unknown as readonly CatalogueQuery<object, object>[];
