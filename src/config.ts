import { resolve } from 'node:path';

/** Settings, read once from the environment and validated. */
export interface Config {
  port: number;
  host: string;
  /** Directory of the embedded store (KG_DATA_DIR, default ./data). */
  dataDir: string;
  /** Directory of seed reports loaded on start when the store is empty. */
  seedDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  maxDepth: number;
  maxCost: number;
  /** The Neo4j server to use instead of the embedded store; null when NEO4J_URI is unset. */
  neo4j: Neo4jConfig | null;
}

/** Neo4j connection settings, named as in Aura's credentials file. */
export interface Neo4jConfig {
  /** NEO4J_URI: neo4j:// (routing: cluster or Aura), bolt:// (one server), or a +s / +ssc form. */
  uri: string;
  /** NEO4J_USERNAME, default neo4j. */
  username: string;
  /** NEO4J_PASSWORD, required with NEO4J_URI. */
  password: string;
  /** NEO4J_DATABASE; the server's default database when unset. */
  database: string | undefined;
}

/** Bad settings: each problem names the variable, the value and what would be valid. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid settings:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name}: "${raw}" is not an integer from ${min} to ${max}`);
  }
  return value;
}

/** URI schemes neo4j-driver speaks: routing (neo4j) or direct (bolt), plain, TLS (+s), or TLS trusting any certificate (+ssc). */
export const NEO4J_SCHEMES = ['neo4j', 'neo4j+s', 'neo4j+ssc', 'bolt', 'bolt+s', 'bolt+ssc'] as const;

/** Checks a Neo4j URI: one of NEO4J_SCHEMES, with a host. Returns it trimmed. */
export function parseNeo4jUri(raw: string): string {
  const uri = raw.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(uri)?.[1]?.toLowerCase();
  const expected = `expected ${NEO4J_SCHEMES.map((s) => `${s}://`).join(', ')} (e.g. neo4j://localhost:7687)`;
  if (scheme === undefined) throw new Error(`NEO4J_URI: "${raw}" has no scheme; ${expected}`);
  if (!(NEO4J_SCHEMES as readonly string[]).includes(scheme)) {
    const hint = scheme === 'http' || scheme === 'https' ? ' — that is the browser\'s address; the driver speaks Bolt, on port 7687 by default' : '';
    throw new Error(`NEO4J_URI: "${raw}" has the scheme ${scheme}://${hint}; ${expected}`);
  }
  let host = '';
  try {
    host = new URL(uri).hostname;
  } catch {
    // reported below
  }
  if (host === '') throw new Error(`NEO4J_URI: "${raw}" names no host; ${expected}`);
  return uri;
}

/** Neo4j settings when NEO4J_URI is set (else null); each bad value adds a problem. */
function readNeo4jConfig(env: NodeJS.ProcessEnv, problems: string[]): Neo4jConfig | null {
  const raw = env.NEO4J_URI;
  if (raw === undefined || raw.trim() === '') return null;
  const before = problems.length;
  let uri = raw;
  try {
    uri = parseNeo4jUri(raw);
  } catch (error) {
    problems.push((error as Error).message);
  }
  const password = env.NEO4J_PASSWORD ?? '';
  if (password === '') problems.push('NEO4J_PASSWORD: required when NEO4J_URI is set');
  const database = env.NEO4J_DATABASE?.trim() || undefined;
  if (database !== undefined && !/^[A-Za-z][A-Za-z0-9.-]{0,62}$/.test(database)) {
    problems.push(`NEO4J_DATABASE: "${env.NEO4J_DATABASE}" is not a database name (a letter, then letters, digits, dots or dashes)`);
  }
  if (problems.length > before) return null;
  return { uri, username: env.NEO4J_USERNAME?.trim() || 'neo4j', password, database };
}

/** The only reader of process.env. All problems are reported at once. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const attempt = <T>(f: () => T, fallback: T): T => {
    try {
      return f();
    } catch (error) {
      problems.push((error as Error).message);
      return fallback;
    }
  };
  const logLevel = (env.LOG_LEVEL ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) problems.push(`LOG_LEVEL: "${env.LOG_LEVEL}" is not one of ${LOG_LEVELS.join(', ')}`);
  const config: Config = {
    port: attempt(() => integer(env, 'PORT', 4000, 0, 65535), 4000),
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: resolve(env.KG_DATA_DIR?.trim() || './data'),
    seedDir: resolve(env.KG_SEED_DIR?.trim() || './seed/reports'),
    logLevel: logLevel as Config['logLevel'],
    maxDepth: attempt(() => integer(env, 'KG_MAX_DEPTH', 10, 2, 100), 10),
    maxCost: attempt(() => integer(env, 'KG_MAX_COST', 5000, 10, 1_000_000), 5000),
    neo4j: readNeo4jConfig(env, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
