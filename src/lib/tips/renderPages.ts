import { localizedPath, type Locale } from '../../i18n/locales';
import { useTranslations } from '../../i18n';
import { formatDate } from '../formatDate';
import { decodeEntities } from '../htmlEntities';
import { html, htmlString } from '../escapedHtml';
import type { TipStatus } from './storage';

/** The acknowledgement deadline staff work to unless TIP_ACKNOWLEDGE_DAYS says otherwise (staff/config.ts). */
export const defaultAcknowledgeDays = 7;

/** Marks, written by the static tip pages, around the part the function replaces. */
export const shellStart = '<!--tip-area-->';
export const shellEnd = '<!--/tip-area-->';

/**
 * A built page with its tip area and title replaced, marked not to be indexed. The layout
 * (header, navigation, fonts, styles) stays Astro's, so the function never copies it.
 * `areaHtml` is markup rendered by our own templates.
 */
export function fillShell(shellHtml: string, areaHtml: string, title: (builtTitle: string) => string): string {
  const start = shellHtml.indexOf(shellStart);
  const end = shellHtml.indexOf(shellEnd);
  if (start < 0 || end < start) throw new Error('The tip page shell has no <!--tip-area--> marks: rebuild the site.');
  const filled = shellHtml.slice(0, start + shellStart.length) + areaHtml + shellHtml.slice(end);
  return filled
    .replace(/<title>([^<]*)<\/title>/, (_whole, builtTitle: string) => htmlString(html`<title>${title(decodeEntities(builtTitle))}</title>`))
    .replace('</head>', '<meta name="robots" content="noindex"></head>');
}

/**
 * The confirmation: the receipt code once, how to keep it, when to come back (staff may ask a
 * question by then: the acknowledgement deadline), what happens next.
 */
export function renderConfirmation(locale: Locale, code: string, receivedAt: Date, acknowledgeDays = defaultAcknowledgeDays): string {
  const t = useTranslations(locale);
  const comeBackBy = new Date(receivedAt.getTime() + acknowledgeDays * 86_400_000);
  return htmlString(html`<h1>${t('tip.received.title')}</h1>
<section class="receipt" aria-labelledby="tip-receipt-title">
<h2 id="tip-receipt-title">${t('tip.received.receiptTitle')}</h2>
<p>${t('tip.received.codeLabel')}</p>
<p class="receipt-code" translate="no" data-receipt-code>${code}</p>
<p>${t('tip.received.dateLabel')} <time datetime="${receivedAt.toISOString()}">${formatDate(receivedAt, locale)}</time></p>
<h3>${t('tip.received.comeBackTitle')}</h3>
<p>${t('tip.received.comeBackBody')} <time datetime="${comeBackBy.toISOString()}" data-come-back-by>${formatDate(comeBackBy, locale)}</time></p>
<p class="receipt-note">${t('tip.received.printNote')}</p>
</section>
<section class="keep-code" aria-labelledby="tip-keep-title">
<h2 id="tip-keep-title">${t('tip.received.keepTitle')}</h2>
<p>${t('tip.received.keepBody')}</p>
<form method="get" action="${localizedPath(locale, '/tip/status/')}#saved">
<div class="choice">
<input type="checkbox" id="tip-saved" name="saved" value="yes" required>
<label for="tip-saved">${t('tip.received.savedLabel')}</label>
</div>
<p><button type="submit" class="button">${t('tip.received.savedButton')}</button></p>
</form>
</section>
<section aria-labelledby="tip-next-title">
<h2 id="tip-next-title">${t('tip.received.nextTitle')}</h2>
<p>${t('tip.received.nextBody')}</p>
</section>`);
}

/** Shown when the confirmation is opened again: the code is shown only once. */
export function renderConfirmationGone(locale: Locale): string {
  const t = useTranslations(locale);
  return htmlString(html`<h1>${t('tip.received.goneTitle')}</h1>
<p>${t('tip.received.goneBody')}</p>
<p><a href="${localizedPath(locale, '/tip/status/')}">${t('tip.status.title')}</a></p>`);
}

/** The answer to a status question: the status and its date, never the tip's content. */
export function renderStatusResult(locale: Locale, result: { status: TipStatus; changedAt: Date } | undefined): string {
  const t = useTranslations(locale);
  const again = html`<p><a href="${localizedPath(locale, '/tip/status/')}">${t('tip.status.again')}</a></p>`;
  if (!result) {
    return htmlString(html`<h1>${t('tip.status.resultTitle')}</h1>
<div class="error-summary" role="alert" tabindex="-1" autofocus><p>${t('tip.status.notFound')}</p></div>${again}`);
  }
  return htmlString(html`<h1>${t('tip.status.resultTitle')}</h1>
<dl class="status-result">
<dt>${t('tip.status.statusLabel')}</dt><dd data-tip-status="${result.status}">${t(`tip.status.value.${result.status}`)}</dd>
<dt>${t('tip.status.sinceLabel')}</dt><dd><time datetime="${result.changedAt.toISOString()}">${formatDate(result.changedAt, locale)}</time></dd>
</dl>
<p>${t(`tip.status.explain.${result.status}`)}</p>${again}`);
}

/** A page for a request the form could not have sent as it is (too large, wrong type, broken). */
export function renderProblem(locale: Locale, title: string, body: string): string {
  return htmlString(html`<h1>${title}</h1>
<div class="error-summary" role="alert" tabindex="-1" autofocus><p>${body}</p></div>
<p><a href="${localizedPath(locale, '/tip/')}">${useTranslations(locale)('tip.backToForm')}</a></p>`);
}

/** "Page | Site" with the page part replaced. */
export function retitle(pageTitle: string): (builtTitle: string) => string {
  return (builtTitle) => {
    const siteName = builtTitle.split(' | ').slice(1).join(' | ');
    return siteName ? `${pageTitle} | ${siteName}` : pageTitle;
  };
}
