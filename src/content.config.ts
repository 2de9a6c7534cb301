import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { articleSchema, caseSchema, noticeSchema, type PublicationKind } from './lib/publications/schemas';
import { ContentEntryError, validateEntry } from './lib/publications/validateEntry';

/*
 * Publications are MDX files in src/content/<kind>/<zh|mn>/<slug>.mdx; a translation has the same
 * slug as its original. Each file is checked with our own validator before Astro's, so a mistake
 * stops the build with the file, the field and the fix in plain words (see src/content/README.md).
 */
function publicationLoader(kind: PublicationKind): Loader {
  // CONTENT_DIR lets the build-cost benchmark build the site from generated content.
  const files = glob({ base: `${process.env.CONTENT_DIR ?? './src/content'}/${kind}`, pattern: '{zh,mn}/*.{md,mdx}' });
  return {
    name: `publication-${kind}`,
    load: (context: LoaderContext) =>
      files.load({
        ...context,
        parseData: async (entry) => {
          const filePath = entry.filePath
            ? relative(fileURLToPath(context.config.root), entry.filePath).replaceAll('\\', '/')
            : `src/content/${kind}/${entry.id}.mdx`;
          const problems = validateEntry(kind, filePath, entry.data);
          if (problems.length > 0) throw new ContentEntryError(problems);
          try {
            return await context.parseData(entry);
          } catch (error) {
            // Astro's own checks (a cover image file that does not exist) get the file name too.
            throw new ContentEntryError([`${filePath}: ${error instanceof Error ? error.message : String(error)}`]);
          }
        },
      }),
  };
}

export const collections = {
  cases: defineCollection({ loader: publicationLoader('cases'), schema: ({ image }) => caseSchema(image()) }),
  notices: defineCollection({ loader: publicationLoader('notices'), schema: noticeSchema() }),
  articles: defineCollection({ loader: publicationLoader('articles'), schema: ({ image }) => articleSchema(image()) }),
};
