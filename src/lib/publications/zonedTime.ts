/**
 * The instant at which a wall-clock time ("2026-12-10 09:30") happens in a time zone.
 * Works for any IANA zone; the site uses Asia/Shanghai, which has no daylight saving.
 * @example localZonedTimeToInstant('2026-12-10 09:30', 'Asia/Shanghai').toISOString() // '2026-12-10T01:30:00.000Z'
 */
export function localZonedTimeToInstant(localDateTime: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(localDateTime);
  if (!match) throw new Error(`"${localDateTime}" is not a local time like 2026-12-10 09:30`);
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at that moment, found by asking Intl what wall time the UTC guess shows there.
  const offsetMinutes = zoneOffsetMinutes(new Date(asIfUtc), timeZone);
  return new Date(asIfUtc - offsetMinutes * 60_000);
}

/** Minutes the zone is ahead of UTC at an instant (480 for Asia/Shanghai). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  const wallAsUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((wallAsUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}
