/** Where an open day stands at a moment: still to come (or under way), or over. */
export type NoticeStatus = 'upcoming' | 'ongoing' | 'past';

/**
 * The status of an open day at `now`. The site is static, so `now` is the build time: a notice
 * turns "past" on the first build after it ends (the site is rebuilt daily, see README).
 * @example noticeStatus(new Date('2026-12-01T01:00Z'), new Date('2026-12-01T04:00Z'), new Date('2026-11-25')) // 'upcoming'
 */
export function noticeStatus(start: Date, end: Date, now: Date): NoticeStatus {
  if (now.getTime() < start.getTime()) return 'upcoming';
  if (now.getTime() < end.getTime()) return 'ongoing';
  return 'past';
}
