import type { APIRoute } from 'astro';
import { translationReport } from '../../lib/publications/translationFiles';

/**
 * The translation report (`npm run translations -- --json`) for the editor's lists (src/admin/
 * translationBadges.ts). The dev site of `npm run cms` answers from the files at each request; the
 * built site has it as of the build, and says when that was, so the editor can say so too.
 */
export const GET: APIRoute = async () => {
  const rows = await translationReport(process.env.CONTENT_DIR ?? 'src/content');
  const report = {
    asOf: new Date().toISOString(),
    live: import.meta.env.DEV,
    publications: rows.map(({ kind, slug, state, tracked, draft, reviewedBy, reviewedOn, originalChangedAt }) => ({
      kind,
      slug,
      state,
      tracked,
      draft,
      reviewedBy,
      reviewedOn,
      originalChangedAt,
    })),
  };
  return new Response(JSON.stringify(report), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
