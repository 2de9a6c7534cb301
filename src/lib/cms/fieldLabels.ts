// What press staff read in the CMS beside each field: the label and a hint, in Chinese (the press
// office's working language), plus how to show free text. The rules themselves (required,
// patterns, allowed values) are not here: they come from the schemas (decapConfig.ts).
import type { PublicationKind } from '../publications/schemas';

export interface FieldLabel {
  label: string;
  hint?: string;
  /** Free text shown as a multi-line box instead of a one-line input. */
  multiline?: boolean;
}

export const collectionLabels: Record<PublicationKind, { label: string; singular: string }> = {
  cases: { label: '典型案例', singular: '典型案例' },
  notices: { label: '检察开放日', singular: '开放日通知' },
  articles: { label: '普法文章', singular: '普法文章' },
};

/** Field labels by field name (a nested field by "parent.child"); the same name means the same thing in every kind. */
export const fieldLabels: Record<string, FieldLabel> = {
  title: { label: '标题', hint: '读者在列表和页面上看到的标题' },
  translationKey: {
    label: '文件名（网址）',
    hint: '小写字母、数字和连字符，例如 horqin-river-cleanup；中文和蒙古文共用，保存后不能再改',
  },
  lang: { label: '语言' },
  translationStatus: { label: '译文状态', hint: '中文是原文；蒙古文译文经合格译员审校后才选“已审校”' },
  translatedFrom: { label: '译自原文版本', hint: '保存译文时由系统记录；原文修改后，页面会提示译文已过时' },
  reviewedBy: { label: '审校人', hint: '已审校的译文必填：审校译员的姓名，会显示在页面上' },
  reviewedOn: { label: '审校日期', hint: '已审校的译文必填' },
  draft: { label: '草稿（不发布）', hint: '打开时不在网站上显示' },
  summary: { label: '摘要', hint: '一两句话', multiline: true },
  date: { label: '发布日期', hint: '日期晚于今天的内容在该日期后的第一次构建时才发布' },
  unit: { label: '承办检察院' },
  region: { label: '地区' },
  category: { label: '公益诉讼领域' },
  caseType: { label: '案件类型' },
  figures: { label: '成效数字', hint: '以数字说明办案成效；没有可以不填' },
  'figures.measure': { label: '单位' },
  'figures.value': { label: '数值', hint: '只写数字，例如 690000，不写“69万”或逗号' },
  'figures.label': { label: '说明', hint: '这个数字统计的是什么，例如 补发的征地补偿款' },
  legalBasis: { label: '法律依据', hint: '每条一行：法律名称和条款' },
  tags: { label: '标签' },
  cover: { label: '封面图片' },
  'cover.src': { label: '图片文件', hint: 'JPEG 或 PNG，宽度至少 1200 像素' },
  'cover.alt': { label: '图片说明（替代文字）', hint: '盲人读者听到的内容：图片上是什么' },
  theme: { label: '主题' },
  start: { label: '开始时间（北京时间）', hint: '例如 2026-12-10 09:30' },
  end: { label: '结束时间（北京时间）', hint: '必须晚于开始时间' },
  timeZone: { label: '时区' },
  place: { label: '地点' },
  address: { label: '地址' },
  audience: { label: '参加对象 / 适合读者' },
  capacity: { label: '名额', hint: '整数，例如 40' },
  signUp: { label: '报名方式', hint: '电话和电子邮箱至少填一项' },
  'signUp.phone': { label: '报名电话' },
  'signUp.email': { label: '报名电子邮箱' },
  'signUp.deadline': { label: '报名截止时间（北京时间）', hint: '例如 2026-12-07 17:00' },
  'signUp.note': { label: '报名须知', multiline: true },
  accessibility: { label: '无障碍信息', hint: '轮椅通行、为盲人或聋人提供的帮助', multiline: true },
  topic: { label: '主题' },
  readingMinutes: { label: '阅读时间（分钟）' },
  relatedCases: { label: '相关案例', hint: '案例的文件名，例如 horqin-land-compensation' },
  body: { label: '正文' },
};

/** Labels of the fixed values that have no UI string on the site. */
export const figureMeasureLabels: Record<string, string> = {
  yuan: '元',
  people: '人',
  mu: '亩',
  cases: '件',
  items: '项',
  percent: '百分比',
};
