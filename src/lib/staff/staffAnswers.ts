import { staffSecurityHeaders } from './staffHeaders';

/** The staff service's answers: always with the staff pages' security headers. */
export function headers(extra: Record<string, string> = {}): Headers {
  return new Headers({ ...staffSecurityHeaders, ...extra });
}

export function json(body: unknown, status = 200, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: headers({ 'content-type': 'application/json; charset=utf-8', ...extra }) });
}

/** An error answer: a code for scripts and tests, a sentence for the staff member. */
export const problem = (status: number, error: string, message: string) => json({ error, message }, status);

export function methodNotAllowed(allowed: string): Response {
  return new Response('Method not allowed', { status: 405, headers: headers({ Allow: allowed }) });
}
