// Between the CMS's view of an entry and the file the build reads.
import { figureMismatches } from '../publications/figureParity';
import type { PublicationKind } from '../publications/schemas';
import { entryProblems } from '../publications/validateEntry';
import { chineseFigureMismatch, chineseProblemText, inPane } from './problemMessages';

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
 * The problems the build would stop on in one language's file, in Chinese for press staff.
 * `data` is the entry's fields with `body` among them, as the CMS holds them.
 */
export function problemsBeforeSaving(kind: PublicationKind, locale: string, slug: string, data: Record<string, unknown>): string[] {
  const { body: _body, ...frontmatter } = withoutEmptyValues(data) as Record<string, unknown>;
  return entryProblems(kind, `src/content/${kind}/${locale}/${slug}.mdx`, asTheBuildReadsIt(frontmatter)).map((problem) => inPane(locale, chineseProblemText(kind, problem)));
}

/**
 * The save check: every problem of the original and of its translation (when one was written),
 * and the figures the translation must carry as the original has them (npm run check:mongolian
 * makes the same check on the files).
 */
export function saveProblems(kind: PublicationKind, slug: string, original: Record<string, unknown>, translation: Record<string, unknown> | undefined): string[] {
  const problems = problemsBeforeSaving(kind, 'zh', slug, original);
  if (!translation || !hasOwnText(translation)) return problems;
  return [
    ...problems,
    ...problemsBeforeSaving(kind, 'mn', slug, translation),
    ...(kind === 'cases' ? figureMismatches(original.figures, translation.figures).map((mismatch) => inPane('mn', chineseFigureMismatch(mismatch))) : []),
  ];
}
