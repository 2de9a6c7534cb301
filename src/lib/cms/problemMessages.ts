// What the editor says when it refuses to save: the build's problems (validateEntry.ts), worded in
// Chinese for press staff, naming the pane, the field by its label and the fix. The press office
// works in Chinese, so the Mongolian pane's messages are Chinese too. The build keeps its own
// wording (file, field, fix) for the people who read its log.
import type { z } from 'zod';
import type { FigureMismatch } from '../publications/figureParity';
import type { PublicationKind } from '../publications/schemas';
import { slugPattern, translationHashPattern } from '../publications/schemas';
import type { EntryProblem } from '../publications/validateEntry';
import { collectionLabels, fieldLabels, figureMeasureLabels } from './fieldLabels';

const paneNames: Record<string, string> = { zh: '中文原文', mn: '蒙古文译文' };

/** "figures[0].value" → "figures.value", the key of its label. */
const labelKey = (field: string) => field.replaceAll(/\[\d+\]/g, '');

/**
 * A field as press staff see it in the editor.
 * @example chineseFieldName('figures[0].value') // '成效数字 › 第 1 项 › 数值'
 */
export function chineseFieldName(field: string): string {
  const parts: string[] = [];
  let path = '';
  for (const segment of field.split('.')) {
    const [, name = segment, index] = /^([^[]*)(?:\[(\d+)\])?$/.exec(segment) ?? [];
    path = path ? `${path}.${name}` : name;
    parts.push(fieldLabels[path]?.label ?? name);
    if (index !== undefined) parts.push(`第 ${Number(index) + 1} 项`);
  }
  return parts.join(' › ');
}

const localTimeExample = '请写成 2026-12-10 09:30（北京时间）';
/** Patterns of the schemas by what they ask for; a pattern not listed gets the field's hint. */
const patternFixes: Array<[string, string]> = [
  [String(slugPattern), '只能用小写字母、数字和连字符，例如 horqin-river-cleanup'],
  [String(translationHashPattern), '不是系统记录的原文版本；不要手动填写，请在蒙古文一栏点击“译文已与当前原文一致”'],
  [String(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/), localTimeExample],
];

const quoted = (value: unknown) => `“${value instanceof Date ? value.toISOString().slice(0, 10) : String(value)}”`;

/** What is wrong and what to do, for one zod issue on a field whose hint is `hint`. */
function schemaIssueText(issue: z.core.$ZodIssue, value: unknown, hint: string | undefined): string {
  const withHint = (text: string) => (hint ? `${text}；${hint}` : text);
  switch (issue.code) {
    case 'custom':
      return typeof issue.params?.zh === 'string' ? issue.params.zh : withHint('不符合要求');
    case 'invalid_type':
      if (value === undefined || value === null) return withHint('未填写，请填写');
      if (issue.expected === 'int') return `${quoted(value)}不是整数；请写整数，例如 40`;
      if (issue.expected === 'number') return `${quoted(value)}不是数字；只写数字，不写单位或逗号，例如 690000`;
      if (issue.expected === 'date') return `${quoted(value)}不是日期；请在日历中选择，或写成 2025-05-27`;
      if (issue.expected === 'string' && value instanceof Date) return localTimeExample;
      return withHint('格式不对');
    case 'invalid_value':
      return issue.values.length === 1 ? `必须是 ${String(issue.values[0])}` : `${quoted(value)}不是可选的值；请从列表中选择`;
    case 'too_small':
      if (issue.origin === 'string') return withHint('不能为空，请填写');
      if (issue.origin === 'array') return withHint(`至少要填 ${issue.minimum} 项`);
      if (Number(issue.minimum) === 0) return issue.inclusive ? '不能是负数' : '必须至少为 1';
      return `不能小于 ${issue.minimum}`;
    case 'too_big':
      return `不能大于 ${issue.maximum}`;
    case 'invalid_format':
      if (issue.format === 'email') return `${quoted(value)}不是电子邮箱地址；例如 kaifangri@example.cn`;
      return patternFixes.find(([pattern]) => pattern === issue.pattern)?.[1] ?? withHint(`${quoted(value)}格式不对`);
    default:
      return withHint('不符合要求');
  }
}

/** One problem, Chinese, without the pane: "「标题」：未填写，请填写…". */
export function chineseProblemText(kind: PublicationKind, problem: EntryProblem): string {
  const field = `「${chineseFieldName(problem.field)}」`;
  switch (problem.source) {
    case 'schema':
      return `${field}：${schemaIssueText(problem.issue, problem.value, fieldLabels[labelKey(problem.field)]?.hint)}`;
    case 'not-a-field':
      return `${field}不是${collectionLabels[kind].singular}的字段；请删除它`;
    case 'lang-folder':
      return `${field}是 ${problem.lang}，与所在的 ${problem.folder} 文件夹不符；请关闭后重新打开这篇内容再保存`;
    case 'key-file-name':
      return `${field}是“${problem.key}”，但文件名是“${problem.fileName}”；两者必须相同，中文和蒙古文版本才能对应`;
    case 'original-status':
      return `${field}：中文是原文，只能是“原文”`;
    case 'translation-only':
      return `${field}只用于译文；请从中文原文中删除`;
    case 'review-missing':
      return `${field}未填写：已审校的译文必须写明${problem.field === 'reviewedBy' ? '审校译员的姓名' : '审校日期'}；或把译文状态改回“未审校”`;
  }
}

const figureValue = (value: unknown) => (typeof value === 'string' ? (figureMeasureLabels[value] ?? value) : String(value));

/** A figure of the translation that is not the original's, Chinese. */
export function chineseFigureMismatch(mismatch: FigureMismatch): string {
  if (mismatch.kind === 'count') {
    return `「成效数字」：中文原文有 ${mismatch.original} 项，译文有 ${mismatch.translation} 项；请用“用其他语言进行填充”从中文复制，再翻译说明`;
  }
  const part = mismatch.kind === 'value' ? '数值' : '单位';
  return `「成效数字 › 第 ${mismatch.index + 1} 项 › ${part}」：译文是 ${figureValue(mismatch.translation)}，中文原文是 ${figureValue(mismatch.original)}；数字必须与原文相同，请改为 ${figureValue(mismatch.original)}`;
}

/** A problem with its pane: "中文原文「结束时间（北京时间）」：必须晚于开始时间…". */
export const inPane = (locale: string, text: string) => `${paneNames[locale] ?? locale}${text}`;
