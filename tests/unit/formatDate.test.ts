import { describe, expect, it } from 'vitest';
import { formatDate, formatTime, isoCalendarDate } from '../../src/lib/formatDate';

const NNBSP = '\u202F';
const at = (iso: string) => new Date(iso);

describe('formatDate', () => {
  it('writes Chinese dates with 年月日', () => {
    expect(formatDate(at('2025-05-27T10:00:00+08:00'), 'zh')).toBe('2025年5月27日');
  });

  it('writes Mongolian dates as Inner Mongolian government pages do', () => {
    expect(formatDate(at('2015-06-29T10:00:00+08:00'), 'mn')).toBe(`2015 ᠣᠨ${NNBSP}ᠤ 6${NNBSP}ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ${NNBSP}ᠶᠢᠨ 29${NNBSP}ᠦ ᠡᠳᠦᠷ`);
  });

  it('chooses the ordinal suffix by vowel harmony of the month number, joined with U+202F', () => {
    const frontMonths = [1, 4, 9, 11];
    for (let month = 1; month <= 12; month += 1) {
      const text = formatDate(at(`2025-${String(month).padStart(2, '0')}-15T12:00:00+08:00`), 'mn');
      expect(text).toContain(` ${month}${NNBSP}${frontMonths.includes(month) ? 'ᠳ᠋ᠦ᠋ᠭᠡᠷ' : 'ᠳ᠋ᠤᠭᠠᠷ'} ᠰᠠᠷ᠎ᠠ`);
    }
  });

  it('gives the day the genitive its reading needs (1 ᠦ, 2 ᠤᠨ, 27 ᠤ), never a Khalkha ᠨᠤ', () => {
    const day = (date: string) =>
      formatDate(at(`${date}T12:00:00+08:00`), 'mn')
        .split(' ')
        .slice(-2)
        .join(' ');
    expect(day('2025-05-01')).toBe(`1${NNBSP}ᠦ ᠡᠳᠦᠷ`);
    expect(day('2025-05-02')).toBe(`2${NNBSP}ᠤᠨ ᠡᠳᠦᠷ`);
    expect(day('2025-05-27')).toBe(`27${NNBSP}ᠤ ᠡᠳᠦᠷ`);
    expect(day('2025-05-24')).toBe(`24${NNBSP}ᠦ ᠡᠳᠦᠷ`);
    expect(formatDate(at('2025-05-27T12:00:00+08:00'), 'mn')).not.toContain('ᠨᠤ');
  });

  it('never falls back to Cyrillic (Intl does, for mn-Mong)', () => {
    const text = formatDate(at('2025-12-01T00:00:00+08:00'), 'mn');
    expect(text).not.toMatch(/\p{Script=Cyrillic}/u);
    expect(text).toMatch(/\p{Script=Mongolian}/u);
  });

  it("uses the procuratorate's calendar day, not the reader's", () => {
    // 23:30 UTC on 26 May is already 27 May in Inner Mongolia.
    expect(formatDate(at('2025-05-26T23:30:00Z'), 'zh')).toBe('2025年5月27日');
    expect(isoCalendarDate(at('2025-05-26T23:30:00Z'))).toBe('2025-05-27');
  });

  it('formats times on the 24-hour clock in Beijing time', () => {
    expect(formatTime(at('2025-05-27T06:30:00Z'))).toBe('14:30');
    expect(formatTime(at('2025-05-27T16:05:00Z'))).toBe('00:05');
  });
});
