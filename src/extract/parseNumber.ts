/**
 * Number parsing for Chinese government reports. Pure functions, no dependencies.
 *
 * Reports write quantities in three ways, often mixed within one sentence:
 *   - Arabic numbers, possibly with decimals and thousands separators: 682, 99.99, 53,503
 *   - Arabic numbers with a 万/亿 multiplier: 1.19万 (11900), 15.2亿 (1520000000)
 *   - Chinese numerals: 五, 十二, 一百零五, 两千零二十三, 一亿二千万
 * plus approximation markers inside the number: 565万余, 27余万, 4800多, 三十余.
 *
 * Results are rounded to 15 significant digits so decimal scaling never leaks binary
 * floating-point noise (1.19 × 10000 is 11900, not 11900.000000000002).
 */

/** Chinese digits, including the financial forms (壹贰叁…) and the two zeros (零, 〇). */
const CN_DIGIT: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};

/** Multipliers that scale the digit before them inside a four-digit section: 三千 → 3000. */
const CN_SMALL_UNIT: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** Section multipliers: everything accumulated so far in the section is scaled: 二千万 → 2000 × 10^4. */
const CN_BIG_UNIT: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Characters that may appear in a Chinese numeral (for building regular expressions). */
export const CHINESE_NUMERAL_CHARS = '零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿億';

/** Approximation markers written inside a number: 565万余件, 27余万件, 4800多个, 三十余次. */
const APPROX_MARKERS = /[余多]/g;

/** Full-width digits and decimal point → ASCII (１２．５ → 12.5). */
export function toAsciiDigits(s: string): string {
  return s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30)));
}

/** Rounds away floating-point noise: 15 significant digits are more than any report states. */
export function roundNumber(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  return Number(x.toPrecision(15));
}

const ARABIC = /^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;

/**
 * Parses a plain Arabic number: "682" → 682, "99.99" → 99.99, "53,503" → 53503,
 * "１２．５" → 12.5. Thousands separators must group exactly three digits. Returns null
 * for anything else (empty, signs, letters, "1,23").
 */
export function parseArabicNumber(s: string): number | null {
  const t = toAsciiDigits(s.trim());
  if (!ARABIC.test(t)) return null;
  return roundNumber(Number(t.replace(/,/g, '')));
}

/** One token of a numeral: a literal value (Arabic run or Chinese digit) or a multiplier. */
type Token = { kind: 'num'; value: number; zero: boolean; arabic: boolean } | { kind: 'small'; mult: number } | { kind: 'big'; mult: number };

function tokenize(s: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i] ?? '';
    if (/[0-9]/.test(c)) {
      const m = /^\d+(?:,\d{3})*(?:\.\d+)?/.exec(s.slice(i));
      if (!m) return null;
      const v = parseArabicNumber(m[0]);
      if (v === null) return null;
      tokens.push({ kind: 'num', value: v, zero: false, arabic: true });
      i += m[0].length;
      continue;
    }
    const d = CN_DIGIT[c];
    if (d !== undefined) tokens.push({ kind: 'num', value: d, zero: d === 0, arabic: false });
    else if (CN_SMALL_UNIT[c] !== undefined) tokens.push({ kind: 'small', mult: CN_SMALL_UNIT[c] ?? 1 });
    else if (CN_BIG_UNIT[c] !== undefined) tokens.push({ kind: 'big', mult: CN_BIG_UNIT[c] ?? 1 });
    else return null;
    i++;
  }
  return tokens;
}

/**
 * Parses a numeral made of digits and multipliers, Arabic or Chinese or mixed:
 *   两千零二十三 → 2023, 十二 → 12, 一百零五 → 105, 一亿二千万 → 120000000,
 *   1.19万 → 11900, 15.2亿 → 1520000000, 1亿2000万 → 120000000, 3千 → 3000,
 *   一万五 → 15000 (colloquial: a trailing digit counts in the next lower place).
 * Rejects runs of adjacent digits that are not positional numbers (八五 in 八五普法), a
 * multiplier with no digit before it except a leading 十 (百, 千人 → null), and multipliers
 * out of order within a section (三百千).
 */
function parseTokens(tokens: Token[]): number | null {
  if (tokens.length === 0) return null;
  // Digit-by-digit form, only when a zero shows it is positional: 二〇二三 → 2023.
  if (tokens.length > 1 && tokens.every((t) => t.kind === 'num' && !t.arabic) && tokens.some((t) => t.kind === 'num' && t.zero)) {
    return Number(tokens.map((t) => (t.kind === 'num' ? String(t.value) : '')).join(''));
  }
  let total = 0; // accumulated above the current section (already scaled by 万/亿)
  let section = 0; // value of the current section below 万
  let digit: number | null = null; // a digit waiting for its multiplier
  let digitIsChinese = false;
  let lastSmall = Infinity; // the last small multiplier used in this section (must decrease)
  let lastMult = 1; // the place of the last multiplier, for colloquial 一万五
  let sawZero = false;
  let lastBig = Infinity;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) return null;
    if (t.kind === 'num') {
      if (t.zero && tokens.length > 1) {
        // 零 only marks a skipped place: 一百零五. A digit before it has no multiplier.
        if (digit !== null) return null;
        sawZero = true;
        continue;
      }
      if (digit !== null) return null; // two digits in a row: 八五
      digit = t.value;
      digitIsChinese = !t.arabic;
      continue;
    }
    if (t.kind === 'small') {
      if (t.mult >= lastSmall) return null; // 三百千
      if (digit === null) {
        // Only 十 may stand alone, at the start of a section: 十二, 二万十五 is not written.
        if (t.mult !== 10 || section !== 0) return null;
        digit = 1;
      }
      section += digit * t.mult;
      digit = null;
      lastSmall = t.mult;
      lastMult = t.mult;
      sawZero = false;
      continue;
    }
    // Big multiplier (万, 亿): closes the section.
    if (digit === null && section === 0 && total === 0) return null; // 万 or 亿 alone
    const sectionValue = section + (digit ?? 0);
    if (t.mult > lastBig || (t.mult === lastBig && t.mult === 1e4)) {
      // 万亿 (1e12) or a 亿 after 万 scales everything so far: 1.5万亿.
      total = (total + sectionValue) * t.mult;
    } else if (t.mult === 1e8) {
      total = (total + sectionValue) * t.mult;
    } else {
      total += sectionValue * t.mult;
    }
    lastBig = t.mult;
    section = 0;
    digit = null;
    lastSmall = Infinity;
    lastMult = t.mult;
    sawZero = false;
  }
  if (digit !== null) {
    // A trailing digit right after a multiplier with no 零 is colloquial shorthand for the next
    // lower place: 一万五 = 15000, 三千五 = 3500. After 十 the place is the units anyway.
    const place = digitIsChinese && !sawZero && lastMult >= 100 ? lastMult / 10 : 1;
    section += digit * place;
  }
  return roundNumber(total + section);
}

/**
 * Parses a Chinese numeral (no Arabic digits): 五 → 5, 十二 → 12, 一百零五 → 105,
 * 两千零二十三 → 2023, 一亿二千万 → 120000000, 二〇二三 → 2023. Null when not a numeral.
 */
export function parseChineseNumber(s: string): number | null {
  const t = s.trim();
  if (t.length === 0 || /[0-9０-９]/.test(t)) return null;
  const tokens = tokenize(t);
  return tokens ? parseTokens(tokens) : null;
}

/**
 * Parses any numeral a report writes: Arabic (682, 99.99, 53,503), Chinese (一百零五), or
 * Arabic with Chinese multipliers (1.19万 → 11900, 15.2亿 → 1520000000, 3.5万 → 35000).
 * Returns null when the string is not exactly one numeral.
 */
export function parseNumber(s: string): number | null {
  const t = toAsciiDigits(s.trim());
  if (t.length === 0) return null;
  const plain = parseArabicNumber(t);
  if (plain !== null) return plain;
  const tokens = tokenize(t);
  return tokens ? parseTokens(tokens) : null;
}

/** A parsed quantity: its value and whether the text marked it as approximate (余, 多). */
export interface ParsedQuantity {
  value: number;
  approximate: boolean;
}

/**
 * Parses a numeral that may carry 余/多 approximation markers anywhere after its first digit:
 * 565万余 → {5650000, approx}, 27余万 → {270000, approx}, 4800多 → {4800, approx},
 * 三十余 → {30, approx}, 1.19万 → {11900, exact}.
 */
export function parseQuantity(s: string): ParsedQuantity | null {
  const t = s.trim();
  if (t.length === 0 || /^[余多]/.test(t)) return null;
  const stripped = t.replace(APPROX_MARKERS, '');
  const value = parseNumber(stripped);
  if (value === null) return null;
  return { value, approximate: stripped.length !== t.length };
}

/**
 * Parses a percentage written in words: 百分之九十五 → 95, 百分之百 → 100, 百分之九十九点五 → 99.5,
 * 百分之3.5 → 3.5. Returns the number of percent, or null.
 */
export function parseChinesePercent(s: string): number | null {
  const m = /^百分之(.+)$/.exec(s.trim());
  if (!m || m[1] === undefined) return null;
  const body = m[1];
  if (body === '百') return 100;
  const [intPart, fracPart, extra] = body.split('点');
  if (extra !== undefined || intPart === undefined || intPart === '') return null;
  const whole = parseNumber(intPart);
  if (whole === null) return null;
  if (fracPart === undefined) return whole;
  let digits = '';
  for (const c of fracPart) {
    const d = CN_DIGIT[c];
    if (d === undefined) return null;
    digits += String(d);
  }
  return digits === '' ? null : roundNumber(Number(`${whole}.${digits}`));
}
