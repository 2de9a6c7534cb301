import { localizedPath, type Locale } from '../../i18n/locales';
import { useTranslations } from '../../i18n';
import type { UiKey } from '../../i18n/schema';
import { formatDate } from '../formatDate';
import { html, htmlString, type Markup } from '../escapedHtml';
import { renderEvidenceFields } from '../../components/tip/tipFormTemplate';
import { tipLimits, tipMessageValues, type ReplyFieldErrors } from '../tips/tipSchema';
import type { TipsterStatusView } from './store';
import type { MessageAuthor, MessageBody } from './model';

/** Where the conversation's forms post; all under the session cookie's path. */
export const conversationPaths = {
  status: '/api/tips/status',
  reply: '/api/tips/status/reply',
  leave: '/api/tips/status/leave',
  exit: '/api/tips/status/exit',
} as const;

/** A message as the tipster's page shows it, opened with the keys their session carries. */
export interface ShownMessage {
  position: number;
  author: MessageAuthor;
  body: MessageBody;
  isNew: boolean;
}

export interface ConversationPage {
  view: TipsterStatusView;
  /** Undefined: a tip from before conversations (status only). */
  messages?: ShownMessage[];
  csrfToken: string;
  /** A one-line notice at the top ("sent", a problem with the reply). */
  notice?: { key: UiKey; isError: boolean };
  replyErrors?: ReplyFieldErrors;
  /** What the tipster typed, shown again when the reply had a problem. */
  replyText?: string;
}

/** The code form of /{locale}/tip/status/ (the static page uses it too), with an optional one-line notice. */
export function renderStatusCodeForm(locale: Locale, notice?: UiKey, values?: Record<string, string | number>): string {
  const t = useTranslations(locale);
  return htmlString(html`<h1>${t('tip.status.title')}</h1>
${notice ? html`<p class="notice" role="status">${t(notice, values)}</p>` : html`<p class="saved-thanks" id="saved">${t('tip.status.savedThanks')}</p>`}
<p>${t('tip.status.intro')}</p>
<form method="post" action="${conversationPaths.status}?lang=${locale}" class="tip-form">
<div class="field">
<label for="tip-status-code">${t('tip.status.codeLabel')}</label>
<p class="hint" id="tip-status-code-hint">${t('tip.status.codeHint')}</p>
<input class="code-input" id="tip-status-code" name="code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" required aria-describedby="tip-status-code-hint">
</div>
<p><button type="submit" class="button">${t('tip.status.submit')}</button></p>
</form>`);
}

const time = (iso: string, locale: Locale): Markup => html`<time datetime="${iso}">${formatDate(new Date(iso), locale)}</time>`;

function renderMessage(locale: Locale, message: ShownMessage): Markup {
  const t = useTranslations(locale);
  const files = message.body.files ?? [];
  return html`<li class="message message--${message.author}" data-message-author="${message.author}"${message.isNew ? html` data-message-new` : ''}>
<p class="message-meta"><strong>${t(message.author === 'staff' ? 'tip.conversation.fromStaff' : 'tip.conversation.fromTipster')}</strong> ${time(message.body.sentAt, locale)}${
    message.isNew ? html` <span class="message-new">${t('tip.conversation.new')}</span>` : ''
  }</p>
<p class="message-text">${message.body.text}</p>
${files.length ? html`<p class="message-files">${t('tip.conversation.filesLabel')} ${files.map((file) => file.name).join('、')}</p>` : ''}
</li>`;
}

function renderReplyForm(locale: Locale, page: ConversationPage): Markup {
  const t = useTranslations(locale);
  const error = page.replyErrors?.text;
  return html`<section aria-labelledby="tip-reply-title">
<h2 id="tip-reply-title">${t('tip.conversation.replyTitle')}</h2>
<form class="tip-form" method="post" action="${conversationPaths.reply}?lang=${locale}" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="${page.csrfToken}">
<div class="field${error ? ' field--error' : ''}">
<label for="tip-reply-text">${t('tip.conversation.replyLabel')}</label>
<p class="hint" id="tip-reply-text-hint">${t('tip.conversation.replyHint', tipMessageValues)}</p>
${error ? html`<p class="field-error" id="tip-reply-text-error">${t(error, tipMessageValues)}</p>` : ''}
<textarea id="tip-reply-text" name="text" rows="6" maxlength="${tipLimits.descriptionMax}" required aria-describedby="tip-reply-text-hint${error ? ' tip-reply-text-error' : ''}"${
    error ? html` aria-invalid="true"` : ''
  }>${page.replyText ?? ''}</textarea>
</div>
${renderEvidenceFields(locale, { files: page.replyErrors?.files, metadata: page.replyErrors?.metadata }, { keepMetadata: false, filesDropped: page.replyText !== undefined })}
<p><button type="submit" class="button">${t('tip.conversation.send')}</button></p>
</form>
</section>`;
}

/** The tipster's page after the code: status history, every message, the reply form, leave and quick exit. */
export function renderConversationPage(locale: Locale, page: ConversationPage): string {
  const t = useTranslations(locale);
  const { view, messages } = page;
  const hasNew = messages?.some((message) => message.isNew) ?? false;
  return htmlString(html`<a class="quick-exit" href="${conversationPaths.exit}" rel="noreferrer">${t('tip.quickExit')}</a>
<h1>${t('tip.conversation.title')}</h1>
${page.notice ? html`<p class="${page.notice.isError ? 'error-summary' : 'notice'}" role="${page.notice.isError ? 'alert' : 'status'}">${t(page.notice.key)}</p>` : ''}
${hasNew ? html`<p class="notice" role="status">${t('tip.conversation.hasNew')}</p>` : ''}
<dl class="status-result">
<dt>${t('tip.status.statusLabel')}</dt><dd data-tip-status="${view.status}">${t(`tip.status.value.${view.status}`)}</dd>
</dl>
<p>${t(`tip.status.explain.${view.status}`)}</p>
<section aria-labelledby="tip-history-title">
<h2 id="tip-history-title">${t('tip.conversation.historyTitle')}</h2>
<ol class="status-history">
${view.history.map((entry) => html`<li>${time(entry.changedAt, locale)} ${t(`tip.status.value.${entry.status}`)}</li>\n`)}</ol>
</section>
${
  messages
    ? html`<section aria-labelledby="tip-messages-title">
<h2 id="tip-messages-title">${t('tip.conversation.messagesTitle')}</h2>
${messages.length ? html`<ol class="messages">${messages.map((message) => renderMessage(locale, message))}</ol>` : html`<p>${t('tip.conversation.noMessages')}</p>`}
</section>
${renderReplyForm(locale, page)}`
    : html`<p>${t('tip.conversation.noConversation')}</p>`
}
<form method="post" action="${conversationPaths.leave}?lang=${locale}">
<input type="hidden" name="csrf" value="${page.csrfToken}">
<p class="hint" id="tip-leave-hint">${t('tip.conversation.leaveHint')}</p>
<p><button type="submit" class="button button--secondary" aria-describedby="tip-leave-hint">${t('tip.conversation.leave')}</button></p>
</form>
<p><a href="${localizedPath(locale, '/tip/status/')}">${t('tip.status.again')}</a></p>`);
}
