// The tip form page (/zh/tip/, /mn/tip/) reaches the site's one request layer, which gives each
// copy of the form a key of its own (src/lib/http/app.ts); a path that is no language's is handed
// back to the static files there.
import { handle } from 'hono/cloudflare-pages';
import { cloudflareApp } from '../../../src/lib/http/cloudflare';

export const onRequest = handle(cloudflareApp);
