import { siteHeadersFor } from '../http/siteHeaders';

/**
 * Security headers for what the staff function answers: exactly what the site's header rules
 * (src/lib/http/siteHeaders.ts) give the staff pages. The request layer adds them to every answer
 * anyway; the staff core sets them itself too, so it is safe wherever it runs.
 */
export const staffSecurityHeaders: Record<string, string> = Object.fromEntries(siteHeadersFor('/staff/'));
