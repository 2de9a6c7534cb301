// The fields whose value depends on the language pane, set by the CMS rather than typed: the
// language of the file, its translation status, and which version of the original a translation
// was made from. A pane nobody wrote in still gives no file (main.ts skips it).
import { createElement as h, useEffect, useRef, useState } from 'react';
import type { Map as ImmutableMap } from 'immutable';
import { translationHash } from '../lib/publications/translationState';

interface WidgetProps {
  value?: string;
  onChange: (value: string | undefined) => void;
  forID: string;
  classNameWrapper: string;
  locale?: string;
  field: ImmutableMap<string, unknown>;
  getEntry?: () => ImmutableMap<string, unknown>;
  entry?: ImmutableMap<string, unknown>;
}

const defaultLocale = 'zh';

function currentEntry(props: WidgetProps) {
  return (props.getEntry ? props.getEntry() : props.entry)!;
}

const paneLocale = (props: WidgetProps) => props.locale ?? defaultLocale;

/** Keeps the field at `wanted` (also after "copy from ZH" brought the original's value over). */
function useKeptAt(props: WidgetProps, wanted: string) {
  useEffect(() => {
    if (props.value !== wanted) props.onChange(wanted);
  });
}

const note = (props: WidgetProps, text: string, extra: Record<string, string> = {}) =>
  h('p', { id: props.forID, className: props.classNameWrapper, 'data-cms-note': '', ...extra }, text);

/**
 * The editor pane around a field: the nearest ancestor holding several field labels. Decap marks
 * its panes with nothing stable, so the language widget marks its own for admin.css.
 */
function paneAround(element: HTMLElement): HTMLElement | undefined {
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (node.querySelectorAll('label').length > 5) return node;
  }
  return undefined;
}

/** lang: "zh" in the Chinese pane, "mn" in the Mongolian one; marks its pane with the language. */
export function LanguageControl(props: WidgetProps) {
  const locale = paneLocale(props);
  const marker = useRef<HTMLParagraphElement>(null);
  useKeptAt(props, locale);
  useEffect(() => {
    const pane = marker.current && paneAround(marker.current);
    if (!pane) return;
    pane.setAttribute('data-cms-language', locale);
    // The labels stay Chinese; what is typed into the Mongolian pane is Mongolian.
    const markInputs = () => {
      for (const input of pane.querySelectorAll<HTMLElement>('input[type="text"], textarea, [contenteditable="true"]')) input.lang = locale === 'mn' ? 'mn-Mong' : 'zh-CN';
    };
    markInputs();
    const observer = new MutationObserver(markInputs);
    observer.observe(pane, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [locale]);
  return h('p', { id: props.forID, className: props.classNameWrapper, ref: marker, 'data-pane-language': locale }, locale === 'mn' ? '蒙古文 · ᠮᠣᠩᠭᠣᠯ' : '中文');
}

/** translationStatus: "original" in the Chinese pane; unreviewed or reviewed for a translation. */
export function TranslationStatusControl(props: WidgetProps) {
  const isOriginal = paneLocale(props) === defaultLocale;
  const wanted = isOriginal ? 'original' : props.value === 'reviewed' ? 'reviewed' : 'unreviewed';
  useKeptAt(props, wanted);
  if (isOriginal) return note(props, '原文');
  return h(
    'select',
    { id: props.forID, className: props.classNameWrapper, value: wanted, onChange: (event: { target: { value: string } }) => props.onChange(event.target.value) },
    h('option', { value: 'unreviewed' }, '未审校（页面提示读者译文尚未审校）'),
    h('option', { value: 'reviewed' }, '已审校（填写审校人和审校日期）'),
  );
}

/** The hash of the Chinese original as it is in the editor now. */
async function originalHash(props: WidgetProps): Promise<string> {
  const original = currentEntry(props).get('data') as ImmutableMap<string, unknown> | undefined;
  const { body = '', ...frontmatter } = (original?.toJS() ?? {}) as Record<string, unknown>;
  return translationHash(frontmatter, String(body));
}

/**
 * translatedFrom: a new translation gets it when saved (main.ts); an existing one whose original
 * has changed since says so, and the translator confirms with the button once the translation
 * matches the original again.
 */
export function TranslatedFromControl(props: WidgetProps) {
  const isOriginal = paneLocale(props) === defaultLocale;
  const [current, setCurrent] = useState<string>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: props is a new object each render; the hash is worth recomputing only when this pane's value changes.
  useEffect(() => {
    let alive = true;
    void originalHash(props).then((hash) => alive && setCurrent(hash));
    return () => {
      alive = false;
    };
  }, [props.value]);
  if (isOriginal) return note(props, '（仅用于译文）');
  if (!props.value) return note(props, '新译文：保存时记录所依据的原文版本。', { 'data-translation-state': 'new' });
  if (props.value === current) return note(props, '译文与当前中文原文一致。', { 'data-translation-state': 'current' });
  return h(
    'div',
    { id: props.forID, className: props.classNameWrapper, 'data-translation-state': 'outdated' },
    h('p', null, '中文原文在这篇译文之后修改过：译文已过时，网站上会提示读者。请按原文修改译文，然后点击：'),
    h('button', { type: 'button', onClick: () => void originalHash(props).then(props.onChange) }, '译文已与当前原文一致'),
  );
}

const noPreview = () => null;

export const perLanguageControls = {
  'publication-language': LanguageControl,
  'translation-status': TranslationStatusControl,
  'translated-from': TranslatedFromControl,
} as const;

export { noPreview };
