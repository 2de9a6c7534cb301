// Staff review in the browser. Tips arrive sealed; they are opened here with the reviewer's own
// key file and its passphrase (imported non-extractable, held only in this page's memory).
// Everything a tipster wrote is put into the page with textContent, never as HTML; saved files are
// named by the tip and the type their bytes show, never by the tipster.
import { importKeyFile, keyFileNeedsPassphrase, type OpeningKey } from '../lib/crypto/reviewerKeys';
import { openTipContent, openTipFile, type OpenedTip as OpenedSeal } from '../lib/crypto/tipEnvelope';
import { describedFileLine, displayableFileName, evidenceBaseName, evidenceMediaType, savedFileName } from '../lib/staff/evidenceFileName';
import { pageTranslator } from '../i18n/pageStrings';
import type { UiKey } from '../i18n/schema';
import type { DeadlineState } from '../lib/staff/deadlines';
import type { AbuseCheck, TipStatus } from '../lib/tips/storage';
import { cleanImage } from '../lib/tips/cleanFiles/cleanImage';
import type { TipContent } from '../lib/tips/storage';
import { showSessions } from './staffSessions';
import { showConversation, startMessageForm, type ConversationPage } from './staffConversation';

interface ListedTip {
  id: string;
  categoryLabel: string;
  regionLabel: string;
  receivedAt: string;
  status: TipStatus;
  deadline: DeadlineState;
  ageDays: number;
  acknowledgeDue: string;
  answerDue: string;
  attachmentCount: number;
  abuseCheck: AbuseCheck;
  /** The tipster answered since staff last read the conversation. */
  hasUnreadAnswer?: boolean;
  anonymous: boolean;
  sealedToKeyId: string;
}
interface OpenedTip extends ListedTip {
  content: string;
  contentErasedAt?: string;
  attachments: Array<{ position: number; byteLength: number; deletedAt?: string }>;
  history: Array<{ status: TipStatus; note: string; changedBy: string; changedAt: string }>;
}

// The staff strings this page carries (StaffStrings in the page), in the staff UI's language.
const t = pageTranslator();
const statusLabel = (status: TipStatus) => t(`tip.status.value.${status}`);
const deadlineLabel = (state: DeadlineState) => t(`staff.deadline.${state}`);
const abuseCheckLabel = (check: AbuseCheck) => t(`staff.abuseCheck.${check}`);
/** An audit action's label, or the action itself for one this page has no label for. */
const auditActionLabel = (action: string) => {
  const key = `staff.audit.action.${action}` as UiKey;
  const label = t(key);
  return label === key ? action : label;
};

const keys: OpeningKey[] = [];
let csrfToken = '';
let listPage = 1;
let auditPage = 1;
let currentTipId = '';

const $ = <T extends HTMLElement = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

function element(tag: string, text?: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function say(text: string): void {
  $('[data-status-message]').textContent = text;
}

const shortTime = (iso: string) => iso.slice(0, 16).replace('T', ' ');

async function api(path: string, init: RequestInit = {}): Promise<Response> {
  // The server's messages come back in the page's language, whatever the browser prefers.
  const headers = { Accept: 'application/json', 'Accept-Language': document.documentElement.lang, ...(init.headers ?? {}) };
  const response = await fetch(path, { ...init, credentials: 'same-origin', headers });
  if (response.status === 401 || response.status === 403) {
    window.location.assign('/staff/login/');
    throw new Error('not signed in');
  }
  return response;
}

async function post(path: string, body: unknown): Promise<Response> {
  return api(path, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken }, body: JSON.stringify(body) });
}

function show(view: 'list' | 'tip' | 'audit'): void {
  for (const section of document.querySelectorAll<HTMLElement>('[data-view]')) section.hidden = section.dataset.view !== view;
  if (view === 'list') void loadList();
  if (view === 'audit') void loadAudit();
}

function filterQuery(): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of new FormData($<HTMLFormElement>('[data-filters]')).entries()) if (typeof value === 'string' && value) query.set(name, value);
  return query;
}

async function loadList(): Promise<void> {
  const query = filterQuery();
  $<HTMLAnchorElement>('[data-export]').href = `/api/staff/export.csv?${query}`;
  query.set('page', String(listPage));
  const response = await api(`/api/staff/tips?${query}`);
  const body = (await response.json()) as { tips: ListedTip[]; total: number; pageSize: number; message?: string };
  if (!response.ok) return say(body.message ?? t('staff.error.listFailed'));
  const rows = $('[data-tip-rows]');
  rows.replaceChildren(
    ...body.tips.map((tip) => {
      const row = element('tr');
      const open = element('button', t('staff.open'), 'secondary') as HTMLButtonElement;
      open.setAttribute('aria-label', t('staff.openTip', { id: tip.id.slice(0, 8) }));
      open.type = 'button';
      open.addEventListener('click', () => void openTip(tip.id));
      const action = element('td');
      action.append(open);
      const id = element('td', tip.id.slice(0, 8));
      if (tip.hasUnreadAnswer) id.append(' ', element('strong', t('staff.list.unreadAnswer'), 'unread-answer'));
      row.append(
        id,
        element('td', shortTime(tip.receivedAt)),
        element('td', tip.categoryLabel),
        element('td', tip.regionLabel),
        element('td', statusLabel(tip.status)),
        element('td', t('staff.deadlineWithAge', { deadline: deadlineLabel(tip.deadline), days: tip.ageDays }), `deadline-${tip.deadline}`),
        element('td', String(tip.attachmentCount)),
        element('td', abuseCheckLabel(tip.abuseCheck)),
        action,
      );
      return row;
    }),
  );
  const pages = Math.max(1, Math.ceil(body.total / body.pageSize));
  $('[data-list-summary]').textContent = t('staff.list.summary', { total: body.total, page: listPage, pages });
  $<HTMLButtonElement>('[data-page="previous"]').disabled = listPage <= 1;
  $<HTMLButtonElement>('[data-page="next"]').disabled = listPage >= pages;
}

function field(list: HTMLElement, label: string, value: string): void {
  list.append(element('dt', label), element('dd', value));
}

async function openTip(id: string): Promise<void> {
  currentTipId = id;
  const response = await api(`/api/staff/tips/${encodeURIComponent(id)}`);
  if (!response.ok) return say(t('staff.error.openFailed'));
  const tip = (await response.json()) as OpenedTip;
  show('tip');
  const meta = $('[data-tip-meta]');
  meta.replaceChildren();
  field(meta, t('staff.field.id'), tip.id);
  field(meta, t('staff.field.receivedAt'), shortTime(tip.receivedAt));
  field(meta, t('staff.field.category'), tip.categoryLabel);
  field(meta, t('staff.field.region'), tip.regionLabel);
  field(meta, t('staff.field.status'), statusLabel(tip.status));
  field(
    meta,
    t('staff.field.deadline'),
    t('staff.deadlineDetail', { deadline: deadlineLabel(tip.deadline), acknowledgeDue: tip.acknowledgeDue.slice(0, 10), answerDue: tip.answerDue.slice(0, 10), days: tip.ageDays }),
  );
  field(meta, t('staff.field.abuseCheck'), abuseCheckLabel(tip.abuseCheck));
  field(meta, t('staff.field.sealedTo'), tip.sealedToKeyId);

  const contentArea = $('[data-tip-content]');
  const files = $('[data-tip-files]');
  files.replaceChildren();
  contentArea.replaceChildren();
  let content: TipContent | undefined;
  let seal: OpenedSeal | undefined;
  if (tip.contentErasedAt) contentArea.append(element('p', t('staff.tip.contentErased', { date: tip.contentErasedAt.slice(0, 10) }), 'message'));
  else
    try {
      seal = await openTipContent(keys, tip.id, tip.content);
      content = JSON.parse(seal.text) as TipContent;
    } catch (error) {
      contentArea.append(element('p', error instanceof Error ? error.message : t('staff.error.decrypt'), 'message message--error'));
    }
  if (content) {
    const list = element('dl', undefined, 'tip-fields');
    field(list, t('staff.field.place'), content.place);
    if (content.noticedOn) field(list, t('staff.field.noticedOn'), content.noticedOn);
    if (content.responsible) field(list, t('staff.field.responsible'), content.responsible);
    field(list, t('staff.field.identity'), tip.anonymous ? t('staff.anonymous') : t('staff.named'));
    if (content.contact) field(list, t('staff.field.contact'), [content.contact.name, content.contact.phone, content.contact.email].filter(Boolean).join('\n'));
    field(list, t('staff.field.locale'), content.locale);
    contentArea.append(list, element('h3', t('staff.field.description')), element('div', content.description, 'tip-text'));
  }
  for (const attachment of tip.attachments) {
    const described = content?.attachments?.[attachment.position];
    const item = element('li');
    const label = t('staff.file.numbered', { number: attachment.position + 1 });
    item.append(element('p', describedFileLine(t, label, described)));
    if (attachment.deletedAt) item.append(element('p', t('staff.file.deleted', { date: attachment.deletedAt.slice(0, 10) })));
    else if (described && seal) {
      const button = element('button', t('staff.file.decrypt'), 'secondary') as HTMLButtonElement;
      button.type = 'button';
      const opened = seal;
      button.addEventListener('click', () => void showFile(tip.id, attachment.position, described, opened, item));
      item.append(button);
    }
    files.append(item);
  }
  const history = $('[data-tip-history]');
  history.replaceChildren(
    ...tip.history.map((change) => {
      const row = element('tr');
      row.append(element('td', shortTime(change.changedAt)), element('td', statusLabel(change.status)), element('td', change.note), element('td', change.changedBy));
      return row;
    }),
  );
  $<HTMLSelectElement>('#new-status').value = tip.status;
  $('#tip-title').focus();
  await showConversation(conversationPage, tip.id);
}

/** A link that saves the bytes as `name`, labelled with the type the bytes show (never the tipster's). */
function download(bytes: Uint8Array, name: string, label: string): HTMLAnchorElement {
  const link = element('a', label) as HTMLAnchorElement;
  link.href = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: evidenceMediaType(bytes) }));
  link.download = name;
  link.className = 'button';
  return link;
}

async function showFile(id: string, position: number, described: NonNullable<TipContent['attachments']>[number], seal: OpenedSeal, item: HTMLElement): Promise<void> {
  const response = await api(`/api/staff/tips/${encodeURIComponent(id)}/files/${position}`, { headers: { Accept: 'application/octet-stream' } });
  if (!response.ok) return say(t('staff.error.download'));
  let bytes: Uint8Array;
  try {
    bytes = await openTipFile(keys, seal, id, position, new Uint8Array(await response.arrayBuffer()));
  } catch (error) {
    item.append(element('p', error instanceof Error ? error.message : t('staff.error.decrypt'), 'message message--error'));
    return;
  }
  showOpenedFile(item, bytes, described.contentType, evidenceBaseName(id, position), t('staff.file.photoAlt', { name: t('staff.file.numbered', { number: position + 1 }) }));
}

/**
 * An opened evidence file under `item`: a photo shown without its metadata (with both downloads),
 * anything else as a download only; saved as `baseName` and the type its bytes show.
 */
export function showOpenedFile(item: HTMLElement, bytes: Uint8Array, contentType: string, baseName: string, imageAlt: string): void {
  const cleaned = contentType.startsWith('image/') ? cleanImage(bytes, contentType) : undefined;
  const actions = element('p');
  if (cleaned) {
    const image = document.createElement('img');
    image.alt = imageAlt;
    // data: (allowed by the CSP's img-src); the picture without its metadata.
    image.src = `data:${contentType};base64,${btoa(Array.from(cleaned, (byte) => String.fromCharCode(byte)).join(''))}`;
    item.append(image);
    actions.append(download(cleaned, savedFileName(baseName, cleaned, '-cleaned'), t('staff.file.downloadCleaned')), ' ');
  } else if (contentType.startsWith('image/')) {
    item.append(element('p', t('staff.file.notCleaned')));
  }
  actions.append(download(bytes, savedFileName(baseName, bytes), t('staff.file.downloadOriginal')));
  item.append(actions);
}

/** What the conversation under an opened tip uses of this page. */
const conversationPage: ConversationPage = { api, post, t, keys, element, say, showOpenedFile, currentTipId: () => currentTipId };

async function loadAudit(): Promise<void> {
  const response = await api(`/api/staff/audit?page=${auditPage}`);
  const body = (await response.json()) as { entries: Array<{ at: string; actor: string; action: string; tipId?: string; detail: string }>; total: number; pageSize: number };
  $('[data-audit-rows]').replaceChildren(
    ...body.entries.map((entry) => {
      const row = element('tr');
      row.append(
        element('td', shortTime(entry.at)),
        element('td', entry.actor),
        element('td', auditActionLabel(entry.action)),
        element('td', entry.tipId ?? ''),
        element('td', entry.detail),
      );
      return row;
    }),
  );
  const pages = Math.max(1, Math.ceil(body.total / body.pageSize));
  $<HTMLButtonElement>('[data-audit-page="previous"]').disabled = auditPage <= 1;
  $<HTMLButtonElement>('[data-audit-page="next"]').disabled = auditPage >= pages;
}

async function loadKeys(input: HTMLInputElement, passphraseInput: HTMLInputElement): Promise<void> {
  for (const file of input.files ?? []) {
    const text = await file.text();
    if (keyFileNeedsPassphrase(text) && !passphraseInput.value) {
      say(t('staff.keys.passphraseNeeded', { file: displayableFileName(file.name) }));
      passphraseInput.focus();
      return;
    }
    try {
      const key = await importKeyFile(text, passphraseInput.value);
      if (!keys.some((held) => held.keyId === key.keyId)) keys.push(key);
    } catch (error) {
      say(t('staff.keys.fileError', { file: displayableFileName(file.name), message: error instanceof Error ? error.message : t('staff.keys.unreadable') }));
    }
  }
  // Neither the file's text nor the passphrase is kept; clearing the inputs drops the browser's references.
  input.value = '';
  passphraseInput.value = '';
  const keyNames = keys.map((key) => (key.name ? t('staff.keys.named', { name: key.name, id: key.keyId }) : key.keyId));
  $('[data-key-list]').textContent = keys.length ? t('staff.keys.loadedList', { ids: new Intl.ListFormat(document.documentElement.lang).format(keyNames) }) : t('staff.keys.none');
  if (keys.length) say(t('staff.keys.loaded'));
  if (currentTipId && !$('[data-view="tip"]').hidden) await openTip(currentTipId);
}

export async function startStaffReview(): Promise<void> {
  const response = await api('/api/staff/session');
  const session = (await response.json()) as { actor: string; csrfToken: string; retentionDays: number };
  csrfToken = session.csrfToken;
  $('[data-actor]').textContent = t('staff.actor', { actor: session.actor });
  $('[data-retention-text]').textContent = t('staff.retention.body', { days: session.retentionDays });
  void showSessions(api, post, t);

  $<HTMLFormElement>('[data-key-form]').addEventListener('submit', (event) => {
    event.preventDefault();
    void loadKeys($<HTMLInputElement>('[data-key-input]'), $<HTMLInputElement>('[data-key-passphrase]'));
  });
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-show]')) button.addEventListener('click', () => show(button.dataset.show as 'list' | 'audit'));
  $<HTMLFormElement>('[data-filters]').addEventListener('submit', (event) => {
    event.preventDefault();
    listPage = 1;
    void loadList();
  });
  $('[data-page="previous"]').addEventListener('click', () => {
    listPage = Math.max(1, listPage - 1);
    void loadList();
  });
  $('[data-page="next"]').addEventListener('click', () => {
    listPage += 1;
    void loadList();
  });
  $('[data-audit-page="previous"]').addEventListener('click', () => {
    auditPage = Math.max(1, auditPage - 1);
    void loadAudit();
  });
  $('[data-audit-page="next"]').addEventListener('click', () => {
    auditPage += 1;
    void loadAudit();
  });
  $<HTMLFormElement>('[data-status-form]').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const answer = await post(`/api/staff/tips/${encodeURIComponent(currentTipId)}/status`, { status: form.get('status'), note: form.get('note') });
    const body = (await answer.json()) as { message?: string };
    if (!answer.ok) return say(body.message ?? t('staff.error.saveFailed'));
    $<HTMLTextAreaElement>('#status-note').value = '';
    say(t('staff.status.saved'));
    await openTip(currentTipId);
  });
  startMessageForm(conversationPage);
  $('[data-retention]').addEventListener('click', async () => {
    const answer = await post('/api/staff/retention', {});
    const body = (await answer.json()) as { deleted?: number; erased?: number; message?: string };
    say(answer.ok ? t('staff.retention.done', { count: body.deleted ?? 0, erased: body.erased ?? 0 }) : (body.message ?? t('staff.error.runFailed')));
  });
  $('[data-logout]').addEventListener('click', async () => {
    await post('/api/staff/logout', {});
    keys.length = 0;
    window.location.assign('/staff/login/');
  });
  await loadList();
}
