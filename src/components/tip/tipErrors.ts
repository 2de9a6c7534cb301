// The tip form's error messages as markup: rendered by the function (in the whole form) and by the
// form's script (after its own check), so a mistake looks the same with or without JavaScript.
// Browser-safe: it takes a translate function and imports no string files.
import type { UiKey } from '../../i18n/schema';
import type { Translate } from '../../i18n/translate';
import { html, htmlString } from '../../lib/escapedHtml';
import { tipFieldOrder, tipMessageValues, type TipField, type TipFieldErrors } from '../../lib/tips/tipSchema';

/** The id of the control a field's error links to (a radio group links to its first choice). */
export const tipFieldId = (field: TipField): string => (field === 'identity' ? 'tip-identity-anonymous' : field === 'metadata' ? 'tip-metadata-remove' : `tip-${field}`);

/** The error summary: a heading and a link to each field with a problem, in form order. */
export function renderErrorSummary(t: Translate, errors: TipFieldErrors, formMessage?: string): string {
  const fields = tipFieldOrder.filter((field) => errors[field]);
  if (fields.length === 0 && !formMessage) return '';
  const items = fields.map((field) => html`<li><a href="#${tipFieldId(field)}">${t(errors[field]!, tipMessageValues)}</a></li>`);
  return htmlString(html`<div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="tip-error-summary-title">
<h2 id="tip-error-summary-title">${t('tip.errorSummary.title')}</h2>
${formMessage ? html`<p>${formMessage}</p>` : ''}${items.length ? html`<ul>${items}</ul>` : ''}
</div>`);
}

/** The message beside one field (empty when the field is fine). */
export function renderFieldError(t: Translate, field: TipField, key: UiKey | undefined): string {
  if (!key) return '';
  return htmlString(html`<p class="field-error" id="tip-${field}-error"><span class="visually-hidden">${t('tip.error.prefix')}</span>${t(key, tipMessageValues)}</p>`);
}
