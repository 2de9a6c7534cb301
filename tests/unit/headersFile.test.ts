import { describe, expect, it } from 'vitest';
import { headersForPath, parseHeadersFile, patternMatches } from '../../src/lib/headersFile';

import { siteHeaderRules as siteRules } from '../../src/lib/http/siteHeaders';

describe('_headers', () => {
  it('matches splats and placeholders', () => {
    expect(patternMatches('/*', '/zh/')).toBe(true);
    expect(patternMatches('/:locale/search/*', '/mn/search/')).toBe(true);
    expect(patternMatches('/:locale/search/*', '/mn/cases/search/')).toBe(false);
    expect(patternMatches('/_astro/*', '/_astro/a.css')).toBe(true);
  });

  it('gives every page a strict policy: no inline script, no framing, HSTS, nosniff', () => {
    const headers = headersForPath(siteRules, '/zh/cases/');
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers.get('strict-transport-security')).toMatch(/max-age=\d{8}/);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('permissions-policy')).toContain('geolocation=()');
  });

  it('allows WebAssembly on the search page only, with one policy', () => {
    expect(headersForPath(siteRules, '/mn/search/').get('content-security-policy')).toContain("'wasm-unsafe-eval'");
    expect(headersForPath(siteRules, '/mn/search/').get('content-security-policy')).not.toContain(', default-src');
    expect(headersForPath(siteRules, '/mn/cases/').get('content-security-policy')).not.toContain('wasm');
  });

  it('sends no referrer and no caching from tip and staff pages', () => {
    for (const path of ['/zh/tip/', '/mn/tip/status/', '/staff/']) {
      const headers = headersForPath(siteRules, path);
      expect(headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('names the line of a malformed file', () => {
    expect(() => parseHeadersFile('  X-A: b\n')).toThrow('line 1');
    expect(() => parseHeadersFile('/*\n  nonsense\n')).toThrow('line 2');
  });
});
