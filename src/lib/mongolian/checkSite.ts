import { checkMongolianText, type TextFinding } from './checkText.ts';
import { missingFacts, missingSections, termsTranslatedOtherwise, type MissingFinding, type Term } from './compareTranslation.ts';
import { headingsOfMdx, stringsOfJson, textLinesOfMdx } from './sourceText.ts';

/** One mistake for press staff: where it is, what is written, what to write instead. */
export interface Finding {
  file: string;
  line: number;
  rule: TextFinding['rule'] | MissingFinding['rule'];
  wrong: string;
  fix: string;
  message: string;
}

export interface SourceFile {
  /** Path from the project root, with forward slashes. */
  path: string;
  content: string;
}

const hasMongolian = /[\u1820-\u18AA]/u;
const mongolianPublication = /^src\/content\/([^/]+)\/mn\/([^/]+\.mdx?)$/u;

function textFindings(file: string, lines: { line: number; text: string }[]): Finding[] {
  return lines.flatMap(({ line, text }) => checkMongolianText(text).map((found) => ({ file, line, rule: found.rule, wrong: found.wrong, fix: found.fix, message: found.message })));
}

function translationFindings(file: string, missing: MissingFinding[], originalFile: string, line: number): Finding[] {
  return missing.map((found) => ({
    file,
    line,
    rule: found.rule,
    wrong: `${originalFile}:${found.originalLine}: ${found.original}`,
    fix: found.fix,
    message: found.message,
  }));
}

function checkPublication(file: SourceFile, original: SourceFile | undefined, terms: readonly Term[]): Finding[] {
  const lines = textLinesOfMdx(file.content);
  const findings = textFindings(file.path, lines);
  if (!original) return findings;
  const originalLines = textLinesOfMdx(original.content);
  const headings = headingsOfMdx(file.content);
  const firstBodyLine = lines.find((line) => line.part === 'body')?.line ?? 1;
  findings.push(...translationFindings(file.path, missingFacts(originalLines, lines), original.path, firstBodyLine));
  findings.push(...translationFindings(file.path, termsTranslatedOtherwise(originalLines, lines, terms), original.path, firstBodyLine));
  const sectionGaps = missingSections(headingsOfMdx(original.content), headings);
  findings.push(...translationFindings(file.path, sectionGaps, original.path, headings.at(-1)?.line ?? firstBodyLine));
  return findings;
}

/** UI strings: each Mongolian string is checked, and against its Chinese twin for terms. */
function checkUiStrings(file: SourceFile, chinese: SourceFile | undefined, terms: readonly Term[]): Finding[] {
  const strings = stringsOfJson(file.content).filter((entry) => hasMongolian.test(entry.text));
  const findings = textFindings(file.path, strings);
  if (!chinese) return findings;
  const chineseByKey = new Map(stringsOfJson(chinese.content).map((entry) => [entry.path.join('.'), entry]));
  for (const entry of strings) {
    const twin = chineseByKey.get(entry.path.join('.'));
    if (!twin) continue;
    const gaps = termsTranslatedOtherwise([{ line: twin.line, text: twin.text }], [entry], terms);
    findings.push(...translationFindings(file.path, gaps, chinese.path, entry.line));
  }
  return findings;
}

/** Data files: Mongolian values (key "mn"), checked against their "zh" sibling for terms. */
function checkDataFile(file: SourceFile, terms: readonly Term[]): Finding[] {
  const strings = stringsOfJson(file.content);
  const isTerminology = file.path.endsWith('/terminology.json');
  const mongolian = strings.filter((entry) => hasMongolian.test(entry.text) && (!isTerminology || entry.path.at(-1) === 'mn'));
  const findings = textFindings(file.path, mongolian);
  if (isTerminology) return findings;
  const byPath = new Map(strings.map((entry) => [entry.path.join('.'), entry]));
  for (const entry of mongolian) {
    if (entry.path.at(-1) !== 'mn') continue;
    const twin = byPath.get([...entry.path.slice(0, -1), 'zh'].join('.'));
    if (!twin) continue;
    const gaps = termsTranslatedOtherwise([{ line: twin.line, text: twin.text }], [entry], terms);
    findings.push(...translationFindings(file.path, gaps, file.path, entry.line));
  }
  return findings;
}

/**
 * Every finding in the Mongolian sources: publications in src/content/<kind>/mn/ (against their
 * Chinese originals), src/i18n/mn.json (against zh.json) and the Mongolian values in src/data/.
 */
export function checkMongolianSources(files: readonly SourceFile[], terms: readonly Term[]): Finding[] {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const findings: Finding[] = [];
  for (const file of files) {
    const publication = mongolianPublication.exec(file.path);
    if (publication) {
      findings.push(...checkPublication(file, byPath.get(`src/content/${publication[1]}/zh/${publication[2]}`), terms));
    } else if (file.path === 'src/i18n/mn.json') {
      findings.push(...checkUiStrings(file, byPath.get('src/i18n/zh.json'), terms));
    } else if (/^src\/data\/[^/]+\.json$/u.test(file.path)) {
      findings.push(...checkDataFile(file, terms));
    }
  }
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** One line for a terminal: U+202F shown as ⍽ so the reader sees which space is which. */
export function formatFinding(finding: Finding): string {
  const visible = (text: string) => text.replaceAll('\u202F', '⍽');
  return `${finding.file}:${finding.line}: [${finding.rule}] ${finding.message}\n    written: ${visible(finding.wrong)}\n    write:   ${visible(finding.fix)}`;
}
