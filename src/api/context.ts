import type { Logger } from 'pino';
import type { GraphStore } from '../store/GraphStore.js';
import type { Loaders } from './loaders.js';

/** Per-request context: the store port, this request's loaders, and the logger. */
export interface ApiContext {
  store: GraphStore;
  loaders: Loaders;
  logger: Logger;
  /** Practice names and synonyms (quotes removed) → canonical names. */
  practiceAliases: ReadonlyMap<string, string>;
}
