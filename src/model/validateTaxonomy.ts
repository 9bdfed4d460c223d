/**
 * Validation of the curated taxonomy (the parsed YAML files under seed/taxonomy/). Pure: it takes
 * already-parsed data, checks its shape and cross-references, fills defaults, and either returns a
 * typed `Taxonomy` or throws ONE Error that lists every problem with the file and entry it is in.
 */
import type {
  AgencyEntry,
  MetricEntry,
  PolicyAreaEntry,
  PracticeEntry,
  ProblemThemeEntry,
  Taxonomy,
} from './taxonomy.js';

export interface RawTaxonomy {
  areas: unknown;
  practices: unknown;
  metrics: unknown;
  problemThemes: unknown;
  agencies: unknown;
}

/** The data file each part of the taxonomy is read from; used in error messages. */
export const TAXONOMY_FILES = {
  areas: 'areas.yaml',
  practices: 'practices.yaml',
  metrics: 'metrics.yaml',
  problemThemes: 'problem-themes.yaml',
  agencies: 'agencies.yaml',
} as const;

/**
 * The key under which names are compared for uniqueness: the matcher ignores quotes, brackets
 * and white space, so 行政执法“三项制度” and 行政执法三项制度 are the same surface form.
 */
export function taxonomyKey(term: string): string {
  return term.replace(/[\s“”"‘’'「」『』()（）[\]【】〔〕<>《》]/g, '');
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** Collects problems; `at` builds the "file entry" prefix of each message. */
class Problems {
  readonly list: string[] = [];
  add(where: string, message: string): void {
    this.list.push(`${where}: ${message}`);
  }
}

function entryLabel(file: string, index: number, name: unknown): string {
  const n = typeof name === 'string' && name.trim() !== '' ? ` (${name})` : '';
  return `${file} entry #${index + 1}${n}`;
}

function checkKeys(p: Problems, where: string, o: Obj, allowed: readonly string[]): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) p.add(where, `unknown field "${k}" (allowed: ${allowed.join(', ')})`);
  }
}

function reqString(p: Problems, where: string, o: Obj, key: string): string {
  const v = o[key];
  if (typeof v === 'number') return String(v); // YAML reads 12345 as a number
  if (typeof v !== 'string') {
    p.add(where, v === undefined ? `missing "${key}"` : `"${key}" must be a string, got ${show(v)}`);
    return '';
  }
  if (v.trim() === '') {
    p.add(where, `"${key}" is empty`);
    return '';
  }
  if (v !== v.trim()) p.add(where, `"${key}" ${show(v)} has leading or trailing white space`);
  return v;
}

function stringList(p: Problems, where: string, o: Obj, key: string, required = false): string[] {
  const v = o[key];
  if (v === undefined || v === null) {
    if (required) p.add(where, `missing "${key}"`);
    return [];
  }
  if (!Array.isArray(v)) {
    p.add(where, `"${key}" must be a list of strings, got ${show(v)}`);
    return [];
  }
  const out: string[] = [];
  v.forEach((item, i) => {
    const s = typeof item === 'number' ? String(item) : item;
    if (typeof s !== 'string') p.add(where, `${key}[${i}] must be a string, got ${show(item)}`);
    else if (s.trim() === '') p.add(where, `${key}[${i}] is empty`);
    else if (s !== s.trim()) p.add(where, `${key}[${i}] ${show(s)} has leading or trailing white space`);
    else out.push(s);
  });
  return out;
}

function topList(p: Problems, file: string, v: unknown): unknown[] {
  if (!Array.isArray(v)) {
    p.add(file, `must be a list of entries, got ${v === undefined || v === null ? 'nothing' : show(v).slice(0, 60)}`);
    return [];
  }
  return v;
}

/**
 * Registers every name and synonym of a set of entries under its normalised key and reports a
 * key claimed by two different entries. Repeats within one entry (a synonym equal to the entry's
 * own name, as some files list it for the matcher's convenience) are harmless and allowed.
 */
class NameRegistry {
  private readonly owner = new Map<string, { label: string; term: string; index: number }>();
  constructor(
    private readonly p: Problems,
    private readonly what: string,
  ) {}
  claim(label: string, index: number, term: string, role: string): void {
    const key = taxonomyKey(term);
    if (key === '') {
      this.p.add(label, `${role} ${show(term)} is empty once quotes and brackets are removed`);
      return;
    }
    const prev = this.owner.get(key);
    if (prev === undefined) {
      this.owner.set(key, { label, term, index });
    } else if (prev.index !== index) {
      this.p.add(label, `duplicate ${this.what} ${show(term)}: already used by ${prev.label} as ${show(prev.term)}`);
    }
  }
}

const AREA_KEYS = ['id', 'name', 'keywords'] as const;
const PRACTICE_KEYS = [
  'name',
  'synonyms',
  'area',
  'system',
  'broader',
  'components',
  'rejectIfPrecededBy',
  'requirePrecededBy',
  'patterns',
] as const;
const METRIC_KEYS = ['name', 'synonyms', 'unit'] as const;
const THEME_KEYS = ['theme', 'allOf'] as const;
const AGENCY_KEYS = ['name', 'synonyms'] as const;

function validateAreas(p: Problems, raw: unknown): PolicyAreaEntry[] {
  const file = TAXONOMY_FILES.areas;
  const out: PolicyAreaEntry[] = [];
  const seenIds = new Map<number, string>();
  topList(p, file, raw).forEach((e, i) => {
    if (!isObj(e)) {
      p.add(`${file} entry #${i + 1}`, `must be a mapping, got ${show(e)}`);
      return;
    }
    const where = entryLabel(file, i, e['name']);
    checkKeys(p, where, e, AREA_KEYS);
    const name = reqString(p, where, e, 'name');
    const id = e['id'];
    let okId = false;
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) {
      p.add(where, id === undefined ? 'missing "id"' : `"id" must be a positive integer, got ${show(id)}`);
    } else if (seenIds.has(id)) {
      p.add(where, `duplicate area id ${id}: already used by ${seenIds.get(id)}`);
    } else {
      seenIds.set(id, where);
      okId = true;
    }
    const keywords = stringList(p, where, e, 'keywords', true);
    if (e['keywords'] !== undefined && keywords.length === 0 && Array.isArray(e['keywords'])) {
      p.add(where, '"keywords" is empty');
    }
    if (okId && typeof id === 'number') out.push({ id, name, keywords });
  });
  return out;
}

function validatePractices(p: Problems, raw: unknown, areaIds: ReadonlySet<number>): PracticeEntry[] {
  const file = TAXONOMY_FILES.practices;
  const registry = new NameRegistry(p, 'name or synonym');
  const out: { entry: PracticeEntry; where: string }[] = [];
  topList(p, file, raw).forEach((e, i) => {
    if (!isObj(e)) {
      p.add(`${file} entry #${i + 1}`, `must be a mapping, got ${show(e)}`);
      return;
    }
    const where = entryLabel(file, i, e['name']);
    checkKeys(p, where, e, PRACTICE_KEYS);
    const name = reqString(p, where, e, 'name');
    if (name !== '') registry.claim(where, i, name, 'name');
    const synonyms = stringList(p, where, e, 'synonyms');
    for (const s of synonyms) registry.claim(where, i, s, 'synonym');

    const area = e['area'];
    let areaId = 0;
    if (typeof area !== 'number' || !Number.isInteger(area)) {
      p.add(where, area === undefined ? 'missing "area"' : `"area" must be an integer, got ${show(area)}`);
    } else if (!areaIds.has(area)) {
      p.add(where, `unknown area ${area} (known: ${[...areaIds].sort((a, b) => a - b).join(', ') || 'none'})`);
    } else {
      areaId = area;
    }

    const sys = e['system'];
    let system = false;
    if (sys !== undefined && sys !== null) {
      if (typeof sys !== 'boolean') p.add(where, `"system" must be true or false, got ${show(sys)}`);
      else system = sys;
    }

    const b = e['broader'];
    let broader: string | null = null;
    if (b !== undefined && b !== null) {
      if (typeof b !== 'string' || b.trim() === '') p.add(where, `"broader" must be a name or null, got ${show(b)}`);
      else broader = b;
    }

    const components = stringList(p, where, e, 'components');
    if (components.length > 0 && !system) {
      p.add(where, `has components (${components.join(', ')}) but is not a system (set "system: true")`);
    }
    const rejectIfPrecededBy = stringList(p, where, e, 'rejectIfPrecededBy');
    const requirePrecededBy = stringList(p, where, e, 'requirePrecededBy');
    const patterns = stringList(p, where, e, 'patterns');
    for (const pattern of patterns) {
      try {
        new RegExp(pattern, 'u');
      } catch (error) {
        p.add(where, `pattern ${show(pattern)} is not a valid regular expression: ${(error as Error).message}`);
      }
      // In YAML's single quotes a backslash is itself: '\\(' asks for a backslash in the report.
      if (pattern.includes('\\\\')) {
        p.add(where, `pattern ${show(pattern)} has a doubled backslash, which matches a backslash in the text; write \\( for a bracket`);
      }
      // A look-behind of many characters first is tried at every character of every report; after
      // a literal it is tried only where the literal matched (纳入(?<=法治[^。]{0,60}纳入)…), with
      // the same meaning. A one-character guard ((?<!乡)村) costs nothing.
      if (/^\(\?<=|^\(\?<![^)]*[{*+]/.test(pattern)) {
        p.add(where, `pattern ${show(pattern)} starts with a look-behind, which is slow on long reports; put the words it precedes first and repeat them at the end of the look-behind`);
      }
    }

    out.push({
      where,
      entry: { name, synonyms, area: areaId, system, broader, components, rejectIfPrecededBy, requirePrecededBy, patterns },
    });
  });

  // Cross-references: broader and components must name entries (by canonical name).
  const byName = new Map<string, PracticeEntry>();
  for (const { entry } of out) if (entry.name !== '' && !byName.has(entry.name)) byName.set(entry.name, entry);
  for (const { entry, where } of out) {
    if (entry.broader !== null) {
      if (entry.broader === entry.name) p.add(where, `"broader" names the entry itself`);
      else if (!byName.has(entry.broader)) {
        p.add(where, `"broader" ${show(entry.broader)} names no practice entry`);
      }
    }
    const seen = new Set<string>();
    for (const c of entry.components) {
      if (seen.has(c)) p.add(where, `component ${show(c)} is listed twice`);
      seen.add(c);
      if (c === entry.name) p.add(where, `component ${show(c)} names the entry itself`);
      else if (!byName.has(c)) p.add(where, `component ${show(c)} names no practice entry`);
    }
  }

  // broader chains must end (no cycles).
  for (const { entry, where } of out) {
    const path = [entry.name];
    let cur = entry.broader;
    while (cur !== null) {
      if (path.includes(cur)) {
        if (cur === entry.name) p.add(where, `"broader" chain loops: ${[...path, cur].join(' → ')}`);
        break;
      }
      path.push(cur);
      cur = byName.get(cur)?.broader ?? null;
    }
  }

  // components must not lead back to their own system (a direct self-reference is reported above).
  for (const { entry, where } of out) {
    const stack = entry.components.filter((c) => c !== entry.name);
    const visited = new Set<string>();
    while (stack.length > 0) {
      const c = stack.pop() as string;
      if (c === entry.name) {
        p.add(where, `components lead back to ${show(entry.name)}`);
        break;
      }
      if (visited.has(c)) continue;
      visited.add(c);
      stack.push(...(byName.get(c)?.components ?? []));
    }
  }

  return out.map((o) => o.entry);
}

/**
 * The common head of a metric or agency entry: a mapping with known keys, a name and synonyms,
 * each claimed in the file's registry. Null when the entry is not a mapping (already reported).
 */
function namedEntry(
  p: Problems,
  file: string,
  registry: NameRegistry,
  e: unknown,
  i: number,
  keys: readonly string[],
): { e: Obj; where: string; name: string; synonyms: string[] } | null {
  if (!isObj(e)) {
    p.add(`${file} entry #${i + 1}`, `must be a mapping, got ${show(e)}`);
    return null;
  }
  const where = entryLabel(file, i, e['name']);
  checkKeys(p, where, e, keys);
  const name = reqString(p, where, e, 'name');
  if (name !== '') registry.claim(where, i, name, 'name');
  const synonyms = stringList(p, where, e, 'synonyms');
  for (const s of synonyms) registry.claim(where, i, s, 'synonym');
  return { e, where, name, synonyms };
}

function validateMetrics(p: Problems, raw: unknown): MetricEntry[] {
  const file = TAXONOMY_FILES.metrics;
  const registry = new NameRegistry(p, 'metric name or synonym');
  const out: MetricEntry[] = [];
  topList(p, file, raw).forEach((raw, i) => {
    const entry = namedEntry(p, file, registry, raw, i, METRIC_KEYS);
    if (!entry) return;
    const { e, where, name, synonyms } = entry;
    const u = e['unit'];
    let unit: string | null = null;
    if (u !== undefined && u !== null) {
      if (typeof u !== 'string' || u.trim() === '') p.add(where, `"unit" must be a non-empty string or null, got ${show(u)}`);
      else unit = u;
    }
    out.push({ name, synonyms, unit });
  });
  return out;
}

function validateProblemThemes(p: Problems, raw: unknown): ProblemThemeEntry[] {
  const file = TAXONOMY_FILES.problemThemes;
  const out: ProblemThemeEntry[] = [];
  topList(p, file, raw).forEach((e, i) => {
    if (!isObj(e)) {
      p.add(`${file} entry #${i + 1}`, `must be a mapping, got ${show(e)}`);
      return;
    }
    const where = entryLabel(file, i, e['theme']);
    checkKeys(p, where, e, THEME_KEYS);
    const theme = reqString(p, where, e, 'theme');
    const groups = e['allOf'];
    const allOf: string[][] = [];
    if (!Array.isArray(groups) || groups.length === 0) {
      p.add(where, groups === undefined ? 'missing "allOf"' : `"allOf" must be a non-empty list of word lists, got ${show(groups)}`);
    } else {
      groups.forEach((g, gi) => {
        if (!Array.isArray(g) || g.length === 0) {
          p.add(where, `allOf[${gi}] must be a non-empty list of words, got ${show(g)}`);
          return;
        }
        const words = stringList(p, where, { [`allOf[${gi}]`]: g }, `allOf[${gi}]`);
        if (words.length > 0) allOf.push(words);
      });
    }
    out.push({ theme, allOf });
  });
  return out;
}

function validateAgencies(p: Problems, raw: unknown): AgencyEntry[] {
  const file = TAXONOMY_FILES.agencies;
  const registry = new NameRegistry(p, 'agency name or synonym');
  const out: AgencyEntry[] = [];
  topList(p, file, raw).forEach((raw, i) => {
    const entry = namedEntry(p, file, registry, raw, i, AGENCY_KEYS);
    if (entry) out.push({ name: entry.name, synonyms: entry.synonyms });
  });
  return out;
}

/**
 * Checks types and cross-references of the parsed taxonomy files, fills defaults (lists → [],
 * broader/unit → null, system → false) and returns the typed taxonomy. Throws one Error listing
 * every problem, each prefixed with the file and entry (`practices.yaml entry #12 (首违不罚): …`).
 */
export function validateTaxonomy(raw: RawTaxonomy): Taxonomy {
  const p = new Problems();
  const areas = validateAreas(p, raw.areas);
  const practices = validatePractices(p, raw.practices, new Set(areas.map((a) => a.id)));
  const metrics = validateMetrics(p, raw.metrics);
  const problemThemes = validateProblemThemes(p, raw.problemThemes);
  const agencies = validateAgencies(p, raw.agencies);
  if (p.list.length > 0) {
    throw new Error(
      `Invalid taxonomy (${p.list.length} problem${p.list.length === 1 ? '' : 's'}):\n` +
        p.list.map((m) => `  - ${m}`).join('\n'),
    );
  }
  return { areas, practices, metrics, problemThemes, agencies };
}
