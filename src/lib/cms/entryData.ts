// Between the CMS's view of an entry and the file the build reads.
import type { PublicationKind } from '../publications/schemas';
import { validateEntry } from '../publications/validateEntry';

/**
 * What the CMS writes: empty texts, lists and objects left behind by a field someone cleared are
 * dropped, because the build reads `reviewedBy: ""` as a field with nothing in it and refuses it.
 */
export function withoutEmptyValues(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) return value.map(withoutEmptyValues).filter((item) => item !== undefined);
  if (value instanceof Date || typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value)
    .map(([key, item]) => [key, withoutEmptyValues(item)] as const)
    .filter(([, item]) => item !== undefined && !(typeof item === 'object' && item !== null && !Array.isArray(item) && Object.keys(item).length === 0));
  return Object.fromEntries(entries);
}

/**
 * Whether a language version has been written at all: it has a title or a text. The CMS keeps
 * defaults and the facts copied from the original in every language pane; a pane with only those
 * is no translation and gets no file.
 */
export function hasOwnText(data: Record<string, unknown>): boolean {
  return [data.title, data.theme, data.body].some((value) => typeof value === 'string' && value.trim() !== '');
}

const calendarDayText = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The frontmatter as the build will read it back: the CMS keeps a day as the text "2025-05-27",
 * which it writes without quotes, so the build's YAML reader sees a date.
 */
export function asTheBuildReadsIt(value: unknown): unknown {
  if (typeof value === 'string') return calendarDayText.test(value) ? new Date(`${value}T00:00:00Z`) : value;
  if (Array.isArray(value)) return value.map(asTheBuildReadsIt);
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asTheBuildReadsIt(item)]));
}

/**
 * The save check: every problem the build would stop on, for the file the CMS is about to write.
 * `data` is the entry's fields with `body` among them, as the CMS holds them.
 */
export function problemsBeforeSaving(kind: PublicationKind, locale: string, slug: string, data: Record<string, unknown>): string[] {
  const { body: _body, ...frontmatter } = withoutEmptyValues(data) as Record<string, unknown>;
  return validateEntry(kind, `src/content/${kind}/${locale}/${slug}.mdx`, asTheBuildReadsIt(frontmatter));
}
