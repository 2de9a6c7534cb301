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
 * Each problem zod found, as one line a press officer can act on:
 * `src/content/cases/zh/foo.mdx: field "region": "xyz" is not a known region; use one of: …`.
 */
export function describeIssues(filePath: string, kind: PublicationKind, issues: ReadonlyArray<z.core.$ZodIssue>): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const field = fieldName([...issue.path, key]);
        return `${filePath}: field "${field}" is not a field of ${kindNames[kind]}; check its spelling, or delete it (the template from \`npm run new\` lists every field)`;
      });
    }
    const field = fieldName(issue.path);
    return [field ? `${filePath}: field "${field}": ${issue.message}` : `${filePath}: ${issue.message}`];
  });
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
export function validateEntry(kind: PublicationKind, filePath: string, data: unknown): string[] {
  const result = plainSchemas[kind].safeParse(data);
  const problems = result.success ? [] : describeIssues(filePath, kind, result.error.issues);
  const location = locateEntryFile(filePath);
  const record = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (location) {
    if (typeof record.lang === 'string' && record.lang !== location.folderLang) {
      problems.push(`${filePath}: field "lang" is "${record.lang}" but the file is in the "${location.folderLang}" folder; move the file or correct lang`);
    }
    if (typeof record.translationKey === 'string' && record.translationKey !== location.slug) {
      problems.push(
        `${filePath}: field "translationKey" is "${record.translationKey}" but the file is named "${location.slug}"; they must be the same so the Chinese and Mongolian versions find each other`,
      );
    }
  }
  if (record.lang === 'zh' && (record.translationStatus === 'reviewed' || record.translationStatus === 'unreviewed')) {
    problems.push(`${filePath}: field "translationStatus" is "${record.translationStatus}" but Chinese entries are the originals; write original`);
  }
  problems.push(...translationRecordProblems(filePath, record));
  return problems;
}

/**
 * The translation record: an original has none; a reviewed translation says who reviewed it and
 * when, because the page names them.
 */
function translationRecordProblems(filePath: string, record: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (record.translationStatus === 'original') {
    for (const field of ['translatedFrom', 'reviewedBy', 'reviewedOn']) {
      if (record[field] !== undefined) problems.push(`${filePath}: field "${field}" belongs to translations only; delete it from the original`);
    }
  }
  if (record.translationStatus === 'reviewed') {
    if (record.reviewedBy === undefined) problems.push(`${filePath}: field "reviewedBy" is missing; a reviewed translation names its reviewer, e.g. reviewedBy: "Bater"`);
    if (record.reviewedOn === undefined) problems.push(`${filePath}: field "reviewedOn" is missing; write the date of the review like 2026-12-01 (no quotes)`);
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
