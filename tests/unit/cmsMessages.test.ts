// What press staff read when the editor refuses to save: Chinese, naming the pane, the field by
// its label and the fix; while the build keeps its English lines naming file, field and fix.
import { describe, expect, it } from 'vitest';
import { problemsBeforeSaving, saveProblems } from '../../src/lib/cms/entryData';
import { chineseFieldName } from '../../src/lib/cms/problemMessages';
import { figureMismatches } from '../../src/lib/publications/figureParity';
import { validateEntry } from '../../src/lib/publications/validateEntry';
import { checkMongolianSources } from '../../src/lib/mongolian/checkSite';

// As the CMS holds a notice: times as text, the text in `body`.
const notice = {
  title: '检察开放日',
  translationKey: 'open-day',
  lang: 'zh',
  translationStatus: 'original',
  draft: false,
  theme: '走进检察院',
  summary: '欢迎参加。',
  date: '2026-11-20',
  start: '2026-12-10 09:30',
  end: '2026-12-10 12:00',
  timeZone: 'Asia/Shanghai',
  place: '会议室',
  address: '通辽市',
  audience: '市民',
  capacity: 40,
  signUp: { phone: '0475-12309' },
  accessibility: '入口无台阶。',
  body: '正文',
};

const caseEntry = {
  title: '征地补偿案',
  translationKey: 'land-case',
  lang: 'zh',
  translationStatus: 'original',
  draft: false,
  summary: '补发了补偿款。',
  date: '2025-05-27',
  unit: '科尔沁区人民检察院',
  region: 'horqin',
  category: 'womens-rights',
  caseType: 'public-interest-litigation',
  figures: [
    { measure: 'people', value: 75, label: '农村妇女' },
    { measure: 'yuan', value: 690000, label: '补偿款' },
  ],
  legalBasis: ['《妇女权益保障法》第五十五条'],
  body: '正文',
};
const caseTranslation = {
  ...caseEntry,
  lang: 'mn',
  translationStatus: 'unreviewed',
  title: 'ᠭᠠᠵᠠᠷ',
  // The same figures, their labels translated.
  figures: caseEntry.figures.map((figure, index) => ({ ...figure, label: ['ᠡᠮᠡᠭᠲᠡᠢ', 'ᠮᠥᠩᠭᠦ'][index]! })),
};

/**
 * A message press staff can read: Chinese, starting with the pane and the field's label (a field
 * the schema does not know has only its name), no English sentence.
 */
const readableByPressStaff = /^(中文原文|蒙古文译文)「([^」]*[\u4e00-\u9fff][^」]*|[a-z]+)」[\s\S]*[\u4e00-\u9fff]/;
const englishWords = /\b(must|missing|field|write|is not|needs|use one of)\b/i;

describe('the save check speaks Chinese to press staff', () => {
  it('names the field and the fix for a cross-field mistake: the end of an open day before its start', () => {
    const problems = problemsBeforeSaving('notices', 'zh', 'open-day', { ...notice, end: '2026-12-10 08:00' });
    expect(problems).toEqual(['中文原文「结束时间（北京时间）」：必须晚于开始时间（2026-12-10 09:30）；请改正结束时间或开始时间']);
    expect(problemsBeforeSaving('notices', 'zh', 'open-day', { ...notice, signUp: { deadline: '2026-12-07 17:00' } })).toEqual([
      '中文原文「报名方式」：需要报名电话或报名电子邮箱：至少填写一项',
    ]);
  });

  it('words every kind of mistake in Chinese, in both panes', () => {
    const broken: Array<[string, Record<string, unknown>]> = [
      ['zh', { ...notice, capacity: 0 }],
      ['zh', { ...notice, capacity: 2.5 }],
      ['zh', { ...notice, start: '12月10日' }],
      ['zh', { ...notice, signUp: { phone: '1', email: 'not-an-address' } }],
      ['zh', { ...notice, translationKey: 'Open Day' }],
      ['zh', { ...notice, theme: '   ' }],
      ['zh', { ...notice, translatedFrom: 'abcdefabcdef' }],
      ['zh', { ...notice, translationStatus: 'unreviewed' }],
      ['zh', { ...notice, timeZone: 'Europe/Paris' }],
      ['zh', { ...notice, color: 'red' }],
      ['mn', { ...notice, lang: 'mn', translationStatus: 'reviewed', title: 'ᠨᠡᠭᠡᠭᠡᠯᠲᠡ' }],
      ['mn', { ...notice, lang: 'mn', translationStatus: 'unreviewed', translatedFrom: 'not-a-code' }],
    ];
    for (const [locale, data] of broken) {
      const problems = problemsBeforeSaving('notices', locale, 'open-day', data);
      expect(problems.length, JSON.stringify(data)).toBeGreaterThan(0);
      for (const problem of problems) {
        expect(problem).toMatch(readableByPressStaff);
        expect(problem).not.toMatch(englishWords);
      }
    }
    expect(problemsBeforeSaving('notices', 'zh', 'open-day', { ...notice, capacity: 0 })).toEqual(['中文原文「名额」：必须至少为 1']);
    expect(problemsBeforeSaving('notices', 'mn', 'open-day', { ...notice, lang: 'mn', translationStatus: 'reviewed', title: 'ᠨᠡᠭᠡᠭᠡᠯᠲᠡ' })).toEqual([
      '蒙古文译文「审校人」未填写：已审校的译文必须写明审校译员的姓名；或把译文状态改回“未审校”',
      '蒙古文译文「审校日期」未填写：已审校的译文必须写明审校日期；或把译文状态改回“未审校”',
    ]);
  });

  it('names a field inside a list by its label and its place', () => {
    expect(chineseFieldName('figures[1].value')).toBe('成效数字 › 第 2 项 › 数值');
    const problems = problemsBeforeSaving('cases', 'zh', 'land-case', { ...caseEntry, figures: [{ measure: 'yuan', value: '69万', label: '补偿款' }] });
    expect(problems).toEqual(['中文原文「成效数字 › 第 1 项 › 数值」：“69万”不是数字；只写数字，不写单位或逗号，例如 690000']);
  });

  it('leaves the build its own lines, naming the file, the field and the fix', () => {
    const { body: _body, ...frontmatter } = notice;
    expect(validateEntry('notices', 'src/content/notices/zh/open-day.mdx', { ...frontmatter, date: new Date('2026-11-20'), end: '2026-12-10 08:00' })).toEqual([
      'src/content/notices/zh/open-day.mdx: field "end": must be after start (2026-12-10 09:30)',
    ]);
  });
});

describe('the figures of a translated case', () => {
  it('are the original figures, in the same order', () => {
    expect(figureMismatches(caseEntry.figures, caseTranslation.figures)).toEqual([]);
    expect(figureMismatches(caseEntry.figures, [caseTranslation.figures[0], { ...caseTranslation.figures[1], value: 69000 }])).toEqual([
      { kind: 'value', index: 1, original: 690000, translation: 69000 },
    ]);
    expect(figureMismatches(caseEntry.figures, [caseTranslation.figures[1], caseTranslation.figures[0]])).toHaveLength(4);
    expect(figureMismatches(caseEntry.figures, undefined)).toEqual([{ kind: 'count', original: 2, translation: 0 }]);
    expect(figureMismatches([], undefined)).toEqual([]);
  });

  it('stop the save in the editor with a Chinese message', () => {
    expect(saveProblems('cases', 'land-case', caseEntry, caseTranslation)).toEqual([]);
    const wrongValue = { ...caseTranslation, figures: [caseTranslation.figures[0], { ...caseTranslation.figures[1], value: 69000 }] };
    expect(saveProblems('cases', 'land-case', caseEntry, wrongValue)).toEqual([
      '蒙古文译文「成效数字 › 第 2 项 › 数值」：译文是 69000，中文原文是 690000；数字必须与原文相同，请改为 690000',
    ]);
    expect(saveProblems('cases', 'land-case', caseEntry, { ...caseTranslation, figures: [] })).toEqual([
      expect.stringMatching(/^蒙古文译文「成效数字」：中文原文有 2 项，译文有 0 项/),
    ]);
    // A Mongolian pane nobody wrote in is no translation, so nothing is compared.
    expect(saveProblems('cases', 'land-case', caseEntry, { lang: 'mn', figures: [] })).toEqual([]);
  });

  it('are checked by npm run check:mongolian, naming the line and what to write', () => {
    const original = [
      '---',
      'title: "征地补偿案"',
      'figures:',
      '  - measure: people',
      '    value: 75',
      '    label: "农村妇女"',
      '  - measure: yuan',
      '    value: 690000',
      '    label: "补偿款"',
      '---',
      '',
      '正文。',
      '',
    ].join('\n');
    const translation = original.replace('征地补偿案', 'ᠭᠠᠵᠠᠷ').replace('农村妇女', 'ᠡᠮᠡᠭᠲᠡᠢ').replace('补偿款', 'ᠮᠥᠩᠭᠦ').replace('正文。', 'ᠪᠢᠴᠢᠭ᠃');
    const check = (mongolian: string) =>
      checkMongolianSources(
        [
          { path: 'src/content/cases/zh/land-case.mdx', content: original },
          { path: 'src/content/cases/mn/land-case.mdx', content: mongolian },
        ],
        [],
      ).filter((finding) => finding.rule === 'figure-differs');
    expect(check(translation)).toEqual([]);
    expect(check(translation.replace('value: 690000', 'value: 69000'))).toEqual([
      expect.objectContaining({ file: 'src/content/cases/mn/land-case.mdx', line: 8, wrong: 'value: 69000', fix: 'value: 690000' }),
    ]);
    expect(check(translation.replace('measure: people', 'measure: cases'))).toEqual([expect.objectContaining({ line: 4, wrong: 'measure: cases', fix: 'measure: people' })]);
  });
});
