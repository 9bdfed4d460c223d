import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import YAML from 'yaml';
import { parsePracticeTagger, type PracticeTaggerModel, type Taxonomy } from '../model/taxonomy.js';
import { TAXONOMY_FILES, validateTaxonomy } from '../model/validateTaxonomy.js';

/** The taxonomy shipped with the project. */
export const DEFAULT_TAXONOMY_DIR = fileURLToPath(new URL('../../seed/taxonomy/', import.meta.url));

const FILES = TAXONOMY_FILES;

/**
 * Reads and validates the taxonomy data files; an invalid file fails with every problem listed.
 * With `{ tagger: false }` the learned tagger's file is not read (the rules alone, as the
 * trainer reads texts, whatever model lies there).
 */
export async function loadTaxonomy(dir: string = DEFAULT_TAXONOMY_DIR, options: { tagger?: boolean } = {}): Promise<Taxonomy> {
  const entries = await Promise.all(
    Object.entries(FILES).map(async ([key, file]) => {
      const path = join(dir, file);
      let source: string;
      try {
        source = await readFile(path, 'utf8');
      } catch {
        throw new Error(`taxonomy file ${path} cannot be read; the taxonomy directory must hold ${Object.values(FILES).join(', ')}`);
      }
      try {
        return [key, YAML.parse(source) as unknown] as const;
      } catch (error) {
        throw new Error(`taxonomy file ${path} is not valid YAML: ${(error as Error).message}`);
      }
    }),
  );
  const raw = Object.fromEntries(entries) as Record<keyof typeof FILES, unknown>;
  const taxonomy = validateTaxonomy(raw);
  if (options.tagger === false) return taxonomy;
  const tagger = await loadPracticeTagger(join(dir, PRACTICE_TAGGER_FILE));
  return tagger ? { ...taxonomy, practiceTagger: tagger } : taxonomy;
}

/** The learned practice tagger's file in a taxonomy directory (optional: without it, rules only). */
export const PRACTICE_TAGGER_FILE = 'practice-tagger.json';

async function loadPracticeTagger(path: string): Promise<PracticeTaggerModel | undefined> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`practice tagger ${path} cannot be read: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    throw new Error(`practice tagger ${path} is not valid JSON: ${(error as Error).message}; retrain it with \`npm run train:tagger\``);
  }
  return parsePracticeTagger(json, path);
}
