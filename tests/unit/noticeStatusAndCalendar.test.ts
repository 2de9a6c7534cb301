import { describe, expect, it } from 'vitest';
import { noticeStatus } from '../../src/lib/publications/noticeStatus';
import { buildCalendar, escapeText, foldLine } from '../../src/lib/publications/ics';
import { localZonedTimeToInstant } from '../../src/lib/publications/zonedTime';

describe('open-day status', () => {
  const start = localZonedTimeToInstant('2026-12-10 09:30', 'Asia/Shanghai');
  const end = localZonedTimeToInstant('2026-12-10 11:30', 'Asia/Shanghai');

  it('is upcoming before the start, ongoing during, past from the end', () => {
    expect(noticeStatus(start, end, new Date(start.getTime() - 60_000))).toBe('upcoming');
    expect(noticeStatus(start, end, start)).toBe('ongoing');
    expect(noticeStatus(start, end, new Date(end.getTime() - 1))).toBe('ongoing');
    expect(noticeStatus(start, end, end)).toBe('past');
  });

  it('reads the local times as Beijing time, whatever the zone of the machine that builds', () => {
    expect(start.toISOString()).toBe('2026-12-10T01:30:00.000Z');
    // 00:30 in Beijing is the previous day in UTC.
    expect(localZonedTimeToInstant('2026-01-01 00:30', 'Asia/Shanghai').toISOString()).toBe('2025-12-31T16:30:00.000Z');
  });
});

/** Unfolds an iCalendar text into its logical lines (RFC 5545 3.1). */
function unfold(calendar: string): string[] {
  return calendar
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}

describe('calendar file (.ics)', () => {
  const calendar = buildCalendar({
    uid: 'open-day-test@example.cn',
    title: '检察开放日：公益诉讼, 在身边; 欢迎',
    description: '第一行\n第二行 https://example.cn/zh/open-days/test/',
    location: '通辽市人民检察院 一楼检察服务大厅，内蒙古自治区通辽市科尔沁区',
    url: 'https://example.cn/zh/open-days/test/',
    start: '2026-12-10 09:30',
    end: '2026-12-10 11:30',
    timeZone: 'Asia/Shanghai',
    stamp: new Date('2026-11-18T00:00:00Z'),
  });

  it('ends every line with CRLF and keeps lines within 75 octets, never splitting a character', () => {
    expect(calendar.endsWith('\r\n')).toBe(true);
    expect(calendar.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of calendar.split('\r\n')) {
      expect(new TextEncoder().encode(line).length, line).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
  });

  it('has one event inside a calendar, with the time zone it refers to', () => {
    const lines = unfold(calendar);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((line) => line.startsWith('PRODID:'))).toBe(true);
    for (const component of ['VCALENDAR', 'VTIMEZONE', 'STANDARD', 'VEVENT']) {
      expect(lines.filter((line) => line === `BEGIN:${component}`)).toHaveLength(1);
      expect(lines.filter((line) => line === `END:${component}`)).toHaveLength(1);
    }
    expect(lines).toContain('TZID:Asia/Shanghai');
    expect(lines).toContain('TZOFFSETTO:+0800');
    expect(lines).toContain('DTSTART;TZID=Asia/Shanghai:20261210T093000');
    expect(lines).toContain('DTEND;TZID=Asia/Shanghai:20261210T113000');
    expect(lines).toContain('DTSTAMP:20261118T000000Z');
    expect(lines).toContain('UID:open-day-test@example.cn');
  });

  it('escapes commas, semicolons and line breaks in text, and keeps the Chinese intact', () => {
    const lines = unfold(calendar);
    expect(lines).toContain('SUMMARY:检察开放日：公益诉讼\\, 在身边\\; 欢迎');
    expect(lines).toContain('DESCRIPTION:第一行\\n第二行 https://example.cn/zh/open-days/test/');
    expect(escapeText('a\\b')).toBe('a\\\\b');
  });

  it('folds long lines so that unfolding gives back the original', () => {
    const long = `DESCRIPTION:${'ᠪᠠᠢᠴᠠᠭᠠᠨ ᠰᠢᠯᠭᠠᠬᠤ'.repeat(20)}`;
    const folded = foldLine(long);
    expect(folded.split('\r\n').length).toBeGreaterThan(1);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });
});
