import type { z } from 'zod';
import { plainSchemas, type PublicationKind } from './schemas';

const kindNames: Record<PublicationKind, string> = {
  cases: 'a typical case',
  notices: 'an open-day notice',
  articles: 'a legal-education article',
};

/** "figures[0].value" from zod's ["figures", 0, "value"]. */
function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), '');
}

/**
 * One thing wrong with an entry, before it is worded for a reader: the build words it in English
 * with the file (`validateEntry`), the CMS in Chinese with the field's label (src/lib/cms/problemMessages.ts).
 */
export type EntryProblem =
  /** What zod found, and the value it found there; a custom refinement carries its Chinese wording in `params.zh`. */
  | { source: 'schema'; field: string; issue: z.core.$ZodIssue; value: unknown }
  | { source: 'not-a-field'; field: string }
  | { source: 'lang-folder'; field: 'lang'; lang: string; folder: string }
  | { source: 'key-file-name'; field: 'translationKey'; key: string; fileName: string }
  | { source: 'original-status'; field: 'translationStatus'; status: string }
  | { source: 'translation-only'; field: string }
  | { source: 'review-missing'; field: 'reviewedBy' | 'reviewedOn' };

const valueAt = (data: unknown, path: ReadonlyArray<PropertyKey>) =>
  path.reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined), data);

/** Each problem zod found, one per field (an unknown field is one problem per key). */
function schemaProblems(issues: ReadonlyArray<z.core.$ZodIssue>, data: unknown): EntryProblem[] {
  return issues.flatMap((issue): EntryProblem[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ source: 'not-a-field', field: fieldName([...issue.path, key]) }))
      : [{ source: 'schema', field: fieldName(issue.path), issue, value: valueAt(data, issue.path) }],
  );
}

/** A problem as the build prints it: `src/content/cases/zh/foo.mdx: field "region": … ; use one of: …`. */
export function describeProblem(filePath: string, kind: PublicationKind, problem: EntryProblem): string {
  const field = `${filePath}: field "${problem.field}"`;
  switch (problem.source) {
    case 'schema':
      return problem.field ? `${field}: ${problem.issue.message}` : `${filePath}: ${problem.issue.message}`;
    case 'not-a-field':
      return `${field} is not a field of ${kindNames[kind]}; check its spelling, or delete it (the template from \`npm run new\` lists every field)`;
    case 'lang-folder':
      return `${field} is "${problem.lang}" but the file is in the "${problem.folder}" folder; move the file or correct lang`;
    case 'key-file-name':
      return `${field} is "${problem.key}" but the file is named "${problem.fileName}"; they must be the same so the Chinese and Mongolian versions find each other`;
    case 'original-status':
      return `${field} is "${problem.status}" but Chinese entries are the originals; write original`;
    case 'translation-only':
      return `${field} belongs to translations only; delete it from the original`;
    case 'review-missing':
      return problem.field === 'reviewedBy'
        ? `${field} is missing; a reviewed translation names its reviewer, e.g. reviewedBy: "Bater"`
        : `${field} is missing; write the date of the review like 2026-12-01 (no quotes)`;
  }
}

/** Where a content file sits: its kind, language folder and slug, or undefined outside src/content/<kind>/<lang>/. */
export function locateEntryFile(filePath: string): { kind: PublicationKind; folderLang: string; slug: string } | undefined {
  const match = /(?:^|\/)src\/content\/(cases|notices|articles)\/([^/]+)\/([^/]+)\.mdx?$/.exec(filePath.replaceAll('\\', '/'));
  if (!match) return undefined;
  return { kind: match[1] as PublicationKind, folderLang: match[2]!, slug: match[3]! };
}

/**
 * Problems with one entry's frontmatter, checked against its kind's schema and against where the
 * file is: the language folder must match `lang`, and `translationKey` must be the file name, which
 * is what pairs a Chinese file with its Mongolian translation. An empty list means the entry is fine.
 */
export function entryProblems(kind: PublicationKind, filePath: string, data: unknown): EntryProblem[] {
  const result = plainSchemas[kind].safeParse(data);
  const problems = result.success ? [] : schemaProblems(result.error.issues, data);
  const location = locateEntryFile(filePath);
  const record = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (location) {
    if (typeof record.lang === 'string' && record.lang !== location.folderLang) {
      problems.push({ source: 'lang-folder', field: 'lang', lang: record.lang, folder: location.folderLang });
    }
    if (typeof record.translationKey === 'string' && record.translationKey !== location.slug) {
      problems.push({ source: 'key-file-name', field: 'translationKey', key: record.translationKey, fileName: location.slug });
    }
  }
  if (record.lang === 'zh' && (record.translationStatus === 'reviewed' || record.translationStatus === 'unreviewed')) {
    problems.push({ source: 'original-status', field: 'translationStatus', status: record.translationStatus });
  }
  problems.push(...translationRecordProblems(record));
  return problems;
}

/** The build's check of one entry: every problem as a line naming the file, the field and the fix. */
export function validateEntry(kind: PublicationKind, filePath: string, data: unknown): string[] {
  return entryProblems(kind, filePath, data).map((problem) => describeProblem(filePath, kind, problem));
}

/**
 * The translation record: an original has none; a reviewed translation says who reviewed it and
 * when, because the page names them.
 */
function translationRecordProblems(record: Record<string, unknown>): EntryProblem[] {
  const problems: EntryProblem[] = [];
  if (record.translationStatus === 'original') {
    for (const field of ['translatedFrom', 'reviewedBy', 'reviewedOn']) {
      if (record[field] !== undefined) problems.push({ source: 'translation-only', field });
    }
  }
  if (record.translationStatus === 'reviewed') {
    if (record.reviewedBy === undefined) problems.push({ source: 'review-missing', field: 'reviewedBy' });
    if (record.reviewedOn === undefined) problems.push({ source: 'review-missing', field: 'reviewedOn' });
  }
  return problems;
}

/** The error that stops the build: every problem in the file, one per line. */
export class ContentEntryError extends Error {
  constructor(readonly problems: string[]) {
    super(`This publication cannot be published until it is corrected:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ContentEntryError';
  }
}
