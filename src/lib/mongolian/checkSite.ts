import { parseFrontmatter } from 'astro/markdown';
import { figureMismatches, type FigureMismatch } from '../publications/figureParity.ts';
import { checkMongolianText, type TextFinding } from './checkText.ts';
import { missingFacts, missingSections, termsTranslatedOtherwise, type MissingFinding, type Term } from './compareTranslation.ts';
import { headingsOfMdx, stringsOfJson, textLinesOfMdx } from './sourceText.ts';

/** One mistake for press staff: where it is, what is written, what to write instead. */
export interface Finding {
  file: string;
  line: number;
  rule: TextFinding['rule'] | MissingFinding['rule'] | 'figure-differs';
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

/** The header's figures, read as the build reads them; none when the header does not parse. */
function figuresOf(source: string): unknown {
  try {
    return (parseFrontmatter(source).frontmatter as Record<string, unknown>).figures;
  } catch {
    return undefined;
  }
}

/** The line of the translation's figures field (or of the n-th figure's value), for the finding. */
function figureLine(source: string, mismatch: FigureMismatch): number {
  const lines = source.split(/\r?\n/u);
  const figuresAt = lines.findIndex((line) => /^figures:/u.test(line));
  if (figuresAt < 0) return 1;
  if (mismatch.kind === 'count') return figuresAt + 1;
  let seen = -1;
  for (let index = figuresAt + 1; index < lines.length && /^\s/u.test(lines[index]!); index += 1) {
    if (/^\s*-\s/u.test(lines[index]!)) seen += 1;
    if (seen === mismatch.index && new RegExp(`^\\s*(?:-\\s+)?${mismatch.kind}:`, 'u').test(lines[index]!)) return index + 1;
  }
  return figuresAt + 1;
}

/** A case's figures are facts: the translation has the original's, in the same order. */
function figureFindings(file: SourceFile, original: SourceFile): Finding[] {
  return figureMismatches(figuresOf(original.content), figuresOf(file.content)).map((mismatch) => {
    const line = figureLine(file.content, mismatch);
    if (mismatch.kind === 'count') {
      return {
        file: file.path,
        line,
        rule: 'figure-differs' as const,
        wrong: `${mismatch.translation} figure(s)`,
        fix: `the ${mismatch.original} figure(s) of ${original.path}, in its order, with the labels translated`,
        message: `the original has ${mismatch.original} figure(s), the translation ${mismatch.translation}`,
      };
    }
    return {
      file: file.path,
      line,
      rule: 'figure-differs' as const,
      wrong: `${mismatch.kind}: ${String(mismatch.translation)}`,
      fix: `${mismatch.kind}: ${String(mismatch.original)}`,
      message: `figure ${mismatch.index + 1} has ${mismatch.kind} ${String(mismatch.translation)} but the original (${original.path}) has ${String(mismatch.original)}; figures are the same in both languages`,
    };
  });
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
  if (file.path.startsWith('src/content/cases/')) findings.push(...figureFindings(file, original));
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
