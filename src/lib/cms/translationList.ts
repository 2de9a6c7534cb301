// What the editor's lists say about each publication's Mongolian translation: the translation
// report (src/lib/publications/translationFiles.ts, served as /admin/translations.json), in Chinese.
import type { TranslationState } from '../publications/translationState';

/** /admin/translations.json: the report, when it was made, and whether it is read live from the files. */
export interface TranslationListReport {
  asOf: string;
  live: boolean;
  publications: Array<{
    kind: string;
    slug: string;
    state: TranslationState;
    tracked: boolean;
    draft: boolean | null;
    reviewedBy: string | null;
    reviewedOn: string | null;
    originalChangedAt: string | null;
  }>;
}

export const stateLabels: Record<TranslationState, string> = {
  missing: '无蒙古文译文',
  unreviewed: '蒙古文未审校',
  reviewed: '蒙古文已审校',
  outdated: '蒙古文已过时',
};

const beijingMinute = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(new Date(iso));
const beijingDay = (iso: string) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium' }).format(new Date(iso));

/** The badge of one publication: its state, and the details a press officer acts on. */
export function badgeFor(row: TranslationListReport['publications'][number]): { text: string; details: string } {
  const details: string[] = [];
  if (row.state === 'outdated' && row.originalChangedAt) details.push(`中文原文 ${beijingDay(row.originalChangedAt)} 修改过，请按原文更新译文`);
  if (row.state === 'reviewed') details.push(`审校：${row.reviewedBy ?? ''}，${row.reviewedOn ?? ''}`);
  if (row.state === 'missing') details.push('蒙古文读者看到中文原文和提示');
  if (row.state !== 'missing' && !row.tracked) details.push('未记录所依据的原文版本，无法判断是否过时');
  if (row.draft) details.push('译文是草稿，尚未发布');
  return { text: stateLabels[row.state], details: details.join('；') };
}

/** How fresh the states are: live from the files, or as of the last build of the site. */
export function freshnessNote(report: Pick<TranslationListReport, 'asOf' | 'live'>): string {
  if (report.live) return '蒙古文译文状态：实时，读自本机文件';
  return `蒙古文译文状态：截至 ${beijingMinute(report.asOf)}（北京时间）网站构建时；之后保存的内容，下次构建后才显示在这里`;
}
