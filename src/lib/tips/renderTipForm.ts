import type { Locale } from '../../i18n/locales';
import type { UiKey } from '../../i18n/schema';
import { publicInterestCategories, regions } from '../taxonomy';
import { escapeHtml } from './html';
import { translator, type Translate } from './messages';
import { tipFieldOrder, tipLimits, tipMessageValues, type TipField, type TipFieldErrors } from './tipSchema';

/** What the reader typed, as it arrived (strings), so a form with errors shows it again. */
export type TipFormValues = Partial<Record<string, string>>;

export interface TipFormOptions {
  /** A fresh random key for this form, or empty for the static page (the script fills it in). */
  idempotencyKey?: string;
  /** True when the reader attached files that must be chosen again (browsers cannot refill them). */
  filesDropped?: boolean;
  /** A message for the whole form (e.g. too many submissions), shown in the summary. */
  formMessage?: string;
}

export const tipFieldId = (field: TipField): string => (field === 'identity' ? 'tip-identity-anonymous' : `tip-${field}`);

/** The error summary: a heading and a link to each field with a problem, in form order. */
export function renderErrorSummary(locale: Locale, errors: TipFieldErrors, formMessage?: string): string {
  const t = translator(locale);
  const fields = tipFieldOrder.filter((field) => errors[field]);
  if (fields.length === 0 && !formMessage) return '';
  const items = fields
    .map((field) => `<li><a href="#${tipFieldId(field)}">${escapeHtml(t(errors[field]!, tipMessageValues))}</a></li>`)
    .join('');
  return `<div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="tip-error-summary-title">
<h2 id="tip-error-summary-title">${escapeHtml(t('tip.errorSummary.title'))}</h2>
${formMessage ? `<p>${escapeHtml(formMessage)}</p>` : ''}${items ? `<ul>${items}</ul>` : ''}
</div>`;
}

/** The message beside one field (empty when the field is fine). */
export function renderFieldError(locale: Locale, field: TipField, key: UiKey | undefined): string {
  if (!key) return '';
  const t = translator(locale);
  return `<p class="field-error" id="tip-${field}-error"><span class="visually-hidden">${escapeHtml(t('tip.error.prefix'))}</span>${escapeHtml(t(key, tipMessageValues))}</p>`;
}

/**
 * The whole tip form as HTML: used by the static Astro page (empty) and by the function when it
 * shows the form again with the reader's values and what to fix. One renderer, so both agree.
 */
export function renderTipForm(locale: Locale, values: TipFormValues = {}, errors: TipFieldErrors = {}, options: TipFormOptions = {}): string {
  const t = translator(locale);
  const value = (name: string) => escapeHtml(values[name] ?? '');
  const describedBy = (field: TipField, hint: boolean) =>
    [hint ? `tip-${field}-hint` : '', errors[field] ? `tip-${field}-error` : ''].filter(Boolean).join(' ');
  const aria = (field: TipField, hint = true) => {
    const ids = describedBy(field, hint);
    return `${ids ? ` aria-describedby="${ids}"` : ''}${errors[field] ? ' aria-invalid="true"' : ''}`;
  };
  const slot = (field: TipField) => `<div class="field-error-slot" data-error-for="${field}">${renderFieldError(locale, field, errors[field])}</div>`;
  const fieldClass = (field: TipField) => `field${errors[field] ? ' field--error' : ''}`;
  const optional = `<span class="optional">${escapeHtml(t('tip.optional'))}</span>`;
  const option = (id: string, label: string, selected: string | undefined) =>
    `<option value="${escapeHtml(id)}"${selected === id ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  const identity = values.identity === 'named' ? 'named' : values.identity === 'anonymous' ? 'anonymous' : '';
  const checked = (condition: boolean) => (condition ? ' checked' : '');

  return `<form class="tip-form" method="post" action="/api/tips?lang=${locale}" enctype="multipart/form-data" novalidate data-tip-form data-locale="${locale}">
<div data-error-summary>${renderErrorSummary(locale, errors, options.formMessage)}</div>
<input type="hidden" name="idempotencyKey" value="${escapeHtml(options.idempotencyKey ?? '')}">
<div class="${fieldClass('category')}">
<label for="tip-category">${escapeHtml(t('tip.category.label'))}</label>
${slot('category')}
<select id="tip-category" name="category" required${aria('category', false)}>
<option value="">${escapeHtml(t('tip.choose'))}</option>
${publicInterestCategories.map((category) => option(category.id, category.label[locale], values.category)).join('\n')}
</select>
</div>
<div class="${fieldClass('description')}">
<label for="tip-description">${escapeHtml(t('tip.description.label'))}</label>
<p class="hint" id="tip-description-hint">${escapeHtml(t('tip.description.hint', tipMessageValues))}</p>
${slot('description')}
<textarea id="tip-description" name="description" rows="8" required minlength="${tipLimits.descriptionMin}" maxlength="${tipLimits.descriptionMax}"${aria('description')}>${value('description')}</textarea>
</div>
<fieldset class="group">
<legend>${escapeHtml(t('tip.where.legend'))}</legend>
<div class="${fieldClass('region')}">
<label for="tip-region">${escapeHtml(t('tip.region.label'))}</label>
${slot('region')}
<select id="tip-region" name="region" required${aria('region', false)}>
<option value="">${escapeHtml(t('tip.choose'))}</option>
${regions.map((region) => option(region.id, region.label[locale], values.region)).join('\n')}
</select>
</div>
<div class="${fieldClass('place')}">
<label for="tip-place">${escapeHtml(t('tip.place.label'))}</label>
<p class="hint" id="tip-place-hint">${escapeHtml(t('tip.place.hint'))}</p>
${slot('place')}
<input id="tip-place" name="place" type="text" required maxlength="${tipLimits.placeMax}" value="${value('place')}"${aria('place')}>
</div>
</fieldset>
<div class="${fieldClass('noticedOn')}">
<label for="tip-noticedOn">${escapeHtml(t('tip.noticedOn.label'))} ${optional}</label>
<p class="hint" id="tip-noticedOn-hint">${escapeHtml(t('tip.noticedOn.hint'))}</p>
${slot('noticedOn')}
<input id="tip-noticedOn" name="noticedOn" type="date" value="${value('noticedOn')}"${aria('noticedOn')}>
</div>
<div class="${fieldClass('responsible')}">
<label for="tip-responsible">${escapeHtml(t('tip.responsible.label'))} ${optional}</label>
<p class="hint" id="tip-responsible-hint">${escapeHtml(t('tip.responsible.hint'))}</p>
${slot('responsible')}
<input id="tip-responsible" name="responsible" type="text" maxlength="${tipLimits.responsibleMax}" value="${value('responsible')}"${aria('responsible')}>
</div>
<div class="${fieldClass('files')}">
<label for="tip-files">${escapeHtml(t('tip.files.label'))} ${optional}</label>
<p class="hint" id="tip-files-hint">${escapeHtml(t('tip.files.hint', tipMessageValues))} <strong>${escapeHtml(t('tip.files.locationWarning'))}</strong></p>
${options.filesDropped ? `<p class="notice">${escapeHtml(t('tip.files.chooseAgain'))}</p>` : ''}
${slot('files')}
<input id="tip-files" name="files" type="file" multiple accept=".jpg,.jpeg,.png,.webp,.heic,.heif,.pdf,image/jpeg,image/png,image/webp,image/heic,application/pdf"${aria('files')}>
</div>
<fieldset class="group${errors.identity ? ' field--error' : ''}"${errors.identity ? ' aria-describedby="tip-identity-error"' : ''}>
<legend>${escapeHtml(t('tip.identity.legend'))}</legend>
${slot('identity')}
<div class="choice">
<input type="radio" id="tip-identity-anonymous" name="identity" value="anonymous"${checked(identity === 'anonymous')} aria-describedby="tip-identity-anonymous-hint">
<label for="tip-identity-anonymous">${escapeHtml(t('tip.identity.anonymous'))}</label>
<p class="hint" id="tip-identity-anonymous-hint">${escapeHtml(t('tip.identity.anonymousHint'))}</p>
</div>
<div class="choice">
<input type="radio" id="tip-identity-named" name="identity" value="named"${checked(identity === 'named')} aria-describedby="tip-identity-named-hint">
<label for="tip-identity-named">${escapeHtml(t('tip.identity.named'))}</label>
<p class="hint" id="tip-identity-named-hint">${escapeHtml(t('tip.identity.namedHint'))}</p>
</div>
<div class="contact-fields">
<p class="hint">${escapeHtml(t('tip.contact.hint'))}</p>
${contactField(t, 'name', 'text', 'name', value('name'), slot, fieldClass, aria)}
${contactField(t, 'phone', 'tel', 'tel', value('phone'), slot, fieldClass, aria)}
${contactField(t, 'email', 'email', 'email', value('email'), slot, fieldClass, aria)}
</div>
</fieldset>
<div class="${fieldClass('consent')}">
<p class="hint" id="tip-consent-hint">${escapeHtml(t('tip.consent.statement'))}</p>
${slot('consent')}
<div class="choice">
<input type="checkbox" id="tip-consent" name="consent" value="yes"${checked(values.consent === 'yes')} required${aria('consent')}>
<label for="tip-consent">${escapeHtml(t('tip.consent.label'))}</label>
</div>
</div>
<div class="honeypot" aria-hidden="true">
<label for="tip-website">${escapeHtml(t('tip.honeypot.label'))}</label>
<input id="tip-website" name="website" type="text" tabindex="-1" autocomplete="off" value="">
</div>
<p><button type="submit" class="button">${escapeHtml(t('tip.submit'))}</button></p>
</form>`;
}

function contactField(
  t: Translate,
  field: 'name' | 'phone' | 'email',
  type: string,
  autocomplete: string,
  escapedValue: string,
  slot: (field: TipField) => string,
  fieldClass: (field: TipField) => string,
  aria: (field: TipField, hint?: boolean) => string,
): string {
  return `<div class="${fieldClass(field)}">
<label for="tip-${field}">${escapeHtml(t(`tip.${field}.label` as UiKey))}</label>
${slot(field)}
<input id="tip-${field}" name="${field}" type="${type}" autocomplete="${autocomplete}" value="${escapedValue}"${aria(field, false)}>
</div>`;
}
