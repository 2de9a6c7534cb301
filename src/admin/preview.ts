// The preview pane: a publication as the site lays it out, in the language of the pane shown, so
// Mongolian runs in vertical columns in the shipped web font exactly as readers get it.
import { createElement as h, type ReactNode } from 'react';
import type { Map as ImmutableMap } from 'immutable';
import { formatDate } from '../lib/formatDate';
import { categoryLabel, regionLabel } from '../lib/taxonomy';
import zhStrings from '../i18n/zh.json';
import mnStrings from '../i18n/mn.json';

interface PreviewProps {
  entry: ImmutableMap<string, unknown>;
  widgetFor: (name: string) => ReactNode;
}

type Locale = 'zh' | 'mn';
const uiStrings: Record<Locale, Record<string, string>> = { zh: zhStrings, mn: mnStrings };
const uiString = (locale: Locale, key: string) => uiStrings[locale][key] ?? key;

function dayOf(value: unknown, locale: Locale): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return '';
  return formatDate(new Date(`${value.slice(0, 10)}T00:00:00+08:00`), locale);
}

const fact = (term: string, detail: ReactNode) => (detail ? h('div', { key: term }, h('dt', null, term), h('dd', null, detail)) : null);

/** One preview template for the three kinds: the fields a kind lacks are simply absent. */
export function PublicationPreview({ entry, widgetFor }: PreviewProps) {
  const data = (entry.get('data') as ImmutableMap<string, unknown> | undefined)?.toJS() as Record<string, unknown> | undefined;
  const locale: Locale = data?.lang === 'mn' ? 'mn' : 'zh';
  const text = (key: string) => (typeof data?.[key] === 'string' ? (data[key] as string) : '');
  const legalBasis = Array.isArray(data?.legalBasis) ? (data.legalBasis as string[]) : [];
  return h(
    'div',
    { className: `preview-page preview-${locale}`, lang: locale === 'mn' ? 'mn-Mong' : 'zh-CN', 'data-preview-language': locale },
    h(
      'article',
      { className: 'publication' },
      h('h1', null, text('title') || text('theme')),
      h(
        'dl',
        { className: 'facts' },
        fact(uiString(locale, 'date.published'), dayOf(data?.date, locale)),
        fact(uiString(locale, 'cases.unit'), text('unit')),
        fact(uiString(locale, 'cases.region'), text('region') && regionLabel(text('region'), locale)),
        fact(uiString(locale, 'cases.category'), text('category') && categoryLabel(text('category'), locale)),
      ),
      text('summary') && h('p', { className: 'lead' }, text('summary')),
      widgetFor('body'),
      legalBasis.length > 0 && h('h2', null, uiString(locale, 'cases.legalBasis')),
      legalBasis.length > 0 && h('ul', null, ...legalBasis.map((law, index) => h('li', { key: index }, law))),
    ),
  );
}
