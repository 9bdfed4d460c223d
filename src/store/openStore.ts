import type { Config } from '../config.js';
import type { GraphStore } from './GraphStore.js';
import { LadybugStore } from './ladybug/LadybugStore.js';
import { Neo4jStore } from './neo4j/Neo4jStore.js';
import { StoreError } from './StoreError.js';

/** Which store to open: the embedded one (LadybugDB in KG_DATA_DIR) or the Neo4j server. */
export type StoreChoice = 'embedded' | 'neo4j';

export const STORE_CHOICES: readonly StoreChoice[] = ['embedded', 'neo4j'];

/** The store a run uses unless told otherwise: Neo4j when NEO4J_URI is set, else embedded. */
export function defaultStoreChoice(config: Pick<Config, 'neo4j'>): StoreChoice {
  return config.neo4j ? 'neo4j' : 'embedded';
}

/** For logs: which store and where (never the password). */
export function describeStore(config: Pick<Config, 'dataDir' | 'neo4j'>, choice: StoreChoice = defaultStoreChoice(config)): Record<string, string> {
  if (choice === 'embedded') return { store: 'embedded (LadybugDB)', dataDir: config.dataDir };
  return { store: 'neo4j', uri: config.neo4j?.uri ?? '(NEO4J_URI unset)', database: config.neo4j?.database ?? '(server default)' };
}

/**
 * Opens the chosen store (by default: Neo4j when NEO4J_URI is set, the embedded store otherwise).
 * Choosing Neo4j without NEO4J_URI is a StoreError saying what to set.
 */
export async function openStore(config: Pick<Config, 'dataDir' | 'neo4j'>, choice: StoreChoice = defaultStoreChoice(config)): Promise<GraphStore> {
  if (choice === 'embedded') return LadybugStore.open({ dataDir: config.dataDir });
  if (!config.neo4j) {
    throw new StoreError('the Neo4j store needs NEO4J_URI (e.g. neo4j://localhost:7687) and NEO4J_PASSWORD; see "Run on Neo4j" in the README', 'UNAVAILABLE', false);
  }
  return Neo4jStore.open(config.neo4j);
}
