/**
 * The prose of a publication or a string file, line by line, without the markup around it, so the
 * checks see only what readers read and report the line press staff must open.
 */
export interface TextLine {
  line: number;
  text: string;
  /** "frontmatter" (a header field) or "body" (the publication's text); JSON strings say "string". */
  part: 'frontmatter' | 'body' | 'string';
  /** The header field or JSON key the text belongs to, when there is one. */
  field?: string;
}

/** Header fields that are codes or dates, not prose. */
const structuredFields = new Set([
  'date',
  'region',
  'category',
  'caseType',
  'lang',
  'translationKey',
  'translationStatus',
  'draft',
  'measure',
  'src',
  'start',
  'end',
  'audience',
  'kind',
  'updated',
  'slug',
]);

/** Markdown and MDX syntax that is not text: links keep their words, images their alt text. */
function proseOfMarkdownLine(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/`[^`]*`/gu, '')
    .replace(/<[^>]+>/gu, '')
    .replace(/^\s*(#{1,6}\s+|>\s*|[-*+]\s+|\d+\.\s+)/u, '')
    .replace(/\*\*|__/gu, '')
    .replace(/^\s*\|/u, '')
    .replace(/\|/gu, ' ');
}

/** A YAML value as written: quotes off, flow lists split into their items. */
function valuesOfYamlLine(line: string): { field?: string; values: string[] } {
  const match = /^\s*(?:-\s+)?(?:([A-Za-z][\w-]*):\s*)?(.*)$/u.exec(line);
  if (!match) return { values: [] };
  const [, field, rest] = match;
  let value = rest.trim();
  if (value.startsWith('#')) return { field, values: [] };
  if (value.startsWith('[') && value.endsWith(']')) {
    return { field, values: [...value.slice(1, -1).matchAll(/\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^,]+))/gu)].map((item) => (item[1] ?? item[2] ?? item[3]).trim()) };
  }
  if (/^".*"$/u.test(value)) value = JSON.parse(value);
  else if (/^'.*'$/u.test(value)) value = value.slice(1, -1).replaceAll("''", "'");
  return { field, values: value ? [value] : [] };
}

/**
 * @example textLinesOfMdx('---\ntitle: "ᠬᠣᠲᠠ"\n---\n\n## ᠪᠠᠢᠳᠠᠯ\n')
 * // [{ line: 2, text: 'ᠬᠣᠲᠠ', part: 'frontmatter', field: 'title' }, { line: 5, text: 'ᠪᠠᠢᠳᠠᠯ', part: 'body' }]
 */
export function textLinesOfMdx(source: string): TextLine[] {
  const lines = source.split(/\r?\n/u);
  const result: TextLine[] = [];
  let inFrontmatter = lines[0]?.trim() === '---';
  let inCode = false;
  let currentField: string | undefined;
  for (let index = inFrontmatter ? 1 : 0; index < lines.length; index += 1) {
    const raw = lines[index];
    if (inFrontmatter) {
      if (raw.trim() === '---') {
        inFrontmatter = false;
        continue;
      }
      const { field, values } = valuesOfYamlLine(raw);
      if (field && !/^\s*-\s/u.test(raw) && !/^\s+/u.test(raw)) currentField = field;
      const effectiveField = field ?? currentField;
      if (effectiveField && structuredFields.has(effectiveField)) continue;
      for (const value of values) result.push({ line: index + 1, text: value, part: 'frontmatter', field: field ?? currentField });
      continue;
    }
    if (/^\s*```/u.test(raw)) inCode = !inCode;
    if (inCode || /^\s*(import|export)\s/u.test(raw)) continue;
    const text = proseOfMarkdownLine(raw).trim();
    if (text) result.push({ line: index + 1, text, part: 'body' });
  }
  return result;
}

/** The headings of a publication's text, in order, with their level. */
export function headingsOfMdx(source: string): { line: number; level: number; text: string }[] {
  const headings: { line: number; level: number; text: string }[] = [];
  let inFrontmatter = source.startsWith('---');
  source.split(/\r?\n/u).forEach((raw, index) => {
    if (index > 0 && inFrontmatter && raw.trim() === '---') {
      inFrontmatter = false;
      return;
    }
    const match = !inFrontmatter && /^(#{1,6})\s+(.+)$/u.exec(raw);
    if (match) headings.push({ line: index + 1, level: match[1].length, text: match[2].trim() });
  });
  return headings;
}

/**
 * Every string of a JSON file with its key path and line. Lines are found by searching the source
 * for the key, in order, so they are right for files written one key a line, as ours are.
 */
export function stringsOfJson(source: string): { line: number; path: string[]; text: string }[] {
  const found: { line: number; path: string[]; text: string }[] = [];
  const lineStarts = [0];
  for (let index = 0; index < source.length; index += 1) if (source[index] === '\n') lineStarts.push(index + 1);
  const lineAt = (offset: number) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line += 1;
    return line + 1;
  };
  let searchFrom = 0;
  const walk = (value: unknown, path: string[]) => {
    if (typeof value === 'string') {
      const key = path.at(-1);
      const keyOffset = key !== undefined && !/^\d+$/u.test(key) ? source.indexOf(JSON.stringify(key), searchFrom) : -1;
      const valueOffset = source.indexOf(JSON.stringify(value).slice(1, -1), keyOffset >= 0 ? keyOffset : searchFrom);
      const offset = valueOffset >= 0 ? valueOffset : keyOffset >= 0 ? keyOffset : searchFrom;
      if (offset >= searchFrom) searchFrom = offset;
      found.push({ line: lineAt(offset), path, text: value });
    } else if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walk(item, [...path, String(index)]);
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    }
  };
  walk(JSON.parse(source), []);
  return found;
}
