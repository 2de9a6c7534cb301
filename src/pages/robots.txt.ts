import type { APIRoute } from 'astro';

// Generated so the sitemap address follows the configured site URL (SITE_URL).
export const GET: APIRoute = ({ site }) =>
  new Response(['User-agent: *', 'Disallow: /api/', 'Disallow: /staff/', 'Disallow: /admin/', '', `Sitemap: ${new URL('/sitemap-index.xml', site).href}`, ''].join('\n'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
