// The whole tip form as HTML: used by the static Astro page (TipForm.astro, empty) and by the
// function when it shows the form again with the reader's values and what to fix. One template,
// so both agree. Every interpolation is escaped by the html template.
import type { Locale } from '../../i18n/locales';
import { useTranslations } from '../../i18n';
import type { UiKey } from '../../i18n/schema';
import { html, htmlString, raw, type Markup } from '../../lib/escapedHtml';
import { publicInterestCategories, regions } from '../../lib/taxonomy';
import { evidenceAccept, tipLimits, tipMessageValues, type TipField, type TipFieldErrors } from '../../lib/tips/tipSchema';
import { renderErrorSummary, renderFieldError } from './tipErrors';

export { renderErrorSummary, renderFieldError, tipFieldId } from './tipErrors';

/** What the reader typed, as it arrived (strings), so a form with errors shows it again. */
export type TipFormValues = Partial<Record<string, string>>;

export interface TipFormOptions {
  /** A fresh random key for this form, or empty for the built page (the request layer fills it in for each GET: withFormKey). */
  idempotencyKey?: string;
  /** True when the reader attached files that must be chosen again (browsers cannot refill them). */
  filesDropped?: boolean;
  /** A message for the whole form (e.g. too many submissions), shown in the summary. */
  formMessage?: string;
}

/** Markup helpers of one form's fields: hints and errors tied to each field for assistive technology. */
function fieldHelpers(locale: Locale, errors: TipFieldErrors) {
  const t = useTranslations(locale);
  return {
    aria: (field: TipField, hint = true): Markup => {
      const ids = [hint ? `tip-${field}-hint` : '', errors[field] ? `tip-${field}-error` : ''].filter(Boolean).join(' ');
      return html`${ids ? html` aria-describedby="${ids}"` : ''}${errors[field] ? html` aria-invalid="true"` : ''}`;
    },
    slot: (field: TipField) => html`<div class="field-error-slot" data-error-for="${field}">${raw(renderFieldError(t, field, errors[field]))}</div>`,
    fieldClass: (field: TipField) => `field${errors[field] ? ' field--error' : ''}`,
    optional: html`<span class="optional">${t('tip.optional')}</span>`,
    checked: (condition: boolean) => (condition ? html` checked` : ''),
  };
}

/**
 * The evidence files and the hidden-data choice, as in the tip form; the tipster's reply form on
 * the status page takes the same fields, so both check and clean files alike.
 */
export function renderEvidenceFields(locale: Locale, errors: TipFieldErrors, options: { keepMetadata: boolean; filesDropped?: boolean }): Markup {
  const t = useTranslations(locale);
  const { aria, slot, fieldClass, optional, checked } = fieldHelpers(locale, errors);
  const keepMetadata = options.keepMetadata;
  return html`<div class="${fieldClass('files')}">
<label for="tip-files">${t('tip.files.label')} ${optional}</label>
<p class="hint" id="tip-files-hint">${t('tip.files.hint', tipMessageValues)} <strong>${t('tip.files.locationWarning')}</strong></p>
${options.filesDropped ? html`<p class="notice">${t('tip.files.chooseAgain')}</p>` : ''}
${slot('files')}
<input id="tip-files" name="files" type="file" multiple accept="${evidenceAccept}"${aria('files')}>
<p class="notice" data-file-cleaning role="status" hidden></p>
</div>
<fieldset class="group${errors.metadata ? ' field--error' : ''}"${errors.metadata ? html` aria-describedby="tip-metadata-error"` : ''}>
<legend>${t('tip.metadata.legend')}</legend>
${slot('metadata')}
<div class="choice">
<input type="radio" id="tip-metadata-remove" name="metadata" value="remove"${checked(!keepMetadata)} aria-describedby="tip-metadata-remove-hint">
<label for="tip-metadata-remove">${t('tip.metadata.remove')}</label>
<p class="hint" id="tip-metadata-remove-hint">${t('tip.metadata.removeHint')}</p>
</div>
<div class="choice">
<input type="radio" id="tip-metadata-keep" name="metadata" value="keep"${checked(keepMetadata)} aria-describedby="tip-metadata-keep-hint">
<label for="tip-metadata-keep">${t('tip.metadata.keep')}</label>
<p class="hint" id="tip-metadata-keep-hint">${t('tip.metadata.keepHint')}</p>
</div>
<p class="hint">${t('tip.metadata.heicNote')}</p>
</fieldset>`;
}

/** The form's hidden key: empty on the built page, filled with a fresh one for each reader (withFormKey). */
const formKeyField = (key: string) => htmlString(html`<input type="hidden" name="idempotencyKey" value="${key}">`);

/**
 * The built tip page with its form's key filled in: each GET of the form gets a key of its own, so
 * a double submit of one form stays one tip, with or without JavaScript, while two people's
 * identical tips stay two.
 */
export function withFormKey(pageHtml: string, key: string): string {
  const empty = formKeyField('');
  if (!pageHtml.includes(empty)) throw new Error('The tip page has no empty idempotencyKey field: rebuild the site.');
  return pageHtml.replace(empty, () => formKeyField(key));
}

export function renderTipForm(locale: Locale, values: TipFormValues = {}, errors: TipFieldErrors = {}, options: TipFormOptions = {}): string {
  const t = useTranslations(locale);
  const value = (name: string) => values[name] ?? '';
  const { aria, slot, fieldClass, optional, checked } = fieldHelpers(locale, errors);
  const optionList = (items: ReadonlyArray<{ id: string; label: Record<Locale, string> }>, selected: string | undefined) =>
    items.map((item) => html`<option value="${item.id}"${selected === item.id ? html` selected` : ''}>${item.label[locale]}</option>\n`);
  const identity = values.identity === 'named' ? 'named' : values.identity === 'anonymous' ? 'anonymous' : '';
  // Hidden data is removed unless the reader chose otherwise.
  const keepMetadata = values.metadata === 'keep';
  const contactField = (field: 'name' | 'phone' | 'email', type: string, autocomplete: string) => html`<div class="${fieldClass(field)}">
<label for="tip-${field}">${t(`tip.${field}.label` as UiKey)}</label>
${slot(field)}
<input id="tip-${field}" name="${field}" type="${type}" autocomplete="${autocomplete}" value="${value(field)}"${aria(field, false)}>
</div>`;

  return htmlString(html`<form class="tip-form" method="post" action="/api/tips?lang=${locale}" enctype="multipart/form-data" novalidate data-tip-form data-locale="${locale}">
<div data-error-summary>${raw(renderErrorSummary(t, errors, options.formMessage))}</div>
${raw(formKeyField(options.idempotencyKey ?? ''))}
<div class="${fieldClass('category')}">
<label for="tip-category">${t('tip.category.label')}</label>
${slot('category')}
<select id="tip-category" name="category" required${aria('category', false)}>
<option value="">${t('tip.choose')}</option>
${optionList(publicInterestCategories, values.category)}</select>
</div>
<div class="${fieldClass('description')}">
<label for="tip-description">${t('tip.description.label')}</label>
<p class="hint" id="tip-description-hint">${t('tip.description.hint', tipMessageValues)}</p>
${slot('description')}
<textarea id="tip-description" name="description" rows="8" required minlength="${tipLimits.descriptionMin}" maxlength="${tipLimits.descriptionMax}"${aria('description')}>${value('description')}</textarea>
</div>
<fieldset class="group">
<legend>${t('tip.where.legend')}</legend>
<div class="${fieldClass('region')}">
<label for="tip-region">${t('tip.region.label')}</label>
${slot('region')}
<select id="tip-region" name="region" required${aria('region', false)}>
<option value="">${t('tip.choose')}</option>
${optionList(regions, values.region)}</select>
</div>
<div class="${fieldClass('place')}">
<label for="tip-place">${t('tip.place.label')}</label>
<p class="hint" id="tip-place-hint">${t('tip.place.hint')}</p>
${slot('place')}
<input id="tip-place" name="place" type="text" required maxlength="${tipLimits.placeMax}" value="${value('place')}"${aria('place')}>
</div>
</fieldset>
<div class="${fieldClass('noticedOn')}">
<label for="tip-noticedOn">${t('tip.noticedOn.label')} ${optional}</label>
<p class="hint" id="tip-noticedOn-hint">${t('tip.noticedOn.hint')}</p>
${slot('noticedOn')}
<input id="tip-noticedOn" name="noticedOn" type="date" value="${value('noticedOn')}"${aria('noticedOn')}>
</div>
<div class="${fieldClass('responsible')}">
<label for="tip-responsible">${t('tip.responsible.label')} ${optional}</label>
<p class="hint" id="tip-responsible-hint">${t('tip.responsible.hint')}</p>
${slot('responsible')}
<input id="tip-responsible" name="responsible" type="text" maxlength="${tipLimits.responsibleMax}" value="${value('responsible')}"${aria('responsible')}>
</div>
${renderEvidenceFields(locale, errors, { keepMetadata, filesDropped: options.filesDropped })}
<fieldset class="group${errors.identity ? ' field--error' : ''}"${errors.identity ? html` aria-describedby="tip-identity-error"` : ''}>
<legend>${t('tip.identity.legend')}</legend>
${slot('identity')}
<div class="choice">
<input type="radio" id="tip-identity-anonymous" name="identity" value="anonymous"${checked(identity === 'anonymous')} aria-describedby="tip-identity-anonymous-hint">
<label for="tip-identity-anonymous">${t('tip.identity.anonymous')}</label>
<p class="hint" id="tip-identity-anonymous-hint">${t('tip.identity.anonymousHint')}</p>
</div>
<div class="choice">
<input type="radio" id="tip-identity-named" name="identity" value="named"${checked(identity === 'named')} aria-describedby="tip-identity-named-hint">
<label for="tip-identity-named">${t('tip.identity.named')}</label>
<p class="hint" id="tip-identity-named-hint">${t('tip.identity.namedHint')}</p>
</div>
<div class="contact-fields">
<p class="hint">${t('tip.contact.hint')}</p>
${contactField('name', 'text', 'name')}
${contactField('phone', 'tel', 'tel')}
${contactField('email', 'email', 'email')}
</div>
</fieldset>
<div class="${fieldClass('consent')}">
<p class="hint" id="tip-consent-hint">${t('tip.consent.statement')}</p>
${slot('consent')}
<div class="choice">
<input type="checkbox" id="tip-consent" name="consent" value="yes"${checked(values.consent === 'yes')} required${aria('consent')}>
<label for="tip-consent">${t('tip.consent.label')}</label>
</div>
</div>
<div class="honeypot" aria-hidden="true">
<label for="tip-website">${t('tip.honeypot.label')}</label>
<input id="tip-website" name="website" type="text" tabindex="-1" autocomplete="off" value="">
</div>
<p><button type="submit" class="button">${t('tip.submit')}</button></p>
</form>`);
}
