/**
 * Security headers for what the staff function answers. Cloudflare applies public/_headers only to
 * static files, so the function sets these itself; tests/unit/staffHeaders.test.ts checks they are
 * exactly what public/_headers gives /staff/*, so the two cannot drift apart.
 */
export const staffSecurityHeaders: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'; upgrade-insecure-requests",
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
  'cache-control': 'no-store',
};
