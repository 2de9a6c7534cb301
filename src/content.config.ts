import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { articleSchema, caseSchema, noticeSchema, type PublicationKind } from './lib/publications/schemas';
import { ContentEntryError, validateEntry } from './lib/publications/validateEntry';
import { bodyOf, isPlainMarkdown } from './lib/publications/plainMarkdown';

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
    load: (context: LoaderContext) => {
      // Bodies rendered as Markdown while syncing (see plainMarkdown.ts), by entry id, for store.set.
      const renderedById = new Map<string, Awaited<ReturnType<LoaderContext['renderMarkdown']>>>();
      const store: LoaderContext['store'] = Object.create(context.store);
      store.set = (entry) => {
        const rendered = renderedById.get(entry.id);
        if (!rendered) return context.store.set(entry);
        renderedById.delete(entry.id);
        const { deferredRender: _mdxModule, ...kept } = entry;
        return context.store.set({ ...kept, rendered, assetImports: rendered.metadata?.imagePaths });
      };
      return files.load({
        ...context,
        store,
        parseData: async (entry) => {
          const filePath = entry.filePath ? relative(fileURLToPath(context.config.root), entry.filePath).replaceAll('\\', '/') : `src/content/${kind}/${entry.id}.mdx`;
          const problems = validateEntry(kind, filePath, entry.data);
          if (problems.length > 0) throw new ContentEntryError(problems);
          const parsed = await context.parseData(entry).catch((error: unknown) => {
            // Astro's own checks (a cover image file that does not exist) get the file name too.
            throw new ContentEntryError([`${filePath}: ${error instanceof Error ? error.message : String(error)}`]);
          });
          if (entry.filePath?.endsWith('.mdx')) {
            const body = bodyOf(await readFile(entry.filePath, 'utf8'));
            if (isPlainMarkdown(body)) renderedById.set(entry.id, await context.renderMarkdown(body, { fileURL: pathToFileURL(entry.filePath) }));
          }
          return parsed;
        },
      });
    },
  };
}

export const collections = {
  cases: defineCollection({ loader: publicationLoader('cases'), schema: ({ image }) => caseSchema(image()) }),
  notices: defineCollection({ loader: publicationLoader('notices'), schema: noticeSchema() }),
  articles: defineCollection({ loader: publicationLoader('articles'), schema: ({ image }) => articleSchema(image()) }),
};
