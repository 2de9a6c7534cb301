import { z } from 'zod';
import { categoryIds, regionIds } from '../taxonomy';
import { localZonedTimeToInstant } from './zonedTime';
import { articleTopics, audiences, caseTypes, contentLanguages, figureMeasures, translationStatuses } from './vocabulary';

/*
 * One schema per kind of publication. The messages are read by press staff when the build stops,
 * so each says what is expected in plain words, with an example where a format is involved.
 * The cover image field is passed in: Astro's image() when the site is built, a plain string
 * check in tests.
 */

export const publicationKinds = ['cases', 'notices', 'articles'] as const;
export type PublicationKind = (typeof publicationKinds)[number];

export { articleTopics, audiences, caseTypes, contentLanguages, figureMeasures, translationStatuses };

const listOf = (values: readonly string[]) => values.join(', ');

const oneOf = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === undefined ? `is missing; write one of: ${listOf(values)}` : `"${String(issue.input)}" is not a known ${what}; use one of: ${listOf(values)}`,
  });

const text = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `is missing; write ${what}` : `must be text: ${what}`) })
    .trim()
    .min(1, { error: `is empty; write ${what}` });

const calendarDay = z.date({
  error: (issue) =>
    issue.input === undefined
      ? 'is missing; write the date like 2025-05-27 (year-month-day, no quotes)'
      : `"${String(issue.input)}" is not a date; write it like 2025-05-27 (year-month-day, no quotes)`,
});

const localDateTimePattern = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

/** A wall-clock time in the event's time zone, written as press staff read it off a calendar. */
const localDateTime = z
  .string({
    error: (issue) =>
      issue.input instanceof Date
        ? 'must be written in quotes like "2026-12-10 09:30" (Beijing time), so the time zone is not guessed'
        : 'is missing; write the local time in quotes like "2026-12-10 09:30" (Beijing time)',
  })
  .regex(localDateTimePattern, {
    error: (issue) => `"${String(issue.input)}" is not a time; write it in quotes like "2026-12-10 09:30" (Beijing time)`,
  });

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The short hash of an original that a translation was made from (see translationHash.ts). */
export const translationHashPattern = /^[0-9a-f]{12}$/;

/** Fields every publication has, whatever its kind. */
const publicationBase = {
  title: text('the headline'),
  lang: oneOf(contentLanguages, 'language'),
  translationKey: z
    .string({ error: 'is missing; write the file name without .mdx (the same in the zh and mn folders)' })
    .regex(slugPattern, { error: 'must be lower-case letters, digits and hyphens, like the file name (e.g. horqin-land-compensation)' }),
  translationStatus: oneOf(translationStatuses, 'translation status'),
  draft: z.boolean({ error: 'must be true (not published yet) or false (published)' }).default(false),
  // Translations only (validateEntry refuses them on an original). Files written before these
  // fields existed have none: such a translation is "not tracked" in the report, never "outdated".
  translatedFrom: z
    .string({ error: 'must be the 12-letter code `npm run translations -- --mark <slug>` writes' })
    .regex(translationHashPattern, { error: 'is not a code from `npm run translations -- --mark <slug>`; run that command instead of typing it' })
    .optional(),
  reviewedBy: text('the name of the translator who checked the text').optional(),
  reviewedOn: calendarDay.optional(),
};

/** A cover picture: the image file and the words a blind reader hears instead of it. */
export function coverSchema<Image extends z.ZodType>(image: Image) {
  return z.strictObject(
    {
      src: image,
      alt: text('what the picture shows, for readers who cannot see it'),
    },
    { error: 'must have src (the image file, e.g. ../images/river.jpg) and alt (what the picture shows)' },
  );
}

export const outcomeFigureSchema = z.strictObject(
  {
    measure: oneOf(figureMeasures, 'kind of figure'),
    value: z.number({ error: 'must be a number without units or commas, e.g. 690000' }).nonnegative({ error: 'cannot be negative' }),
    label: text('what the number counts, e.g. compensation paid'),
  },
  { error: 'each figure needs measure, value and label' },
);

export function caseSchema<Image extends z.ZodType>(image: Image) {
  return z.strictObject({
    ...publicationBase,
    summary: text('one or two sentences saying what happened and what changed'),
    date: calendarDay,
    unit: text('the procuratorate that handled the case'),
    region: oneOf(regionIds, 'region'),
    category: oneOf(categoryIds, 'public-interest category'),
    caseType: oneOf(caseTypes, 'case type'),
    figures: z.array(outcomeFigureSchema, { error: 'must be a list of figures (write [] if there are none)' }).default([]),
    legalBasis: z.array(text('a law and article'), { error: 'must be a list of laws, one per line starting with "- "' }).min(1, {
      error: 'needs at least one law the case rests on',
    }),
    tags: z.array(text('a tag'), { error: 'must be a list, e.g. [wetland, flood safety]' }).default([]),
    cover: coverSchema(image).optional(),
  });
}

export function noticeSchema() {
  return z
    .strictObject({
      ...publicationBase,
      theme: text('the theme of the open day'),
      summary: text('one or two sentences inviting readers'),
      date: calendarDay.describe('publication date of the notice'),
      start: localDateTime,
      end: localDateTime,
      timeZone: z.literal('Asia/Shanghai', { error: 'must be Asia/Shanghai (Beijing time)' }).default('Asia/Shanghai'),
      place: text('the place name'),
      address: text('the street address'),
      audience: text('who may come'),
      capacity: z.number({ error: 'must be a number of places, e.g. 40' }).int({ error: 'must be a whole number' }).positive({
        error: 'must be at least 1',
      }),
      signUp: z.strictObject(
        {
          phone: z.string().trim().min(1).optional(),
          email: z.email({ error: 'is not an e-mail address' }).optional(),
          deadline: localDateTime.optional(),
          note: z.string().trim().min(1).optional(),
        },
        { error: 'must say how to sign up: phone, email, deadline' },
      ),
      accessibility: text('how the venue can be reached by wheelchair users, and help for blind or deaf visitors'),
    })
    .superRefine((notice, context) => {
      if (!notice.signUp.phone && !notice.signUp.email) {
        context.addIssue({
          code: 'custom',
          path: ['signUp'],
          message: 'needs a phone number or an e-mail address to sign up with',
          // The CMS shows press staff Chinese (src/lib/cms/problemMessages.ts).
          params: { zh: '需要报名电话或报名电子邮箱：至少填写一项' },
        });
      }
      // zod still runs this check when a time is malformed (already reported); compare only real times.
      const comparable = localDateTimePattern.test(notice.start) && localDateTimePattern.test(notice.end);
      if (comparable && localZonedTimeToInstant(notice.end, notice.timeZone) <= localZonedTimeToInstant(notice.start, notice.timeZone)) {
        context.addIssue({
          code: 'custom',
          path: ['end'],
          message: `must be after start (${notice.start})`,
          params: { zh: `必须晚于开始时间（${notice.start}）；请改正结束时间或开始时间` },
        });
      }
    });
}

export function articleSchema<Image extends z.ZodType>(image: Image) {
  return z.strictObject({
    ...publicationBase,
    summary: text('one or two sentences saying what the reader will learn'),
    date: calendarDay,
    topic: oneOf(articleTopics, 'topic'),
    audience: z
      .array(oneOf(audiences, 'audience'), { error: `must be a list, e.g. [elderly, parents]; possible: ${listOf(audiences)}` })
      .min(1, { error: `needs at least one reader group: ${listOf(audiences)}` }),
    readingMinutes: z.number({ error: 'must be a number of minutes, e.g. 4' }).int({ error: 'must be a whole number' }).positive({
      error: 'must be at least 1',
    }),
    relatedCases: z.array(z.string().regex(slugPattern), { error: 'must be a list of case file names, e.g. [horqin-land-compensation]' }).default([]),
    cover: coverSchema(image).optional(),
  });
}

/** The schemas as tests and the scaffolding script use them: cover images are plain paths. */
export const plainSchemas = {
  cases: caseSchema(z.string()),
  notices: noticeSchema(),
  articles: articleSchema(z.string()),
} satisfies Record<PublicationKind, z.ZodType>;
