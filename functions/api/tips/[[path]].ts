// Cloudflare adapter for the tip service: D1, R2, the built pages and env vars in; the core
// (src/lib/tips/handleTipRequest.ts) does everything else, so a Node server can run it too.
import { handleTipRequest } from '../../../src/lib/tips/handleTipRequest';
import { sqlTipStore } from '../../../src/lib/tips/sqlTipStore';
import { d1Driver } from '../../../src/lib/sql/d1Driver';
import { r2AttachmentStore } from '../../../src/lib/tips/cloudflare/r2AttachmentStore';
import type { D1Database, R2Bucket } from '../../../src/lib/tips/cloudflare/bindings';
import { tipConfigFromEnv, type TipEnvVars } from '../../../src/lib/tips/config';

interface Env extends TipEnvVars {
  TIPS_DB: D1Database;
  TIPS_FILES: R2Bucket;
  ASSETS: { fetch(request: Request | string): Promise<Response> };
}

const shellCache = new Map<string, string>();

export const onRequest = async ({ request, env }: { request: Request; env: Env }): Promise<Response> => {
  const origin = new URL(request.url).origin;
  return handleTipRequest(request, {
    store: sqlTipStore(d1Driver(env.TIPS_DB)),
    attachments: r2AttachmentStore(env.TIPS_FILES),
    shells: {
      async load(path) {
        const cached = shellCache.get(path);
        if (cached) return cached;
        const response = await env.ASSETS.fetch(new Request(new URL(path, origin)));
        if (!response.ok) throw new Error(`page shell ${path} answered ${response.status}`);
        const html = await response.text();
        shellCache.set(path, html);
        return html;
      },
    },
    config: tipConfigFromEnv(env),
    // Cloudflare's edge sets this; it is only counted in memory, never stored.
    clientAddress: request.headers.get('CF-Connecting-IP') ?? 'unknown',
  });
};
