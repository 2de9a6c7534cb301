import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from 'astro/markdown';
import { scaffoldPublication } from '../../scripts/new-publication.mjs';
import { validateEntry, locateEntryFile } from '../../src/lib/publications/validateEntry';
import { plainSchemas } from '../../src/lib/publications/schemas';
import { findForbiddenCharacters } from '../../src/lib/scriptCheck';

describe('npm run new', () => {
  for (const kind of ['case', 'notice', 'article'] as const) {
    it(`scaffolds a ${kind} in both languages that builds as it is, as drafts`, () => {
      const files = scaffoldPublication(kind, 'river-cleanup', new Date('2026-11-25T02:00:00Z'));
      expect(files.map((file) => file.path)).toEqual([
        `${{ case: 'cases', notice: 'notices', article: 'articles' }[kind]}/zh/river-cleanup.mdx`,
        `${{ case: 'cases', notice: 'notices', article: 'articles' }[kind]}/mn/river-cleanup.mdx`,
      ]);
      for (const file of files) {
        const fullPath = `src/content/${file.path}`;
        const { frontmatter } = parseFrontmatter(file.text);
        expect(validateEntry(locateEntryFile(fullPath)!.kind, fullPath, frontmatter), fullPath).toEqual([]);
        expect((frontmatter as { draft: boolean }).draft).toBe(true);
        expect(findForbiddenCharacters(file.text)).toEqual([]);
      }
    });

    it(`names every field of a ${kind} with a comment`, () => {
      const schemaKind = ({ case: 'cases', notice: 'notices', article: 'articles' } as const)[kind];
      const shape = plainSchemas[schemaKind] as unknown as { shape?: Record<string, unknown>; def: { in?: { shape: Record<string, unknown> } } };
      const fields = Object.keys(shape.shape ?? shape.def.in?.shape ?? {});
      expect(fields.length).toBeGreaterThan(8);
      const [zh] = scaffoldPublication(kind, 'river-cleanup');
      for (const field of fields) expect(zh!.text, field).toMatch(new RegExp(`^#?\\s*${field}:`, 'm'));
      expect(zh!.text.match(/^# /gm)!.length).toBeGreaterThan(5);
    });
  }

  it('refuses a file name that cannot be a URL', () => {
    expect(() => scaffoldPublication('case', 'River Cleanup')).toThrow('cannot be a file name');
    expect(() => scaffoldPublication('story' as 'case', 'river')).toThrow('use case, notice or article');
  });
});
