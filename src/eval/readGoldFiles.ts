import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readReportFile } from '../ingest/readReportFile.js';
import { parseGold, type GoldReport } from './scoreExtraction.js';

/** A gold file with the raw text of its report. */
export interface GoldFile {
  /** File name inside the gold directory. */
  name: string;
  gold: GoldReport;
  /** The report text as read (before normalisation). */
  raw: string;
  /** Where the text came from: the report file path, or "(gold text field)". */
  textFrom: string;
  /** null when the gold file has no text_sha256. */
  sha256Matches: boolean | null;
}

export interface GoldFiles {
  files: GoldFile[];
  skipped: Array<{ file: string; reason: string }>;
  errors: Array<{ file: string; message: string }>;
  warnings: string[];
}

const sha256Hex = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');
const errMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/**
 * The *.json gold files of a directory, in name order, each with its report text: the file's own
 * `text`, or its `source` looked up in `textDir`. A file that is no gold file is skipped with
 * the reason; one whose text cannot be found or read is an error; a text whose sha256 differs
 * from the gold's is a warning.
 */
export async function readGoldFiles(goldDir: string, textDir: string): Promise<GoldFiles> {
  const names = (await readdir(goldDir)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
  const out: GoldFiles = { files: [], skipped: [], errors: [], warnings: [] };
  for (const name of names) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path.join(goldDir, name), 'utf8'));
    } catch (e) {
      out.skipped.push({ file: name, reason: `not valid JSON (${errMessage(e)})` });
      continue;
    }
    const parsed = parseGold(json, path.basename(name, '.json'));
    if (!parsed.ok) {
      out.skipped.push({ file: name, reason: `not a gold file: ${parsed.error}` });
      continue;
    }
    const gold = parsed.gold;
    let raw: string;
    let textFrom: string;
    let sha256Matches: boolean | null = null;
    if (gold.text !== undefined) {
      raw = gold.text;
      textFrom = '(gold text field)';
      if (gold.text_sha256 !== undefined) sha256Matches = sha256Hex(raw) === gold.text_sha256.toLowerCase();
    } else {
      const source = gold.source ?? '';
      const textPath = path.resolve(textDir, source);
      if (!(await isFile(textPath))) {
        out.errors.push({
          file: name,
          message: `no text for this gold file: it has no "text" field and its source "${source}" is not in ${textDir}; pass --text <dir containing ${source}>`,
        });
        continue;
      }
      textFrom = textPath;
      try {
        raw = (await readReportFile(textPath)).raw;
      } catch (e) {
        out.errors.push({ file: name, message: `cannot read ${textPath}: ${errMessage(e)}` });
        continue;
      }
      if (gold.text_sha256 !== undefined) sha256Matches = sha256Hex(await readFile(textPath)) === gold.text_sha256.toLowerCase();
    }
    if (sha256Matches === false) out.warnings.push(`${name}: text_sha256 does not match ${textFrom}; the gold may refer to another version of the text`);
    out.files.push({ name, gold, raw, textFrom, sha256Matches });
  }
  return out;
}
