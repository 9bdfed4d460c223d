import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import YAML from 'yaml';
import type { Taxonomy } from '../model/taxonomy.js';
import { TAXONOMY_FILES, validateTaxonomy } from '../model/validateTaxonomy.js';

/** The taxonomy shipped with the project. */
export const DEFAULT_TAXONOMY_DIR = fileURLToPath(new URL('../../seed/taxonomy/', import.meta.url));

const FILES = TAXONOMY_FILES;

/** Reads and validates the taxonomy data files; an invalid file fails with every problem listed. */
export async function loadTaxonomy(dir: string = DEFAULT_TAXONOMY_DIR): Promise<Taxonomy> {
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
  return validateTaxonomy(raw);
}
