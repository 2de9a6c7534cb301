import { headersForPath, parseHeadersFile } from '../headersFile';

/**
 * The site's response headers, in Cloudflare Pages' `_headers` format: the one source for every
 * answer on both platforms. The build writes it to `dist/_headers` (astro.config.mjs), where
 * Cloudflare applies it to static files; the request layer (securityHeaders.ts) applies the same
 * rules to every answer a function or the Node server makes, so re-rendered pages get them too.
 * A request inherits every matching block in order; "! Name" drops a header an earlier block set.
 */
export const siteHeadersFile = `

/*
  Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'; upgrade-insecure-requests
  Strict-Transport-Security: max-age=63072000; includeSubDomains
  X-Content-Type-Options: nosniff
  X-Frame-Options: DENY
  Referrer-Policy: strict-origin-when-cross-origin
  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()
  Cross-Origin-Opener-Policy: same-origin

# Pagefind's search runs as WebAssembly, which CSP must allow on the search page only.
/:locale/search/*
  ! Content-Security-Policy
  Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'; upgrade-insecure-requests

# Tip pages: nothing about them leaks to other sites, and nothing is kept in caches.
/:locale/tip/*
  ! Referrer-Policy
  Referrer-Policy: no-referrer
  Cache-Control: no-store

# Everything a function answers (the tip service, staff review) is private to one reader.
/api/*
  ! Referrer-Policy
  Referrer-Policy: no-referrer
  Cache-Control: no-store

/staff/*
  ! Referrer-Policy
  Referrer-Policy: no-referrer
  Cache-Control: no-store

# The press office's editor (Decap CMS, our own bundle): its config check compiles JSON schemas at
# run time ('unsafe-eval') and its components inject their styles ('unsafe-inline'). It talks to
# the repository's API: GitHub's here; for a self-hosted Gitea/Forgejo add its origin to
# connect-src and img-src (src/content/README.md). Never indexed, never cached.
/admin/*
  ! Content-Security-Policy
  Content-Security-Policy: default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com; font-src 'self'; connect-src 'self' https://api.github.com; frame-src 'self' blob:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'; upgrade-insecure-requests
  X-Robots-Tag: noindex, nofollow
  Cache-Control: no-cache

# Build output with content hashes in the names never changes.
/_astro/*
  Cache-Control: public, max-age=31536000, immutable
`;

export const siteHeaderRules = parseHeadersFile(siteHeadersFile);

/** The headers the site gives a (normalised) path. */
export const siteHeadersFor = (pathname: string): Headers => headersForPath(siteHeaderRules, pathname);
