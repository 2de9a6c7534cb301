// The tip service reaches the site's one request layer (src/lib/http/cloudflare.ts, app.ts).
import { handle } from 'hono/cloudflare-pages';
import { cloudflareApp } from '../../../src/lib/http/cloudflare';

export const onRequest = handle(cloudflareApp);
