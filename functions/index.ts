// "/" reaches the site's one request layer (src/lib/http/app.ts): each reader is sent to the
// language their browser asks for; others get the static bilingual page (dist/index.html).
import { handle } from 'hono/cloudflare-pages';
import { cloudflareApp } from '../src/lib/http/cloudflare';

export const onRequest = handle(cloudflareApp);
