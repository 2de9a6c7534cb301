// The translation verdict from the files on disk, read exactly as the build's YAML reader reads
// them: shared by `npm run translations` and the pages, so the report and the site agree.
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { fileChangedOn } from './fileChangedOn.ts';
import { judgeTranslation, type TranslationVerdict } from './translationState.ts';

export interface TranslationReportRow extends TranslationVerdict {
  kind: string;
  slug: string;
  /** The original's file, and the translation's (null when missing). */
  original: string;
  translation: string | null;
  draft: boolean | null;
  reviewedBy: string | null;
  reviewedOn: string | null;
  /** When the original last changed (ISO instant); only for outdated translations. */
  originalChangedAt: string | null;
}

/**
 * A content file's frontmatter and text, or undefined when there is no such file. Read without
 * blocking: the build renders several pages at once, and every translated page reads two files.
 */
async function readEntry(file: string) {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (text === undefined) return undefined;
  const { frontmatter, content } = parseFrontmatter(text);
  return { frontmatter: frontmatter as Record<string, unknown>, body: content };
}

const isoDay = (date: unknown) => (date instanceof Date ? date.toISOString().slice(0, 10) : null);

/** One publication's row, or undefined when it has no Chinese original. */
export async function translationReportRow(contentDir: string, kind: string, slug: string): Promise<TranslationReportRow | undefined> {
  const originalFile = join(contentDir, kind, 'zh', `${slug}.mdx`);
  const translationFile = join(contentDir, kind, 'mn', `${slug}.mdx`);
  const [original, translated] = await Promise.all([readEntry(originalFile), readEntry(translationFile)]);
  if (!original) return undefined;
  const translation = translated?.frontmatter;
  const verdict = await judgeTranslation({ original, translation });
  return {
    kind,
    slug,
    original: originalFile,
    translation: translation ? translationFile : null,
    ...verdict,
    draft: translation ? translation.draft === true : null,
    reviewedBy: typeof translation?.reviewedBy === 'string' ? translation.reviewedBy : null,
    reviewedOn: isoDay(translation?.reviewedOn),
    originalChangedAt: verdict.state === 'outdated' ? fileChangedOn(originalFile).toISOString() : null,
  };
}

// The kinds as the folders name them (schemas.ts has the list, but plain Node cannot import it).
const kinds = ['cases', 'notices', 'articles'];

/** Every Chinese original with its translation's verdict, in a stable order (kind, then file name). */
export async function translationReport(contentDir: string): Promise<TranslationReportRow[]> {
  const rows: TranslationReportRow[] = [];
  for (const kind of kinds) {
    const originals = join(contentDir, kind, 'zh');
    if (!existsSync(originals)) continue;
    const slugs = readdirSync(originals)
      .filter((file) => file.endsWith('.mdx'))
      .map((file) => file.replace(/\.mdx$/, ''))
      .sort();
    for (const slug of slugs) rows.push((await translationReportRow(contentDir, kind, slug))!);
  }
  return rows;
}
