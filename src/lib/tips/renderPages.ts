import { localizedPath, type Locale } from '../../i18n/locales';
import { formatDate } from '../formatDate';
import { escapeHtml } from './html';
import { translator } from './messages';
import type { TipStatus } from './storage';

/** Marks, written by the static tip pages, around the part the function replaces. */
export const shellStart = '<!--tip-area-->';
export const shellEnd = '<!--/tip-area-->';

/**
 * A built page with its tip area and title replaced, marked not to be indexed. The layout
 * (header, navigation, fonts, styles) stays Astro's, so the function never copies it.
 */
export function fillShell(shellHtml: string, areaHtml: string, title: (builtTitle: string) => string): string {
  const start = shellHtml.indexOf(shellStart);
  const end = shellHtml.indexOf(shellEnd);
  if (start < 0 || end < start) throw new Error('The tip page shell has no <!--tip-area--> marks: rebuild the site.');
  const filled = shellHtml.slice(0, start + shellStart.length) + areaHtml + shellHtml.slice(end);
  return filled
    .replace(/<title>([^<]*)<\/title>/, (_whole, builtTitle: string) => `<title>${escapeHtml(title(decodeTitle(builtTitle)))}</title>`)
    .replace('</head>', '<meta name="robots" content="noindex"></head>');
}

/** The confirmation: the receipt code once, how to keep it, what happens next. */
export function renderConfirmation(locale: Locale, code: string, receivedAt: Date): string {
  const t = translator(locale);
  return `<h1>${escapeHtml(t('tip.received.title'))}</h1>
<section class="receipt" aria-labelledby="tip-receipt-title">
<h2 id="tip-receipt-title">${escapeHtml(t('tip.received.receiptTitle'))}</h2>
<p>${escapeHtml(t('tip.received.codeLabel'))}</p>
<p class="receipt-code" translate="no" data-receipt-code>${escapeHtml(code)}</p>
<p>${escapeHtml(t('tip.received.dateLabel'))} <time datetime="${receivedAt.toISOString()}">${escapeHtml(formatDate(receivedAt, locale))}</time></p>
<p class="receipt-note">${escapeHtml(t('tip.received.printNote'))}</p>
</section>
<section class="keep-code" aria-labelledby="tip-keep-title">
<h2 id="tip-keep-title">${escapeHtml(t('tip.received.keepTitle'))}</h2>
<p>${escapeHtml(t('tip.received.keepBody'))}</p>
<form method="get" action="${localizedPath(locale, '/tip/status/')}#saved">
<div class="choice">
<input type="checkbox" id="tip-saved" name="saved" value="yes" required>
<label for="tip-saved">${escapeHtml(t('tip.received.savedLabel'))}</label>
</div>
<p><button type="submit" class="button">${escapeHtml(t('tip.received.savedButton'))}</button></p>
</form>
</section>
<section aria-labelledby="tip-next-title">
<h2 id="tip-next-title">${escapeHtml(t('tip.received.nextTitle'))}</h2>
<p>${escapeHtml(t('tip.received.nextBody'))}</p>
</section>`;
}

/** Shown when the confirmation is opened again: the code is shown only once. */
export function renderConfirmationGone(locale: Locale): string {
  const t = translator(locale);
  return `<h1>${escapeHtml(t('tip.received.goneTitle'))}</h1>
<p>${escapeHtml(t('tip.received.goneBody'))}</p>
<p><a href="${localizedPath(locale, '/tip/status/')}">${escapeHtml(t('tip.status.title'))}</a></p>`;
}

/** The answer to a status question: the status and its date, never the tip's content. */
export function renderStatusResult(locale: Locale, result: { status: TipStatus; changedAt: Date } | undefined): string {
  const t = translator(locale);
  const again = `<p><a href="${localizedPath(locale, '/tip/status/')}">${escapeHtml(t('tip.status.again'))}</a></p>`;
  if (!result) {
    return `<h1>${escapeHtml(t('tip.status.resultTitle'))}</h1>
<div class="error-summary" role="alert" tabindex="-1" autofocus><p>${escapeHtml(t('tip.status.notFound'))}</p></div>${again}`;
  }
  return `<h1>${escapeHtml(t('tip.status.resultTitle'))}</h1>
<dl class="status-result">
<dt>${escapeHtml(t('tip.status.statusLabel'))}</dt><dd data-tip-status="${result.status}">${escapeHtml(t(`tip.status.value.${result.status}`))}</dd>
<dt>${escapeHtml(t('tip.status.sinceLabel'))}</dt><dd><time datetime="${result.changedAt.toISOString()}">${escapeHtml(formatDate(result.changedAt, locale))}</time></dd>
</dl>
<p>${escapeHtml(t(`tip.status.explain.${result.status}`))}</p>${again}`;
}

/** A page for a request the form could not have sent as it is (too large, wrong type, broken). */
export function renderProblem(locale: Locale, title: string, body: string): string {
  return `<h1>${escapeHtml(title)}</h1>
<div class="error-summary" role="alert" tabindex="-1" autofocus><p>${escapeHtml(body)}</p></div>
<p><a href="${localizedPath(locale, '/tip/')}">${escapeHtml(translator(locale)('tip.backToForm'))}</a></p>`;
}

function decodeTitle(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

/** "Page | Site" with the page part replaced. */
export function retitle(pageTitle: string): (builtTitle: string) => string {
  return (builtTitle) => {
    const siteName = builtTitle.split(' | ').slice(1).join(' | ');
    return siteName ? `${pageTitle} | ${siteName}` : pageTitle;
  };
}
