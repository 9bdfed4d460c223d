/**
 * npm run lint:cypher — lints every Neo4j-dialect query of the catalogue, and the Neo4j schema
 * statements, with Neo4j's own Cypher front-end (`lintCypherQuery` from
 * @neo4j-cypher/language-support: parser and semantic analysis of Neo4j 5). Exits 1 on any
 * diagnostic (error or warning), printing the query's name and the message.
 *
 * What the linter is told, so that it can flag what a real Neo4j 5 would refuse or not find:
 * - each query's declared parameters (an undeclared `$x` is an error; a declared parameter the
 *   text never uses is reported here too);
 * - Neo4j 5's built-in functions and procedures only (no APOC, no GDS): a LadybugDB-only
 *   function (CAST, list_extract …) or a plugin call is flagged;
 * - the graph's labels and relationship types (from the model) and property keys (from the
 *   embedded store's DDL, the schema of record): a misspelt label or property is flagged.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintCypherQuery, testData, type DbSchema } from '@neo4j-cypher/language-support';
import { Label, Rel } from '../src/model/graph.js';
import { catalogue, cypherFor, schema } from '../src/store/catalogue.js';

/** The Cypher version Neo4j 5 runs by default. */
const CYPHER_VERSION = 'CYPHER 5';

export interface LintTarget {
  name: string;
  cypher: string;
  params: readonly string[];
}

export interface LintProblem {
  name: string;
  message: string;
}

/** Every Neo4j-dialect statement: the catalogue's queries, then the schema statements. */
export function neo4jStatements(): LintTarget[] {
  return [
    ...catalogue.map((q) => ({ name: q.name, cypher: cypherFor(q, 'neo4j'), params: q.params })),
    ...schema.neo4j.map((cypher, i) => ({ name: `schema.neo4j[${i}]`, cypher, params: [] })),
  ];
}

/**
 * Fields of the write queries' `rows` parameters that are not graph properties (the linter checks
 * a map's keys like a node's properties): the report a row belongs to, the key of the node a
 * mention points at, a metric's, broader concept's or component's name, an award's year, a theme.
 */
const ROW_FIELDS = ['report', 'key', 'metric', 'broader', 'component', 'awardYear', 'theme'];

/** Property keys: the columns of the embedded store's node and relationship tables, and ROW_FIELDS. */
function propertyKeys(): string[] {
  const keys = new Set<string>(ROW_FIELDS);
  for (const ddl of schema.ladybug) for (const m of ddl.matchAll(/(\w+) (?:STRING|INT64|DOUBLE|BOOLEAN)\b/g)) keys.add(m[1] ?? '');
  return [...keys];
}

/**
 * The function and procedure registries the language-support package ships (dumped from a Neo4j 5
 * server with APOC and GDS installed), reduced to what a plain Neo4j 5 has: built-in functions,
 * and procedures outside the apoc/gds namespaces.
 */
function builtIns(): Pick<DbSchema, 'functions' | 'procedures'> {
  const functions = testData.mockSchema.functions?.[CYPHER_VERSION] ?? {};
  const procedures = testData.mockSchema.procedures?.[CYPHER_VERSION] ?? {};
  return {
    functions: { [CYPHER_VERSION]: Object.fromEntries(Object.entries(functions).filter(([, f]) => f.isBuiltIn)) },
    procedures: { [CYPHER_VERSION]: Object.fromEntries(Object.entries(procedures).filter(([name]) => !/^(apoc|gds)\./.test(name))) },
  };
}

/** The database schema the linter checks against, without parameters. */
export function graphSchema(): DbSchema {
  return {
    ...builtIns(),
    defaultLanguage: CYPHER_VERSION,
    labels: Object.values(Label),
    relationshipTypes: Object.values(Rel),
    propertyKeys: propertyKeys(),
  };
}

/** Lints statements; returns one problem per diagnostic (none when all are clean). */
export function lintStatements(targets: readonly LintTarget[], dbSchema: DbSchema = graphSchema()): LintProblem[] {
  const problems: LintProblem[] = [];
  for (const t of targets) {
    const parameters = Object.fromEntries(t.params.map((p) => [p, `declared parameter ${p}`]));
    for (const d of lintCypherQuery(t.cypher, { ...dbSchema, parameters }).diagnostics) {
      const at = t.cypher.slice(d.offsets.start, Math.min(d.offsets.end, d.offsets.start + 60));
      problems.push({ name: t.name, message: `${d.message} (at offset ${d.offsets.start}: "${at}")` });
    }
    for (const p of t.params) {
      if (!new RegExp(`\\$${p}\\b`).test(t.cypher)) problems.push({ name: t.name, message: `declares parameter $${p} but never uses it` });
    }
  }
  return problems;
}

/**
 * Linting takes ~0.1 s a statement, so statements found clean are remembered by a key over
 * everything the result depends on (linter version, schema, text, parameters) in a cache file,
 * and only new or changed statements are linted again (`--no-cache` lints all). A fresh clone
 * (CI) has no cache and lints everything.
 */
const CACHE_FILE = fileURLToPath(new URL('../node_modules/.cache/lint-cypher.json', import.meta.url));
const LINTER_PACKAGE = new URL('../node_modules/@neo4j-cypher/language-support/package.json', import.meta.url);

async function lintKey(dbSchema: DbSchema): Promise<(t: LintTarget) => string> {
  const { version } = JSON.parse(await readFile(LINTER_PACKAGE, 'utf8')) as { version: string };
  const base = createHash('sha256').update(version).update(JSON.stringify(dbSchema)).digest('hex');
  return (t) => createHash('sha256').update(base).update(t.cypher).update('\0').update(t.params.join(',')).digest('hex');
}

async function main(): Promise<void> {
  const targets = neo4jStatements();
  const dbSchema = graphSchema();
  const keyOf = await lintKey(dbSchema);
  const useCache = !process.argv.includes('--no-cache');
  const clean = new Set<string>(useCache ? ((await readFile(CACHE_FILE, 'utf8').then(JSON.parse, () => [])) as string[]) : []);
  const pending = targets.filter((t) => !clean.has(keyOf(t)));
  const problems = lintStatements(pending, dbSchema);
  for (const p of problems) console.error(`${p.name}: ${p.message}`);
  const what = `${catalogue.length} catalogue queries and ${schema.neo4j.length} schema statements, Neo4j dialect (${CYPHER_VERSION})`;
  const how = `${pending.length} linted now, ${targets.length - pending.length} unchanged since their last clean lint`;
  if (problems.length > 0) {
    console.error(`lint:cypher: ${problems.length} problem(s) in ${what} (${how})`);
    process.exitCode = 1;
  } else {
    console.log(`lint:cypher: ${what}: no diagnostics (${how})`);
  }
  const failed = new Set(problems.map((p) => p.name));
  await mkdir(dirname(CACHE_FILE), { recursive: true });
  await writeFile(CACHE_FILE, JSON.stringify(targets.filter((t) => !failed.has(t.name)).map(keyOf)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
