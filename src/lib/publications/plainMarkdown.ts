/**
 * Whether an MDX body uses nothing MDX adds to Markdown, so that rendering it as Markdown gives
 * the same page. Such a body is rendered once while content syncs and kept as HTML (as `.md`
 * files are); only a body that imports, exports, writes JSX or an `{expression}` stays an MDX
 * module. That matters at scale: every MDX module is a Vite chunk to bundle and a module to load
 * while pages render, which at 10,000 publications per language was most of the build.
 *
 * Refused as well, to stay on the safe side of where the two languages differ: any `<` (HTML and
 * autolinks are Markdown but JSX in MDX) and indented lines (code blocks in Markdown, not in MDX).
 * @example isPlainMarkdown('检察机关**依法**办理。\n\n- 一\n- 二') // true
 * @example isPlainMarkdown('<Figure src="a.jpg" />') // false
 */
export function isPlainMarkdown(body: string): boolean {
  if (/[<{}]/.test(body)) return false;
  if (/^(import|export)\s/m.test(body)) return false;
  return !/^( {4}|\t)/m.test(body);
}

/** The body of a Markdown/MDX file: what follows its `---` frontmatter block. */
export function bodyOf(contents: string): string {
  const frontmatter = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/.exec(contents);
  return frontmatter ? contents.slice(frontmatter[0].length) : contents;
}
