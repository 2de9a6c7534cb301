/** What a calendar file needs to know about an open day. */
export interface CalendarEvent {
  /** Stable across rebuilds, so a calendar updates the event rather than adding a copy. */
  uid: string;
  title: string;
  description: string;
  location: string;
  url: string;
  /** Wall-clock times in `timeZone`, "2026-12-10 09:30". */
  start: string;
  end: string;
  timeZone: 'Asia/Shanghai';
  /** When the notice was published (DTSTAMP). */
  stamp: Date;
}

/** Asia/Shanghai has kept +08:00 all year since 1991, so one STANDARD block describes it fully. */
const shanghaiTimeZone = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Shanghai',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** Backslash, semicolon, comma and line breaks escaped as RFC 5545 (3.3.11) asks for TEXT values. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/**
 * A content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 character:
 * Chinese and Mongolian letters take 3 bytes each.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const pieces: string[] = [];
  let current = '';
  let currentBytes = 0;
  for (const character of line) {
    const bytes = encoder.encode(character).length;
    const limit = pieces.length === 0 ? 75 : 74; // continuation lines start with a space
    if (currentBytes + bytes > limit) {
      pieces.push(current);
      current = '';
      currentBytes = 0;
    }
    current += character;
    currentBytes += bytes;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

/** "2026-12-10 09:30" → "20261210T093000" (a local time, paired with TZID). */
function localStamp(localDateTime: string): string {
  return `${localDateTime.replace(/[-:]/g, '').replace(' ', 'T')}00`;
}

/** An instant in UTC: "20261125T000000Z". */
function utcStamp(instant: Date): string {
  return `${instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')}`;
}

/** A one-event iCalendar file (RFC 5545) with its time zone, lines ending in CRLF. */
export function buildCalendar(event: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//procuratorate-site//open days//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...shanghaiTimeZone,
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `DTSTART;TZID=${event.timeZone}:${localStamp(event.start)}`,
    `DTEND;TZID=${event.timeZone}:${localStamp(event.end)}`,
    `SUMMARY:${escapeText(event.title)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `LOCATION:${escapeText(event.location)}`,
    `URL:${event.url}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
