import { Converter } from 'opencc-js/t2cn';

/**
 * The simplified-character reading of a report. Some copies of government pages are mirrored in
 * traditional characters (這個縣…法治政府建設); the taxonomy, the region names and every rule
 * are written in simplified ones. Extraction reads this string; the report's own text stays as
 * it came, and every offset refers to both, since the reading keeps every character in place.
 *
 * The conversion is OpenCC's (Hong Kong traditional to mainland simplified, phrases first), line
 * by line. A text with no traditional-only character is returned unchanged, so simplified reports
 * are never rewritten. A line whose phrase-level reading would move a character (a phrase table
 * entry of another length) is read one character at a time; a character whose own reading has
 * another length is kept as it is.
 */
export function simplifiedReading(text: string): string {
  if (!looksTraditional(text)) return text;
  const convert = converter();
  return text
    .split('\n')
    .map((line) => {
      const phrased = convert(line);
      return keepsPlaces(line, phrased) ? phrased : [...line].map(characterReading).join('');
    })
    .join('\n');
}

/**
 * Some words in simplified characters, however few of them are traditional: a search query
 * (行政復議 → 行政复议), compared with the readings of reports in traditional characters.
 */
export function simplifiedWords(words: string): string {
  return converter()(words);
}

/**
 * Whether a phrase-level reading keeps each character of `line` at its offset: the same length,
 * and a Han character read only where the line has one (傢俱 → 家具). A phrase entry of another
 * length would shift what follows it — digits, punctuation, Latin letters — out of place.
 */
function keepsPlaces(line: string, reading: string): boolean {
  if (reading.length !== line.length) return false;
  for (let i = 0; i < line.length; i++) {
    if (reading[i] !== line[i] && !(isHan(line.charCodeAt(i)) && isHan(reading.charCodeAt(i)))) return false;
  }
  return true;
}

const isHan = (code: number) => code >= 0x3400 && code <= 0x9fff;

const characterReadings = new Map<string, string>();

/** One character's reading on its own; the character itself when that reading has another length. */
function characterReading(ch: string): string {
  let read = characterReadings.get(ch);
  if (read === undefined) {
    const converted = converter()(ch);
    read = converted.length === ch.length ? converted : ch;
    characterReadings.set(ch, read);
  }
  return read;
}

/**
 * How many traditional-only characters (ones OpenCC changes) a text must hold to be read as
 * traditional: at least this many per thousand Han characters, and at least this many in all. A
 * simplified report holds none; a stray variant in a name (乾安县, whose 乾 OpenCC would make 干
 * when read alone) or in a quoted title stays below both.
 */
const TRADITIONAL_PER_MILLE = 20;
const TRADITIONAL_AT_LEAST = 10;

export function looksTraditional(text: string): boolean {
  const traditional = traditionalCharacters();
  let han = 0;
  let trad = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x3400 || code > 0x9fff) continue;
    han++;
    trad += traditional[code] ?? 0;
  }
  return trad >= TRADITIONAL_AT_LEAST && trad * 1000 >= han * TRADITIONAL_PER_MILLE;
}

let cachedConverter: ((text: string) => string) | null = null;
let cachedTraditional: Uint8Array | null = null;

function converter(): (text: string) => string {
  const convert = cachedConverter ?? Converter({ from: 'hk', to: 'cn' });
  cachedConverter = convert;
  return convert;
}

/** 1 at the code of each CJK character (extension A and the basic block) that OpenCC maps to another. */
function traditionalCharacters(): Uint8Array {
  if (cachedTraditional) return cachedTraditional;
  const chars: string[] = [];
  for (let code = 0x3400; code <= 0x9fff; code++) chars.push(String.fromCharCode(code));
  // One call for all of them; a line break between characters keeps phrases from forming.
  const converted = converter()(chars.join('\n')).split('\n');
  const map = new Uint8Array(0x10000);
  chars.forEach((ch, i) => {
    if (converted[i] !== ch) map[ch.charCodeAt(0)] = 1;
  });
  cachedTraditional = map;
  return map;
}
