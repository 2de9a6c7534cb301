import type { APIRoute, GetStaticPaths } from 'astro';
import type { Locale } from '../../../i18n/locales';
import { buildCalendar } from '../../../lib/publications/ics';
import { detailPath, type NoticeItem } from '../../../lib/publications/collections';
import { detailStaticPaths, noticeKind } from '../../../lib/publications/kinds';

export const getStaticPaths = (() => detailStaticPaths(noticeKind)) satisfies GetStaticPaths;

/** The open day as a calendar file, in the language of the text shown on the page. */
export const GET: APIRoute = ({ params, props, site }) => {
  const locale = params.locale as Locale;
  const { item } = props as { item: NoticeItem };
  const { data } = item.entry;
  const calendar = buildCalendar({
    uid: `open-day-${item.slug}@${site!.hostname}`,
    title: data.title,
    description: `${data.summary}\n${new URL(detailPath('notices', locale, item.slug), site).href}`,
    location: `${data.place}, ${data.address}`,
    url: new URL(detailPath('notices', locale, item.slug), site).href,
    start: data.start,
    end: data.end,
    timeZone: data.timeZone,
    stamp: data.date,
  });
  return new Response(calendar, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
