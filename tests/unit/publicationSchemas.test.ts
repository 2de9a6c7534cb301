import { describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { validateEntry, locateEntryFile } from '../../src/lib/publications/validateEntry';
import { regionIds } from '../../src/lib/taxonomy';

/** Frontmatter parsed exactly as Astro parses it when it builds the site. */
async function frontmatterOf(file: string): Promise<Record<string, unknown>> {
  return parseFrontmatter(await readFile(file, 'utf8')).frontmatter as Record<string, unknown>;
}

async function mdxFilesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.mdx')).map((entry) => path.join(entry.parentPath, entry.name));
}

async function problemsOf(file: string): Promise<string[]> {
  const location = locateEntryFile(file)!;
  return validateEntry(location.kind, file, await frontmatterOf(file));
}

const bad = 'tests/fixtures/content/bad/src/content';

describe('publication schemas', () => {
  it('accept every good fixture', async () => {
    const files = await mdxFilesUnder('tests/fixtures/content/good/src/content');
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) expect(await problemsOf(file), file).toEqual([]);
  });

  // Each bad fixture has one mistake; the message names the file and the field and says what to write.
  const expectations: Array<[string, string[]]> = [
    [`${bad}/cases/zh/unknown-region.mdx`, [`${bad}/cases/zh/unknown-region.mdx: field "region": "xyz" is not a known region; use one of: ${regionIds.join(', ')}`]],
    [`${bad}/cases/zh/missing-alt.mdx`, [`${bad}/cases/zh/missing-alt.mdx: field "cover.alt": is missing; write what the picture shows, for readers who cannot see it`]],
    [
      `${bad}/cases/zh/misspelt-field.mdx`,
      [
        `${bad}/cases/zh/misspelt-field.mdx: field "region": is missing; write one of: ${regionIds.join(', ')}`,
        `${bad}/cases/zh/misspelt-field.mdx: field "regoin" is not a field of a typical case; check its spelling, or delete it (the template from \`npm run new\` lists every field)`,
      ],
    ],
    [`${bad}/cases/zh/figure-with-units.mdx`, [`${bad}/cases/zh/figure-with-units.mdx: field "figures[0].value": must be a number without units or commas, e.g. 690000`]],
    [`${bad}/cases/zh/date-in-words.mdx`, [`${bad}/cases/zh/date-in-words.mdx: field "date": "去年五月" is not a date; write it like 2025-05-27 (year-month-day, no quotes)`]],
    [
      `${bad}/cases/zh/unknown-case-type.mdx`,
      [
        `${bad}/cases/zh/unknown-case-type.mdx: field "caseType": "lawsuit" is not a known case type; use one of: public-interest-litigation, judicial-aid, minors-protection, criminal, civil, administrative-supervision`,
      ],
    ],
    [`${bad}/cases/zh/no-legal-basis.mdx`, [`${bad}/cases/zh/no-legal-basis.mdx: field "legalBasis": needs at least one law the case rests on`]],
    [
      `${bad}/cases/mn/wrong-language-folder.mdx`,
      [`${bad}/cases/mn/wrong-language-folder.mdx: field "lang" is "zh" but the file is in the "mn" folder; move the file or correct lang`],
    ],
    [
      `${bad}/cases/zh/unknown-status.mdx`,
      [`${bad}/cases/zh/unknown-status.mdx: field "translationStatus": "done" is not a known translation status; use one of: original, reviewed, unreviewed`],
    ],
    [
      `${bad}/cases/zh/key-not-file-name.mdx`,
      [
        `${bad}/cases/zh/key-not-file-name.mdx: field "translationKey" is "river" but the file is named "key-not-file-name"; they must be the same so the Chinese and Mongolian versions find each other`,
      ],
    ],
    [
      `${bad}/notices/zh/time-without-quotes.mdx`,
      [`${bad}/notices/zh/time-without-quotes.mdx: field "start": must be written in quotes like "2026-12-10 09:30" (Beijing time), so the time zone is not guessed`],
    ],
    [`${bad}/notices/zh/ends-before-start.mdx`, [`${bad}/notices/zh/ends-before-start.mdx: field "end": must be after start (2026-12-10 09:30)`]],
    [`${bad}/notices/zh/no-way-to-sign-up.mdx`, [`${bad}/notices/zh/no-way-to-sign-up.mdx: field "signUp": needs a phone number or an e-mail address to sign up with`]],
    [
      `${bad}/articles/zh/unknown-audience.mdx`,
      [
        `${bad}/articles/zh/unknown-audience.mdx: field "audience[1]": "students" is not a known audience; use one of: elderly, minors, parents, enterprises, farmers-herders, workers, general`,
      ],
    ],
  ];

  it.each(expectations)('reject %s with a message naming the file and the field', async (file, messages) => {
    expect(await problemsOf(file)).toEqual(messages);
  });

  it('have an expectation for every bad fixture', async () => {
    const files = (await mdxFilesUnder(bad)).map((file) => file.replaceAll(path.sep, '/')).sort();
    expect(files).toEqual(expectations.map(([file]) => file).sort());
  });
});
