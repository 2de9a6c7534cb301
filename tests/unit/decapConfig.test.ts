import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { decapConfig, publicationFields, type DecapField } from '../../src/lib/cms/decapConfig';
import { hasOwnText, problemsBeforeSaving, withoutEmptyValues } from '../../src/lib/cms/entryData';
import { plainSchemas, publicationKinds } from '../../src/lib/publications/schemas';
import { categoryIds, regionIds } from '../../src/lib/taxonomy';
import { articleTopics, audiences, caseTypes, figureMeasures } from '../../src/lib/publications/vocabulary';

/** The zod object behind a kind's schema (the notice schema carries refinements around it). */
const shapeOf = (kind: (typeof publicationKinds)[number]) => (plainSchemas[kind] as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
const optional = (schema: z.ZodType) => schema.safeParse(undefined).success;
const fieldsOf = (kind: (typeof publicationKinds)[number]) => new Map(publicationFields(kind).map((field) => [field.name, field]));
const optionValues = (field: DecapField | undefined) => field?.options?.map((option) => option.value);

describe('the CMS configuration generated from the schemas', () => {
  it.each(publicationKinds)('has exactly the fields of a %s, plus the text', (kind) => {
    expect([...fieldsOf(kind).keys()].sort()).toEqual([...Object.keys(shapeOf(kind)), 'body'].sort());
  });

  it.each(publicationKinds)('requires in %s exactly what the schema requires', (kind) => {
    const fields = fieldsOf(kind);
    for (const [name, schema] of Object.entries(shapeOf(kind))) {
      // A field with a default may be left out of the file; the CMS writes the default.
      expect(fields.get(name)!.required, name).toBe(!optional(schema));
    }
  });

  it('offers the same values as the schemas and the data files, labelled in both languages', () => {
    const cases = fieldsOf('cases');
    expect(optionValues(cases.get('region'))).toEqual(regionIds);
    expect(optionValues(cases.get('category'))).toEqual(categoryIds);
    expect(optionValues(cases.get('caseType'))).toEqual([...caseTypes]);
    expect(optionValues(cases.get('figures')!.fields!.find((field) => field.name === 'measure'))).toEqual([...figureMeasures]);
    const articles = fieldsOf('articles');
    expect(optionValues(articles.get('topic'))).toEqual([...articleTopics]);
    expect(articles.get('audience')).toMatchObject({ widget: 'select', multiple: true, min: 1 });
    expect(optionValues(articles.get('audience'))).toEqual([...audiences]);
    expect(cases.get('region')!.options![1]!.label).toMatch(/科尔沁区 · [\u1800-\u18AF]/);
  });

  it('checks what the schemas check: slugs, times, lists that need an entry, numbers', () => {
    const cases = fieldsOf('cases');
    expect(new RegExp(cases.get('translationKey')!.pattern![0]).test('horqin-land-compensation')).toBe(true);
    expect(new RegExp(cases.get('translationKey')!.pattern![0]).test('Horqin Land')).toBe(false);
    expect(cases.get('legalBasis')).toMatchObject({ widget: 'list', min: 1, required: true });
    expect(cases.get('date')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false });
    const notices = fieldsOf('notices');
    const start = notices.get('start')!;
    expect(start).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD HH:mm', picker_utc: false });
    expect(new RegExp(start.pattern![0]).test('2026-12-10 09:30')).toBe(true);
    expect(notices.get('capacity')).toMatchObject({ widget: 'number', value_type: 'int', min: 1 });
    expect(notices.get('timeZone')).toMatchObject({ widget: 'hidden', default: 'Asia/Shanghai' });
    const signUp = notices.get('signUp')!;
    expect(signUp.required).toBe(true);
    expect(new RegExp(signUp.fields!.find((field) => field.name === 'email')!.pattern![0]).test('kaifangri@example.cn')).toBe(true);
  });

  it('translates free text per language and copies facts from the original', () => {
    const cases = fieldsOf('cases');
    for (const name of ['title', 'summary', 'unit', 'body', 'figures', 'legalBasis', 'lang', 'translationStatus', 'translatedFrom', 'draft']) {
      expect(cases.get(name)!.i18n, name).toBe(true);
    }
    for (const name of ['translationKey', 'date', 'region', 'category', 'caseType']) expect(cases.get(name)!.i18n, name).toBe('duplicate');
  });

  it('maps the folders the build reads, one language per folder', () => {
    const config = decapConfig({ name: 'gitea', repo: 'press/site' });
    expect(config.i18n).toEqual({ structure: 'multiple_folders', locales: ['zh', 'mn'], default_locale: 'zh' });
    expect(config.collections.map((collection) => collection.folder)).toEqual(['src/content/cases', 'src/content/notices', 'src/content/articles']);
    expect(config).not.toHaveProperty('local_backend');
    expect(decapConfig({ name: 'test-repo' }, { localBackendUrl: 'http://localhost:8081/api/v1' }).local_backend).toEqual({ url: 'http://localhost:8081/api/v1' });
  });

  it('never turns the editorial workflow on for Gitea, whose Decap backend refuses to start with it', () => {
    expect(decapConfig({ name: 'gitea', repo: 'press/site' }).publish_mode).toBe('simple');
    expect(decapConfig({ name: 'gitea', repo: 'press/site' }, { editorialWorkflow: true }).publish_mode).toBe('simple');
    expect(decapConfig({ name: 'github', repo: 'press/site' }).publish_mode).toBe('editorial_workflow');
    expect(decapConfig({ name: 'forgejo', repo: 'press/site' }, { editorialWorkflow: true }).publish_mode).toBe('editorial_workflow');
    expect(decapConfig({ name: 'github', repo: 'press/site' }, { editorialWorkflow: false }).publish_mode).toBe('simple');
  });
});

describe('the save check in the CMS', () => {
  // As the CMS holds an article: days as text, the text in `body`, a cleared field left empty.
  const article = {
    title: '怎样申请司法救助',
    translationKey: 'how-to-apply',
    lang: 'zh',
    translationStatus: 'original',
    draft: false,
    summary: '一两句话。',
    date: '2025-03-01',
    topic: 'judicial-aid',
    audience: ['general'],
    readingMinutes: 3,
    reviewedBy: '',
    cover: { src: '', alt: '' },
    body: '正文',
  };

  it('accepts what the build accepts, once cleared fields are dropped', () => {
    expect(problemsBeforeSaving('articles', 'zh', 'how-to-apply', article)).toEqual([]);
    expect(withoutEmptyValues(article)).not.toHaveProperty('reviewedBy');
    expect(withoutEmptyValues(article)).not.toHaveProperty('cover');
  });

  it('refuses what the build refuses, naming the pane and the field in Chinese', () => {
    expect(problemsBeforeSaving('articles', 'zh', 'how-to-apply', { ...article, readingMinutes: 0 })).toEqual(['中文原文「阅读时间（分钟）」：必须至少为 1']);
    const translation = { ...article, lang: 'mn', translationStatus: 'reviewed', title: 'ᠭᠠᠷᠴᠠᠭ' };
    expect(problemsBeforeSaving('articles', 'mn', 'how-to-apply', translation)).toEqual([
      expect.stringMatching(/^蒙古文译文「审校人」未填写/),
      expect.stringMatching(/^蒙古文译文「审校日期」未填写/),
    ]);
    expect(problemsBeforeSaving('articles', 'mn', 'how-to-apply', { ...translation, reviewedBy: 'Bater', reviewedOn: '2026-12-01' })).toEqual([]);
  });

  it('writes no file for a language pane nobody wrote in', () => {
    expect(hasOwnText({ lang: 'mn', draft: false, date: '2025-03-01' })).toBe(false);
    expect(hasOwnText({ lang: 'mn', title: 'ᠭᠠᠷᠴᠠᠭ' })).toBe(true);
  });
});
