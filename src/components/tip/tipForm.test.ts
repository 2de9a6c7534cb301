// The tip form component: what a reader typed comes back as text, never as markup, in the form the
// function renders again and in the messages the script shows.
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { useTranslations } from '../../i18n';
import { renderErrorSummary, renderFieldError, renderTipForm } from './tipFormTemplate';

const payload = `"><script>alert(1)</script><textarea>'&`;

describe('the tip form template', () => {
  it('shows every typed value again as exactly what was typed, with no element made from it', () => {
    const form = parse(
      renderTipForm('zh', {
        description: payload,
        place: payload,
        responsible: payload,
        name: payload,
        phone: payload,
        email: payload,
        noticedOn: payload,
        category: payload,
        region: payload,
      }),
    );
    expect(form.querySelectorAll('script')).toHaveLength(0);
    expect(form.querySelector('textarea#tip-description')!.text).toBe(payload);
    for (const field of ['place', 'responsible', 'name', 'phone', 'email', 'noticedOn']) {
      expect(form.querySelector(`#tip-${field}`)!.getAttribute('value'), field).toBe(payload);
    }
    // An unknown category or region selects nothing rather than adding an option.
    expect(form.querySelectorAll('option[selected]')).toHaveLength(0);
  });

  it('keeps a fresh idempotency key and a form message as text', () => {
    const form = parse(renderTipForm('mn', {}, {}, { idempotencyKey: payload, formMessage: payload }));
    expect(form.querySelector('input[name="idempotencyKey"]')!.getAttribute('value')).toBe(payload);
    expect(form.querySelector('.error-summary p')!.text).toBe(payload);
    expect(form.querySelectorAll('script')).toHaveLength(0);
  });

  it('offers the choice about hidden data, "remove" unless the reader chose "keep"', () => {
    const checkedChoice = (values: Record<string, string>) => parse(renderTipForm('zh', values)).querySelector('input[name="metadata"][checked]')!.getAttribute('value');
    expect(checkedChoice({})).toBe('remove');
    expect(checkedChoice({ metadata: payload })).toBe('remove');
    expect(checkedChoice({ metadata: 'keep' })).toBe('keep');
    for (const locale of ['zh', 'mn'] as const) {
      const labels = parse(renderTipForm(locale))
        .querySelectorAll('label[for^="tip-metadata-"]')
        .map((label) => label.text);
      expect(labels).toEqual([useTranslations(locale)('tip.metadata.remove'), useTranslations(locale)('tip.metadata.keep')]);
    }
  });

  it('renders the messages the script shows with the strings the page hands it', () => {
    const t = useTranslations('mn');
    const pageStrings = useTranslations('mn').pick('tip.error', 'tip.metadata.clean');
    expect(Object.keys(pageStrings).every((key) => key.startsWith('tip.'))).toBe(true);
    const summary = parse(renderErrorSummary(t, { files: 'tip.error.heicNotCleaned' }, payload));
    expect(summary.querySelector('a[href="#tip-files"]')!.text).toBe(t('tip.error.heicNotCleaned'));
    expect(summary.querySelector('p')!.text).toBe(payload);
    expect(parse(renderFieldError(t, 'metadata', 'tip.error.metadata')).querySelector('#tip-metadata-error')!.text).toContain(t('tip.error.metadata'));
  });
});
