/**
 * The one spelling of a request path that routing and the header rules see: percent-escapes
 * decoded, runs of "/" collapsed, "." and ".." segments resolved. Two spellings of one page
 * (`/zh/t%69p/`, `/zh//tip/`) thus get the same headers, and a path can never turn into a
 * protocol-relative address (`//evil.com/`) when it is sent back in a Location header.
 * Undefined for a path no page can have: bad escapes, NUL, a backslash (browsers read `/\x` as `//x`).
 * @example canonicalPath('/zh/t%69p//status/') // '/zh/tip/status/'
 */
export function canonicalPath(rawPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || /[\0\\]/.test(decoded)) return undefined;
  const segments: string[] = [];
  const parts = decoded.split('/').slice(1);
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    if (part === '..') segments.pop();
    if (part === '.' || part === '..' || (part === '' && !last)) {
      if (last) segments.push('');
      continue;
    }
    segments.push(part);
  }
  return `/${segments.join('/')}`;
}

/** A canonical path written back as a URL path (for a Location header): only what must be escaped is. */
export function encodePath(path: string): string {
  return encodeURI(path).replace(/[?#]/g, (character) => encodeURIComponent(character));
}
