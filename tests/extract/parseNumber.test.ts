import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseArabicNumber,
  parseChineseNumber,
  parseChinesePercent,
  parseNumber,
  parseQuantity,
  roundNumber,
  toAsciiDigits,
} from '../../src/extract/parseNumber.js';

/** Writes a non-negative integer in Chinese numerals the way reports do (十二, 一百零五, 两千零二十三 uses 二 here). */
function toChinese(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n === 0) return '零';
  const section = (v: number): string => {
    let out = '';
    let zero = false;
    const places: Array<[number, string]> = [[1000, '千'], [100, '百'], [10, '十'], [1, '']];
    for (const [p, unit] of places) {
      const d = Math.floor(v / p) % 10;
      if (d === 0) {
        if (out !== '') zero = true;
        continue;
      }
      if (zero) out += '零';
      zero = false;
      out += (digits[d] ?? '') + unit;
    }
    return out;
  };
  const parts: Array<[number, string]> = [
    [Math.floor(n / 1e8), '亿'],
    [Math.floor(n / 1e4) % 1e4, '万'],
    [n % 1e4, ''],
  ];
  let out = '';
  let pendingZero = false;
  for (const [v, unit] of parts) {
    if (v === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (out !== '' && (pendingZero || v < 1000)) out += '零';
    pendingZero = false;
    out += section(v) + unit;
  }
  return out.startsWith('一十') ? out.slice(1) : out;
}

describe('parseArabicNumber', () => {
  it.each([
    ['682', 682],
    ['99.99', 99.99],
    ['53,503', 53503],
    ['1,234,567.5', 1234567.5],
    ['0', 0],
    ['１２．５', 12.5],
    [' 97.8 ', 97.8],
  ])('%s → %d', (s, v) => {
    expect(parseArabicNumber(s)).toBe(v);
  });

  it.each(['', '1,23', '12a', '-5', '+5', '1.2.3', '万', '.5'])('rejects %j', (s) => {
    expect(parseArabicNumber(s)).toBeNull();
  });
});

describe('parseChineseNumber', () => {
  it.each([
    ['零', 0],
    ['五', 5],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['九十九', 99],
    ['一百零五', 105],
    ['一百一十', 110],
    ['三千零二十', 3020],
    ['两千零二十三', 2023],
    ['两千', 2000],
    ['十万', 100000],
    ['三十五万', 350000],
    ['一万五', 15000],
    ['三千五', 3500],
    ['一亿二千万', 120000000],
    ['三亿五千万', 350000000],
    ['一亿零五百万', 105000000],
    ['二〇二三', 2023],
    ['贰仟零贰拾叁', 2023],
  ])('%s → %d', (s, v) => {
    expect(parseChineseNumber(s)).toBe(v);
  });

  it.each([
    ['八五', 'two digits in a row (八五普法)'],
    ['十三五', 'a plan name, not a number'],
    ['百', 'a multiplier with no digit'],
    ['千', 'a multiplier with no digit (千人以上)'],
    ['万', 'a multiplier with no digit'],
    ['三百千', 'multipliers out of order'],
    ['1万', 'Arabic digits'],
    ['', 'empty'],
    ['三个', 'not a numeral character'],
  ])('rejects %s (%s)', (s) => {
    expect(parseChineseNumber(s)).toBeNull();
  });

  it('reads back every integer written in Chinese numerals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (n) => {
        expect(parseChineseNumber(toChinese(n))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the examples of the property test as reports do', () => {
    expect(toChinese(105)).toBe('一百零五');
    expect(toChinese(12)).toBe('十二');
    expect(toChinese(120000000)).toBe('一亿二千万');
    expect(toChinese(100010)).toBe('十万零一十');
  });
});

describe('parseNumber (Arabic, Chinese, and Arabic with 万/亿)', () => {
  it.each([
    ['1.19万', 11900],
    ['15.2亿', 1520000000],
    ['3.5万', 35000],
    ['3.64亿', 364000000],
    ['2913.44亿', 291344000000],
    ['374.49亿', 37449000000],
    ['35.76万', 357600],
    ['97.2万', 972000],
    ['108.1万', 1081000],
    ['6097万', 60970000],
    ['66亿', 6600000000],
    ['1.5万亿', 1500000000000],
    ['1亿2000万', 120000000],
    ['3千', 3000],
    ['682', 682],
    ['一百零五', 105],
  ])('%s → %d', (s, v) => {
    expect(parseNumber(s)).toBe(v);
  });

  it('never leaks floating-point noise when scaling decimals by 万/亿', () => {
    // 1.13 × 10000 is 11299.999999999998 in IEEE arithmetic, 0.07 × 10000 is 700.0000000000001.
    expect(1.13 * 10000).not.toBe(11300);
    expect(parseNumber('1.13万')).toBe(11300);
    expect(parseNumber('0.07万')).toBe(700);
    expect(parseNumber('1.1亿')).toBe(110000000);
    expect(parseNumber('1.19万')).toBe(11900);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), fc.constantFrom(1, 2), (cents, places) => {
        const scaled = places === 1 ? Math.floor(cents / 10) : cents;
        const literal = (scaled / 10 ** places).toFixed(places);
        expect(parseNumber(`${literal}万`)).toBe(scaled * 10 ** (4 - places));
        expect(parseNumber(`${literal}亿`)).toBe(scaled * 10 ** (8 - places));
      }),
      { numRuns: 2000 },
    );
  });

  it.each(['', '万', '亿元', '1.19万元', 'abc', '第三'])('rejects %j', (s) => {
    expect(parseNumber(s)).toBeNull();
  });
});

describe('parseQuantity (approximation markers)', () => {
  it.each([
    ['565万余', 5650000, true],
    ['27余万', 270000, true],
    ['1500余万', 15000000, true],
    ['35.76万多', 357600, true],
    ['4800多', 4800, true],
    ['三十余', 30, true],
    ['十余', 10, true],
    ['1.19万', 11900, false],
    ['682', 682, false],
  ])('%s → %d (approximate: %s)', (s, value, approximate) => {
    expect(parseQuantity(s)).toEqual({ value, approximate });
  });

  it('rejects a marker with no number before it', () => {
    expect(parseQuantity('余5')).toBeNull();
    expect(parseQuantity('多')).toBeNull();
  });
});

describe('parseChinesePercent', () => {
  it.each([
    ['百分之百', 100],
    ['百分之九十五', 95],
    ['百分之九十九点五', 99.5],
    ['百分之3.5', 3.5],
  ])('%s → %d', (s, v) => {
    expect(parseChinesePercent(s)).toBe(v);
  });

  it('rejects other text', () => {
    expect(parseChinesePercent('九十五')).toBeNull();
    expect(parseChinesePercent('百分之')).toBeNull();
  });
});

describe('helpers', () => {
  it('roundNumber removes binary noise and keeps real precision', () => {
    expect(roundNumber(0.1 + 0.2)).toBe(0.3);
    expect(roundNumber(11900.000000000002)).toBe(11900);
    expect(roundNumber(99.99)).toBe(99.99);
    expect(roundNumber(0)).toBe(0);
  });

  it('toAsciiDigits maps full-width digits and point', () => {
    expect(toAsciiDigits('２０２３年９７．８％')).toBe('2023年97.8％');
  });
});
