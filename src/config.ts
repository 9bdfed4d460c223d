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
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
