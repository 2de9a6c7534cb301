/** One block of a _headers file: a URL pattern and what it does to the response headers. */
export interface HeaderRule {
  pattern: string;
  detach: string[];
  attach: Array<[name: string, value: string]>;
}

/**
 * Parses a Cloudflare Pages `_headers` file, so that a server other than Cloudflare can send the
 * very same headers from the very same file.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [index, rawLine] of text.split('\n').entries()) {
    const line = rawLine.replace(/\s+$/, '');
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), detach: [], attach: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers line ${index + 1}: a header comes before any URL pattern`);
    const entry = line.trim();
    if (entry.startsWith('!')) {
      rule.detach.push(entry.slice(1).trim().toLowerCase());
      continue;
    }
    const colon = entry.indexOf(':');
    if (colon <= 0) throw new Error(`_headers line ${index + 1}: expected "Name: value", got "${entry}"`);
    rule.attach.push([entry.slice(0, colon).trim(), entry.slice(colon + 1).trim()]);
  }
  return rules;
}

/**
 * Whether a URL path matches a _headers pattern: `*` matches anything (also nothing), `:name`
 * one path segment.
 * @example patternMatches('/:locale/search/*', '/mn/search/') // true
 */
export function patternMatches(pattern: string, pathname: string): boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(pathname);
}

/**
 * The headers the rules give a path: every matching block in order, a repeated header joined with
 * a comma, "! Name" dropping what earlier blocks set.
 */
export function headersForPath(rules: HeaderRule[], pathname: string): Headers {
  const headers = new Headers();
  for (const rule of rules) {
    if (!patternMatches(rule.pattern, pathname)) continue;
    for (const name of rule.detach) headers.delete(name);
    for (const [name, value] of rule.attach) headers.append(name, value);
  }
  return headers;
}
