// The conversation under an opened tip on /staff/ (issue 15). The messages arrive sealed and are
// opened here with the loaded reviewer key; a question is sealed here, for the tipster (to the
// public key derived from their receipt code) and for every active reviewer, before it leaves the
// page: the server stores it and can read neither copy. Everything a tipster wrote goes into the
// page as textContent; their files are saved under names from the tip and place, never theirs.
import { importReviewerPublicKey, type OpeningKey } from '../lib/crypto/reviewerKeys';
import { openAsReviewer, openFileAsReviewer, type OpenedForReviewer } from '../lib/conversation/forReviewers';
import type { MessageAuthor, MessageFile } from '../lib/conversation/model';
import { sealMessage } from '../lib/conversation/sealMessage';
import { describedFileLine, messageFileBaseName } from '../lib/staff/evidenceFileName';
import type { Translate } from '../i18n/translate';

/** What this part uses of the staff page (src/scripts/staff.ts). */
export interface ConversationPage {
  api(path: string, init?: RequestInit): Promise<Response>;
  post(path: string, body: unknown): Promise<Response>;
  t: Translate;
  keys: OpeningKey[];
  element(tag: string, text?: string, className?: string): HTMLElement;
  say(text: string): void;
  showOpenedFile(item: HTMLElement, bytes: Uint8Array, contentType: string, baseName: string, imageAlt: string): void;
  currentTipId(): string;
}

interface ListedMessage {
  position: number;
  author: MessageAuthor;
  sentHour: string;
  writtenBy: string;
  forReviewers: string;
  unread: boolean;
  files: Array<{ position: number; contentType: string; byteLength: number; deletedAt?: string }>;
}

interface ConversationAnswer {
  tipsterPublicKey: string;
  reviewers: Array<{ name: string; publicKey: string }>;
  nextPosition: number;
  staffReadThrough: number;
  messages: ListedMessage[];
}

const shortTime = (iso: string) => iso.slice(0, 16).replace('T', ' ');
const tipPath = (tipId: string) => `/api/staff/tips/${encodeURIComponent(tipId)}`;
/** What the form seals to: fetched with the conversation, so a question goes to the reviewers active now. */
let sealingFor: { tipId: string; answer: ConversationAnswer } | undefined;

function area(): HTMLElement {
  return document.querySelector<HTMLElement>('[data-conversation]')!;
}

/** Shows the conversation of `tipId` in order, opened with the loaded keys, and records how far it was shown. */
export async function showConversation(page: ConversationPage, tipId: string): Promise<void> {
  const { t, element } = page;
  const list = area();
  list.replaceChildren();
  const form = document.querySelector<HTMLFormElement>('[data-message-form]')!;
  sealingFor = undefined;
  const response = await page.api(`${tipPath(tipId)}/conversation`);
  const body = (await response.json()) as ConversationAnswer & { message?: string };
  form.hidden = !response.ok;
  if (!response.ok) {
    list.append(element('li', body.message ?? t('staff.conversation.error.none'), 'message'));
    return;
  }
  sealingFor = { tipId, answer: body };
  if (body.messages.length === 0) list.append(element('li', t('staff.conversation.empty')));
  else if (page.keys.length === 0) list.append(element('li', t('staff.conversation.needKey'), 'message'));
  let shownThrough = -1;
  for (const message of body.messages) {
    const item = element('li', undefined, `conversation-${message.author}`);
    const author = message.author === 'staff' ? t('staff.conversation.staffAuthor', { actor: message.writtenBy }) : t('staff.conversation.tipsterAuthor');
    const heading = element('h4');
    item.append(heading);
    list.append(item);
    let opened: OpenedForReviewer | undefined;
    // Retention erased both sealed copies of a long-closed tip's messages: nothing left to open.
    const erased = message.forReviewers === '';
    if (erased) item.append(element('p', t('staff.conversation.erased'), 'message'));
    else if (page.keys.length > 0) {
      try {
        opened = await openAsReviewer(page.keys, tipId, message.position, message.author, message.forReviewers);
      } catch (error) {
        item.append(element('p', error instanceof Error ? error.message : t('staff.error.decrypt'), 'message message--error'));
      }
    }
    heading.textContent = t('staff.conversation.heading', { number: message.position + 1, author, time: shortTime(opened?.body.sentAt ?? message.sentHour) });
    if (message.unread) heading.append(' ', element('strong', t('staff.conversation.unread'), 'unread-answer'));
    if (!opened) continue;
    if (shownThrough === message.position - 1) shownThrough = message.position;
    item.append(element('div', opened.body.text, 'tip-text'));
    if (message.files.length) item.append(fileList(page, tipId, message, opened));
  }
  // Read as far as it opened without a gap: an answer this key could not open stays unread.
  if (shownThrough > body.staffReadThrough) await page.post(`${tipPath(tipId)}/conversation/read`, { through: shownThrough });
}

function fileList(page: ConversationPage, tipId: string, message: ListedMessage, opened: OpenedForReviewer): HTMLElement {
  const { t, element } = page;
  const files = element('ul', undefined, 'evidence');
  for (const file of message.files) {
    const described: MessageFile | undefined = opened.body.files?.[file.position];
    const item = element('li');
    const label = t('staff.conversation.fileNumbered', { message: message.position + 1, number: file.position + 1 });
    item.append(element('p', describedFileLine(t, label, described)));
    if (file.deletedAt) item.append(element('p', t('staff.file.deleted', { date: file.deletedAt.slice(0, 10) })));
    else if (described) {
      const button = element('button', t('staff.file.decrypt'), 'secondary') as HTMLButtonElement;
      button.type = 'button';
      button.addEventListener('click', () => void openFile(page, tipId, message, file.position, described, opened, item));
      item.append(button);
    }
    files.append(item);
  }
  return files;
}

async function openFile(
  page: ConversationPage,
  tipId: string,
  message: ListedMessage,
  index: number,
  described: MessageFile,
  opened: OpenedForReviewer,
  item: HTMLElement,
): Promise<void> {
  const response = await page.api(`${tipPath(tipId)}/messages/${message.position}/files/${index}`, { headers: { Accept: 'application/octet-stream' } });
  if (!response.ok) return page.say(page.t('staff.error.download'));
  let bytes: Uint8Array;
  try {
    bytes = await openFileAsReviewer(page.keys, opened, tipId, message.position, message.author, index, new Uint8Array(await response.arrayBuffer()));
  } catch (error) {
    item.append(page.element('p', error instanceof Error ? error.message : page.t('staff.error.decrypt'), 'message message--error'));
    return;
  }
  page.showOpenedFile(
    item,
    bytes,
    described.contentType,
    messageFileBaseName(tipId, message.position, index),
    page.t('staff.conversation.photoAlt', { message: message.position + 1, number: index + 1 }),
  );
}

/** Seals and sends a question; when another message took the position meanwhile, reseals at the next one. */
async function send(page: ConversationPage, text: string): Promise<boolean> {
  if (!sealingFor || sealingFor.tipId !== page.currentTipId()) return false;
  const { tipId, answer } = sealingFor;
  const reviewers = await Promise.all(answer.reviewers.map((reviewer) => importReviewerPublicKey(reviewer.name, reviewer.publicKey)));
  let position = answer.nextPosition;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const sealed = await sealMessage({ reviewers, tipsterPublicKey: answer.tipsterPublicKey, tipId, position, author: 'staff', text, sentAt: new Date() });
    const sent = await page.post(`${tipPath(tipId)}/messages`, { position, forTipster: sealed.forTipster, forReviewers: sealed.forReviewers });
    if (sent.ok) return true;
    const refused = (await sent.json()) as { error?: string; message?: string; nextPosition?: number };
    if (sent.status !== 409 || refused.nextPosition === undefined) {
      page.say(refused.message ?? page.t('staff.conversation.error.sendFailed'));
      return false;
    }
    position = refused.nextPosition;
  }
  page.say(page.t('staff.conversation.error.positionTaken'));
  return false;
}

export function startMessageForm(page: ConversationPage): void {
  const form = document.querySelector<HTMLFormElement>('[data-message-form]')!;
  const field = form.querySelector<HTMLTextAreaElement>('textarea')!;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = field.value.trim();
    if (!text) return;
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    button.disabled = true;
    try {
      if (!(await send(page, text))) return;
      field.value = '';
      page.say(page.t('staff.conversation.sent'));
      await showConversation(page, page.currentTipId());
    } finally {
      button.disabled = false;
    }
  });
}
