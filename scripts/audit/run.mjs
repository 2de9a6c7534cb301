// npm run audit: every built page (dist/**.html) is valid HTML, has its basics (lang, title,
// description, canonical, mn-Mong under /mn/, image alt) and has no broken internal link or asset.
// The Nu Html Checker (vnu) checks the same pages against the HTML standard.
// axe runs in the browser tests (tests/e2e/accessibility.spec.ts) over the same pages.
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { idsOnPage, internalReferences, pageBasicsProblems, referenceResolves } from './checks.mjs';
import { nuHtmlErrors } from './nuHtmlChecker.mjs';
import { pageScripts, tipFormScriptBudgetBytes } from './pageScripts.mjs';

const distDirectory = path.resolve(process.argv[2] ?? 'dist');
if (!existsSync(distDirectory)) {
  console.error(`No built site at ${distDirectory}: run \`npm run build\` first.`);
  process.exit(1);
}

const entries = await readdir(distDirectory, { recursive: true, withFileTypes: true });
const pages = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => path.join(entry.parentPath, entry.name));

const validator = new HtmlValidate(
  new FileSystemConfigLoader({
    extends: ['html-validate:recommended'],
    rules: {
      // Astro writes void elements as <br /> and attributes in its own order; style, not validity.
      'void-style': 'off',
      'no-trailing-whitespace': 'off',
      'attribute-boolean-style': 'off',
      'attribute-empty-style': 'off',
      // Inline <style> blocks are Astro's scoped component styles.
      'no-inline-style': 'off',
      // Chinese and Mongolian text legitimately contains characters this rule flags as "raw".
      'no-raw-characters': 'off',
      // hreflang values like mn-Mong are valid BCP 47; the rule only knows ISO 639-1 + region.
      'valid-id': 'off',
      'long-title': 'off',
    },
  }),
);

const fileExists = (sitePath) => {
  const onDisk = path.join(distDirectory, sitePath);
  return onDisk.startsWith(distDirectory) && existsSync(onDisk) && statSync(onDisk).isFile();
};

const failures = [];
let checkedReferences = 0;
for (const file of pages) {
  const pagePath = `/${path.relative(distDirectory, file).replaceAll(path.sep, '/')}`.replace(/index\.html$/, '');
  const html = await readFile(file, 'utf8');
  const report = await validator.validateString(html, file);
  for (const result of report.results) {
    for (const message of result.messages) failures.push(`${pagePath}: HTML ${message.ruleId} (line ${message.line}): ${message.message}`);
  }
  for (const problem of pageBasicsProblems(html, pagePath)) failures.push(`${pagePath}: ${problem}`);
  const pageIds = idsOnPage(html);
  for (const reference of new Set(internalReferences(html))) {
    checkedReferences += 1;
    if (!referenceResolves(reference, pagePath, { fileExists, pageIds })) failures.push(`${pagePath}: broken link or asset "${reference}"`);
  }
}

// The tip form's JavaScript budget, in each language (lazily loaded chunks apart).
for (const locale of ['zh', 'mn']) {
  const tipPage = path.join(distDirectory, locale, 'tip', 'index.html');
  if (!existsSync(tipPage)) continue;
  const scripts = pageScripts(distDirectory, await readFile(tipPage, 'utf8'));
  if (scripts.raw > tipFormScriptBudgetBytes) {
    failures.push(`/${locale}/tip/: ${(scripts.raw / 1024).toFixed(1)} KB of JavaScript, over the ${tipFormScriptBudgetBytes / 1024} KB budget (${scripts.files.join(', ')})`);
  }
}

const nuErrors = nuHtmlErrors(distDirectory);
failures.push(...nuErrors);

console.log(`audit: ${pages.length} pages, ${checkedReferences} internal references checked, Nu Html Checker: ${nuErrors.length} errors`);
if (failures.length > 0) {
  console.error(failures.join('\n'));
  console.error(`audit: ${failures.length} problems`);
  process.exit(1);
}
console.log('audit: 0 HTML errors, 0 missing basics, 0 broken internal links');
