/**
 * The signed-in account's password sessions on /staff/: how many are active, when this one
 * began, and a button that ends the others (a cookie left on another computer stops working).
 */
interface SessionList {
  sessions: Array<{ createdAt: string; expiresAt: string; current: boolean }>;
}

import type { Translate } from '../i18n/translate';

const shortTime = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export async function showSessions(api: (path: string) => Promise<Response>, post: (path: string, body: unknown) => Promise<Response>, t: Translate): Promise<void> {
  const area = document.querySelector<HTMLElement>('[data-sessions]');
  const text = document.querySelector<HTMLElement>('[data-session-summary]');
  const endOthers = document.querySelector<HTMLButtonElement>('[data-end-other-sessions]');
  if (!area || !text || !endOthers) return;
  const answer = await api('/api/staff/sessions');
  if (!answer.ok) return;
  const { sessions } = (await answer.json()) as SessionList;
  const current = sessions.find((session) => session.current);
  if (!current) return;
  text.textContent = t('staff.sessions.summary', { since: shortTime(current.createdAt), count: sessions.length });
  endOthers.hidden = sessions.length < 2;
  area.hidden = false;
  endOthers.onclick = async () => {
    await post('/api/staff/sessions/end-others', {});
    await showSessions(api, post, t);
  };
}
