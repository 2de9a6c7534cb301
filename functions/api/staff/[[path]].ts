// Cloudflare adapter for staff review: D1, R2 and env vars in; the core
// (src/lib/staff/handleStaffRequest.ts) does everything else, so a Node server can run it too.
import { handleStaffRequest } from '../../../src/lib/staff/handleStaffRequest';
import { sqlStaffStore } from '../../../src/lib/staff/sqlStaffStore';
import { d1Driver } from '../../../src/lib/sql/d1Driver';
import { r2AttachmentStore } from '../../../src/lib/tips/cloudflare/r2AttachmentStore';
import type { D1Database, R2Bucket } from '../../../src/lib/tips/cloudflare/bindings';
import { staffConfigFromEnv, type StaffEnvVars } from '../../../src/lib/staff/config';

interface Env extends StaffEnvVars {
  TIPS_DB: D1Database;
  TIPS_FILES: R2Bucket;
}

export const onRequest = async ({ request, env }: { request: Request; env: Env }): Promise<Response> =>
  handleStaffRequest(request, {
    store: sqlStaffStore(d1Driver(env.TIPS_DB)),
    attachments: r2AttachmentStore(env.TIPS_FILES),
    config: staffConfigFromEnv(env),
    // Only counted in this isolate's memory (failed sign-ins per client), never stored.
    clientAddress: request.headers.get('CF-Connecting-IP') ?? 'unknown',
  });
